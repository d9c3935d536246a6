#pragma once

/// @file
/// Suppression comments, shared by every tool:
/// `// retort: disable-next-line <id>[, <id>]`, `// retort: disable-line <id>`, and
/// `// retort: disable-begin <id>` ... `// retort: disable-end`. A suppression that
/// silences nothing is reported, so stale ones do not pile up, and so is one that
/// names a check the tool does not have (a typo would silence nothing, silently).
/// clang-tidy's `NOLINT`, `NOLINTNEXTLINE` and `NOLINTBEGIN`/`NOLINTEND` are honoured
/// too: without a list (or with `*`) they silence every check on their lines; with a
/// list, the retort ids in it. They are never reported: clang-tidy may need them.
/// An id may also be written after its tool's name (`typecheck/unhandled-message`),
/// which is how the ids of a tool without categories are named.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "retort/core/diagnostic.hpp"
#include "retort/core/source_texts.hpp"

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
  /// True for clang-tidy's NOLINT comments.
  bool is_nolint = false;
  /// True when it silences every check (a NOLINT without a list, or with `*`).
  bool covers_every_check = false;
};

/// The checks of the tool whose findings are filtered.
struct SuppressionScope {
  /// The tool's name, the prefix of its own findings (`lint/unused-suppression`).
  std::string tool;
  /// Every check id the tool reports; the categories they start with (`warning/`)
  /// are the tool's, so an unknown id in one of them is a mistake worth reporting.
  std::vector<std::string> check_ids;
};

/// Returns the suppression comments in `text`. An unclosed `disable-begin` covers
/// the rest of the file.
std::vector<Suppression> parse_suppressions(std::string_view text);

/// Drops the diagnostics that a suppression comment in their file covers. For each
/// retort suppression in `checked_files` (paths as diagnostics show them, read from
/// `root`, or from `replaced` when it holds them; it may be null) of one of `scope`'s checks that
/// silenced nothing, adds a
/// `<tool>/unused-suppression` warning; for each id in one of the tool's categories
/// that is not one of its checks, a `<tool>/unknown-suppression` warning naming the
/// closest real id.
std::vector<Diagnostic> apply_suppressions(std::vector<Diagnostic> diagnostics,
                                           const std::filesystem::path& root,
                                           const std::vector<std::string>& checked_files,
                                           const SuppressionScope& scope,
                                           const SourceTexts* replaced = nullptr);

}  // namespace retort
