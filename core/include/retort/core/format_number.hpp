#pragma once

/// @file
/// Numbers as every report prints them.

#include <string>

namespace retort {

/// Formats `percent` with one decimal, rounded down so a gate's shortfall never prints
/// as its threshold (99.96 is `99.9`).
///
/// ```cpp
/// retort::format_percent(87.5);  // "87.5"
/// ```
std::string format_percent(double percent);

}  // namespace retort
