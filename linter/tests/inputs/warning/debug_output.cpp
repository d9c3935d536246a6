#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

int parse(const std::string& text) {
  std::cerr << "parsing " << text << "\n";  // expect: warning/debug-output
  std::printf("here\n");                    // expect: warning/debug-output
  std::fprintf(stderr, "there\n");          // expect: warning/debug-output
  std::ostringstream log;
  log << "parsed " << text;  // no-finding
  return static_cast<int>(text.size());
}

// Printing by design: its name says so, it reports a fatal error before ending the
// program, or a logging macro's body writes it.
void ShowUsage() { std::cout << "usage: tool FILE\n"; }  // no-finding

[[noreturn]] void die(const char* why);

int parse_or_die(const std::string& text) {
  if (text.empty()) {
    std::cerr << "nothing to parse\n";  // no-finding
    die("empty input");
  }
  return static_cast<int>(text.size());
}

#define DEBUG_LOG(x) \
  if (true) {        \
  } else             \
    std::cerr << x

int quiet(int x) {
  DEBUG_LOG(x);  // no-finding
  return x;
}

// A logging library's own writer reports on stderr when it cannot log.
class LogFileWriter {
 public:
  bool Write(const char* line) {
    if (line == nullptr) {
      std::fprintf(stderr, "could not create a log file\n");  // no-finding
      return false;
    }
    return true;
  }
};
