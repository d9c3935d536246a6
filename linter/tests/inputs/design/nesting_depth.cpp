int deep(int a) {
  int total = 0;
  if (a > 0) {
    for (int i = 0; i < a; ++i) {
      while (total < i) {
        if (i % 2 == 0) {
          if (total > 3) {  // expect: design/nesting-depth
            total += 2;
          }
        }
        ++total;
      }
    }
  }
  return total;
}

int chain(int a) {
  if (a == 1) {
    return 1;
  } else if (a == 2) {
    return 2;
  } else if (a == 3) {
    return 3;
  } else if (a == 4) {
    return 4;
  } else if (a == 5) {  // no-finding
    return 5;
  }
  return 0;
}
