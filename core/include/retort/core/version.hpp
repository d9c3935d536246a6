#pragma once

/// @file
/// retort's own version.

#include <string_view>

namespace retort {

/// Returns retort's version, e.g. `0.1.0`, as set by the top-level CMake project.
std::string_view version();

}  // namespace retort
