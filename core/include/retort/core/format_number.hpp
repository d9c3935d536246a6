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

/// Formats a threshold as the user wrote it: `80`, `81.8`.
///
/// ```cpp
/// retort::format_threshold(80.0);  // "80"
/// ```
std::string format_threshold(double value);

}  // namespace retort
