void risky();

void careless() {
  try {
    risky();
  } catch (...) {  // expect: warning/swallowed-exception
  }
}

void careful() {
  try {
    risky();
  } catch (...) {  // no-finding
    throw;
  }
}

#include <exception>
#include <stdexcept>

void nested() {
  try {
    risky();
  } catch (...) {  // no-finding
    std::throw_with_nested(std::runtime_error("while saving"));
  }
}

[[noreturn]] void fail(const char* why);

void fatal() {
  try {
    risky();
  } catch (...) {  // no-finding
    fail("risky failed");
  }
}

std::exception_ptr kept() {
  try {
    risky();
  } catch (...) {  // no-finding
    return std::current_exception();
  }
  return nullptr;
}

#define RECORD_FAILURES(statement) \
  try {                            \
    statement;                     \
  } catch (...) {                  \
    ++failures;                    \
  }

int failures = 0;

void test_body() {
  RECORD_FAILURES(risky());  // no-finding
  RECORD_FAILURES(risky());  // no-finding
}

#include <cstdio>

// A test runner's top-level handler reports and returns the failure.
bool run_one(const char* name) {
  try {
    risky();
  } catch (...) {  // no-finding
    std::printf("test %s failed: unknown exception\n", name);
    return false;
  }
  return true;
}

void skip_bad(int count) {
  for (int i = 0; i < count; ++i) {
    try {
      risky();
    } catch (...) {  // expect: warning/swallowed-exception
      continue;
    }
  }
}
