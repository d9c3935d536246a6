#include <array>

constexpr int max_retries = 7;  // no-finding
const double tolerance = 0.25;  // no-finding
enum class Level { low = 10, high = 20 };  // no-finding

bool should_retry(int attempts) {
  return attempts < 7;  // expect: readability/magic-number
}

double scale(double value) {
  return value * 3.75;  // expect: readability/magic-number
}

int small(int value) {
  std::array<int, 16> buffer{};  // no-finding
  return value * 2 + 1 + buffer[0] + max_retries;  // no-finding
}

bool is_retry_left(int attempts) { return attempts < max_retries; }  // no-finding

struct Limits {
  int timeout;
  int retries;
};

// A designated initialiser names what its number is.
int limits() {
  Limits limits{.timeout = 60,  // no-finding
                .retries = 5};  // no-finding
  Limits positional{60, 5};  // expect: readability/magic-number
  return limits.timeout + positional.retries;
}
