#pragma once

// Builds the formatter's diagnostics; check ids and texts live in rules.cpp.

#include <filesystem>
#include <string>

#include "retort/core/diagnostic.hpp"
#include "retort/formatter/formatter.hpp"

namespace retort::format::detail {

/// A diagnostic of the formatter about `file` (shown relative to `root`) at `line`.
Diagnostic finding(const std::string& check_id, Severity severity, std::string message,
                   const std::filesystem::path& file, const std::filesystem::path& root,
                   unsigned line = 1);

}  // namespace retort::format::detail
