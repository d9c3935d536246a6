#pragma once

/// @file
/// What retort asks git: the work tree's top, the files it tracks, and the lines that
/// changed since a revision (for `--since REV`).

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

namespace retort {

/// An inclusive range of 1-based line numbers.
struct LineRange {
  /// The first line of the range.
  unsigned first = 1;
  /// The last line of the range (inclusive).
  unsigned last = 1;

  /// Returns true when both ranges cover the same lines.
  bool operator==(const LineRange&) const = default;
};

/// The changed lines of each changed file, keyed by absolute path.
using ChangedLines = std::map<std::filesystem::path, std::vector<LineRange>>;

/// Returns the top of the git work tree containing `directory`, or `std::nullopt`
/// outside a work tree (or when git is not installed).
std::optional<std::filesystem::path> git_toplevel(const std::filesystem::path& directory);

/// Returns the files below `paths` that git tracks or that are untracked but not
/// ignored, so `.gitignore` holds. `repository` is the work tree's top.
llvm::Expected<std::vector<std::filesystem::path>> git_list_files(
    const std::filesystem::path& repository, const std::vector<std::filesystem::path>& paths);

/// Returns the lines that differ between `revision` and the working tree, including
/// uncommitted changes and untracked files (wholly changed). Returns a `UsageError`
/// naming `revision` when git does not know it.
llvm::Expected<ChangedLines> changed_lines_since(const std::filesystem::path& repository,
                                                 const std::string& revision);

/// Parses the output of `git diff -U0` into the changed line ranges of the new
/// side, with paths made absolute against `repository`.
ChangedLines parse_unified_diff(const std::string& diff_text,
                                const std::filesystem::path& repository);

}  // namespace retort
