#pragma once

#include <string>

namespace mine {
inline int value() { return 1; }
}  // namespace mine

using namespace mine;  // expect: warning/using-namespace-in-header

inline std::string name() {
  using namespace std::string_literals;  // no-finding
  return "x"s;
}
