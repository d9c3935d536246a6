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

// What the compiler decides opens no path at run time: each `||` here is between
// template constants.
template <class T>
int step(int node) {  // no-finding
  const bool has_attributes = T::axis == 1 || T::axis == 2 || T::axis == 3 || T::axis == 4 ||
                              T::axis == 5 || T::axis == 6 || T::axis == 7 || T::axis == 8 ||
                              T::axis == 9 || T::axis == 10 || T::axis == 11;
  if (has_attributes) return node + 1;
  return node;
}

constexpr int kMode = 3;
enum Flavour { plain, salted };

template <int N>
int pick(int value) {  // no-finding
  if (N > 2 && kMode == 3 && sizeof(int) == 4 && !(N == 7) && N != 8 && N != 9 && N != 10 &&
      N != 11 && N != 12 && N != 13 && N != 14 && N != 15 && plain != salted)
    return value;
  return -value;
}
