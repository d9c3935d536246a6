#pragma once

/// @file
/// What a report leaves out: files matching `cover.skip_files`, and lines marked in
/// the source with `// retort: cover-ignore-next-line`, `cover-ignore-begin` /
/// `cover-ignore-end`, or lcov's and gcovr's `LCOV_EXCL_*` / `GCOVR_EXCL_*` markers.

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "retort/core/coverage_data.hpp"

namespace retort::coverage {

/// The lines of one source file its markers exclude.
struct ExcludedLines {
  /// Lines left out entirely (their line, function and branch counts).
  std::set<unsigned> lines;
  /// Lines whose branches alone are left out (`LCOV_EXCL_BR_*`).
  std::set<unsigned> branch_lines;
  /// Problems with the markers, e.g. a begin without an end, as `file:line: message`.
  std::vector<std::string> warnings;
};

/// Returns the lines that the markers in `source` (the text of `file_name`) exclude.
/// An unmatched begin marker excludes nothing and is reported in `warnings`.
ExcludedLines find_excluded_lines(std::string_view source, const std::string& file_name);

/// Where exclusions come from.
struct ExclusionOptions {
  /// The project root: `skip_files` globs and warnings are relative to it.
  std::filesystem::path project_root;
  /// `cover.skip_files`: globs of files to leave out of every report.
  std::vector<std::string> skip_files;
};

/// Removes from `data` the files `options` skips, the lines each file's markers exclude
/// (read from the sources on disk), unexecuted lines holding only braces, `else` or a
/// comment, and files left with no lines. Returns warnings about the markers.
std::vector<std::string> apply_exclusions(CoverageData& data, const ExclusionOptions& options);

}  // namespace retort::coverage
