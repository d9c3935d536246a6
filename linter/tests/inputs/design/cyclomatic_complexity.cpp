int classify(int a, int b, int c) {  // expect: design/cyclomatic-complexity
  int score = 0;
  if (a > 0) score += 1;
  if (b > 0) score += 1;
  if (c > 0) score += 1;
  if (a > b && b > c) score += 1;
  if (a < b || b < c) score += 1;
  for (int i = 0; i < a; ++i) score += i > 3 ? 1 : 0;
  while (score > 100) score /= 2;
  switch (c) {
    case 1:
      return 1;
    case 2:
      return 2;
  }
  return score;
}

int simple(int a) {  // no-finding
  if (a > 0) return 1;
  return a < -5 ? -1 : 0;
}
