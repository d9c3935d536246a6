// Lines with no logic of their own: member initialisers, preprocessor lines, tables
// and the ends of long strings are not code to extract into a function.
#include <cstring>

class Node {
 public:
  explicit Node(int type)
      : type_(static_cast<char>(type)),  // no-finding
        axis_(0),
        left_(nullptr),
        right_(nullptr),
        next_(nullptr),
        value_(0),
        name_("node") {}

  Node(int type, int axis)
      : type_(static_cast<char>(type)),  // no-finding
        axis_(0),
        left_(nullptr),
        right_(nullptr),
        next_(nullptr),
        value_(0),
        name_("node") {
    axis_ = static_cast<char>(axis);
  }

 private:
  char type_;
  char axis_;
  Node* left_;
  Node* right_;
  Node* next_;
  int value_;
  const char* name_;
};

const int kTable[] = {
    0x0009, 0x000A, 0x000B,  // no-finding
    0x000C, 0x000D, 0x0020,
    0x0085, 0x00A0, 0x1680,
    0x2000, 0x2001, 0x2002,
    0x2003, 0x2004, 0x2005,
    0x2006, 0x2007, 0x2008,
    0x0009, 0x000A, 0x000B,  // no-finding
    0x000C, 0x000D, 0x0020,
    0x0085, 0x00A0, 0x1680,
    0x2000, 0x2001, 0x2002,
    0x2003, 0x2004, 0x2005,
    0x2006, 0x2007, 0x2008,
};

int check(const char* text) { return static_cast<int>(std::strlen(text)); }

int first_length(const char* text) {
  int wide = check(text) + 1;
#if defined(_MSC_VER)
#pragma warning(push)
#pragma warning(disable : 4251)
#endif
#if defined(_MSC_VER)
#pragma warning(pop)
#endif
  return wide + check("{\n"
                      "}\n");
}

int second_length(const char* text) {
  int wide = check(text) - 1;
#if defined(_MSC_VER)  // no-finding
#pragma warning(push)
#pragma warning(disable : 4251)
#endif
#if defined(_MSC_VER)
#pragma warning(pop)
#endif
  return wide - check("[\n"
                      "}\n");
}

// Comments inside a line are not code: these calls differ in what they pass.
void configure(int level, bool verbose);

void quiet_setup() {
  configure(1, /*verbose=*/false);  // no-finding
  configure(2, /*verbose=*/false);
  configure(3, /*verbose=*/false);
  configure(4, /*verbose=*/false);
  configure(5, /*verbose=*/false);
  configure(6, /*verbose=*/false);
}

void loud_setup() {
  configure(1, /*verbose=*/true);  // no-finding
  configure(2, /*verbose=*/true);
  configure(3, /*verbose=*/true);
  configure(4, /*verbose=*/true);
  configure(5, /*verbose=*/true);
  configure(6, /*verbose=*/true);
}

// A row a regex over repeated literals would take exponential time to reject.
const unsigned long long kLimits[][3] = {
    {1234567890123456789ULL, 9876543210987654321ULL, 18446744073709551615ULL},  // no-finding
};
