// The branches a macro's body writes (`assert` expands to `?:`) are not the
// function's; the conditions passed to it are, unless it is an assertion.
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

#define REQUIRE_ALL(x) \
  if (!(x)) return -1

int conditions(int a, int b, int c, int d, int e, int f) {  // expect: design/cyclomatic-complexity
  REQUIRE_ALL(a > 0 && b > 0);
  REQUIRE_ALL(c > 0 && d > 0);
  REQUIRE_ALL(e > 0 && f > 0);
  REQUIRE_ALL(a < b || b < c);
  REQUIRE_ALL(c < d || d < e);
  REQUIRE_ALL(e < f || f < a);
  REQUIRE_ALL(a != f && b != e);
  REQUIRE_ALL(c != d && a != c);
  REQUIRE_ALL(b != d || e != f);
  REQUIRE_ALL(a != e || c != f);
  return a;
}

// The conditions an assertion checks are not paths through the function.
int asserted(int a, int b, int c, int d) {  // no-finding
  assert(a > 0 && b > 0);
  assert(c > 0 || d > 0);
  assert(a != b && b != c && c != d);
  assert(a < 100 || b < 100 || c < 100);
  assert(d != 7 && d != 8 && d != 9);
  return a + b + c + d;
}
