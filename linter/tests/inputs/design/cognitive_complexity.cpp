int nested(int a, int b, int c) {  // expect: design/cognitive-complexity
  int total = 0;
  for (int i = 0; i < a; ++i) {        // +1
    if (i % 2 == 0) {                  // +2
      for (int j = 0; j < b; ++j) {    // +3
        if (j > c && c > 0) {          // +4, +1 for &&
          total += j;
        } else if (j == c) {           // +1
          total -= j;
        } else {                       // +1
          while (total > 100) total--; // +5
        }
      }
    }
  }
  return total;
}

int flat(int kind) {  // no-finding
  if (kind == 1) return 10;
  if (kind == 2) return 20;
  if (kind == 3 || kind == 4) return 30;
  switch (kind) {
    case 5:
      return 50;
    default:
      return 0;
  }
}
