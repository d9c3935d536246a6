#pragma once

// The definition behind detail::Style, for the TUs that already pay for Clang's
// formatting headers.

#include <clang/Format/Format.h>

#include "detail/engine.hpp"

namespace retort::format::detail {

struct Style {
  clang::format::FormatStyle value;
};

}  // namespace retort::format::detail
