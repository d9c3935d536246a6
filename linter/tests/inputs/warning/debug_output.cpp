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
