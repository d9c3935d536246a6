#pragma once

/// @file
/// Suppression comments, shared by every tool:
/// `// retort: disable-next-line <id>[, <id>]`, `// retort: disable-line <id>`, and
/// `// retort: disable-begin <id>` ... `// retort: disable-end`. A suppression that
/// silences nothing is reported, so stale ones do not pile up.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "retort/core/diagnostic.hpp"

namespace retort {

/// One suppression comment: which checks it silences on which lines.
struct Suppression {
  /// The check ids it names.
  std::vector<std::string> check_ids;
  /// The first line it covers (1-based).
  unsigned first_line = 0;
  /// The last line it covers (inclusive).
  unsigned last_line = 0;
  /// The line the comment itself is on, where an unused one is reported.
  unsigned comment_line = 0;
};

/// Returns the suppression comments in `text`. An unclosed `disable-begin` covers
/// the rest of the file.
std::vector<Suppression> parse_suppressions(std::string_view text);

/// Drops the diagnostics that a suppression comment in their file covers, and adds a
/// `<tool>/unused-suppression` warning for each suppression of one of `tool`'s
/// checks (as told by `is_own_check`) that silenced nothing in `checked_files` (paths
/// as diagnostics show them). Files are read from `root` joined with those paths.
std::vector<Diagnostic> apply_suppressions(
    std::vector<Diagnostic> diagnostics, const std::filesystem::path& root,
    const std::vector<std::string>& checked_files, const std::string& tool,
    const std::function<bool(std::string_view)>& is_own_check);

}  // namespace retort
