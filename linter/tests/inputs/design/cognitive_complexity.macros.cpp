// A test macro's own loops and ifs (googletest's EXPECT_EQ writes an `if`) are
// written in its definition, so each use adds nothing to the test's complexity.
#define EXPECT_SAME(a, b)                      \
  do {                                         \
    for (int i_ = 0; i_ < 1; ++i_) {           \
      if ((a) != (b)) {                        \
        if ((a) < (b)) record_failure(__LINE__); \
      }                                        \
    }                                          \
  } while (0)

void record_failure(int line);

void many_expectations(int x, int y) {  // no-finding
  EXPECT_SAME(x, y);
  EXPECT_SAME(x + 1, y + 1);
  EXPECT_SAME(x * 2, y * 2);
  EXPECT_SAME(x - 1, y - 1);
  EXPECT_SAME(x, 3);
}

int branchy(int x) {  // expect: design/cognitive-complexity
  int total = 0;
  for (int i = 0; i < x; ++i) {
    if (i % 2 == 0) {
      for (int j = 0; j < i; ++j) {
        if (j % 3 == 0 && j > 1) {
          while (total > 10) total -= 3;
        }
      }
    }
  }
  return total;
}

#include <cassert>

// `false && "message"` joins a message to a constant: no decision, no point.
int dispatch(int kind) {  // no-finding
  switch (kind) {
    case 0:
      return 1;
    case 1:
      return 2;
    default:
      assert(false && "unknown kind");
      assert(!"unknown kind" || kind > 1);
      assert(kind > 0 && "kind is positive");
      assert(kind < 9 && "kind is small");
      assert(kind != 3 && "kind is not three");
      assert(kind != 4 && "kind is not four");
      assert(kind != 5 && "kind is not five");
      assert(kind != 6 && "kind is not six");
      assert(kind != 7 && "kind is not seven");
      assert(kind != 8 && "kind is not eight");
      assert(kind != 2 && "kind is not two");
      assert(kind != 10 && "kind is not ten");
      assert(kind != 11 && "kind is not eleven");
      assert(kind != 12 && "kind is not twelve");
      assert(kind != 13 && "kind is not thirteen");
      return 0;
  }
}
