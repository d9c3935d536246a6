#include "retort/core/format_number.hpp"

#include <cmath>
#include <cstdio>

namespace retort {

std::string format_percent(double percent) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", std::floor(percent * 10 + 1e-9) / 10);
  return text;
}

}  // namespace retort
