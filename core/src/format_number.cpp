#include "retort/core/format_number.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace retort {

std::string format_percent(double percent) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", std::floor(percent * 10 + 1e-9) / 10);
  return text;
}

std::string format_threshold(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

}  // namespace retort
