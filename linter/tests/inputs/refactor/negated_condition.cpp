int use(int x);
int rebuild();

int pick(bool ready, int value) {
  if (!ready) {  // expect: refactor/negated-condition
    return rebuild();
  } else {
    return use(value);
  }
}

int compare(int a, int b) {
  if (a != b)  // expect: refactor/negated-condition
    return use(a);
  else
    return use(b);
}

int positive(bool ready, int value) {
  if (ready) {  // no-finding
    return use(value);
  } else {
    return rebuild();
  }
}

int guard(bool ready) {
  if (!ready) return 0;  // no-finding
  return rebuild();
}

int chain(int a) {
  if (!a) {  // no-finding
    return 1;
  } else if (a > 2) {
    return 2;
  }
  return 3;
}
