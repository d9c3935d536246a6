// The branches a system macro's body writes (`assert` expands to `?:`) are not the
// function's; the conditions passed to it are.
#include <cassert>

int checked(int a, int b, int c) {  // no-finding
  assert(a > 0);
  assert(b > 0);
  assert(c > 0);
  assert(a != b);
  assert(b != c);
  assert(a != c);
  assert(a < 100);
  assert(b < 100);
  assert(c < 100);
  assert(a + b > c);
  assert(b + c > a);
  return a + b + c;
}

int conditions(int a, int b, int c, int d, int e, int f) {  // expect: design/cyclomatic-complexity
  assert(a > 0 && b > 0);
  assert(c > 0 && d > 0);
  assert(e > 0 && f > 0);
  assert(a < b || b < c);
  assert(c < d || d < e);
  assert(e < f || f < a);
  assert(a != f && b != e);
  assert(c != d && a != c);
  assert(b != d || e != f);
  assert(a != e || c != f);
  return a;
}
