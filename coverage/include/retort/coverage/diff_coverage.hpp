#pragma once

/// @file
/// Diff coverage (as diff-cover): how much of what changed since a revision the tests
/// execute, for pull requests.

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "retort/core/coverage_data.hpp"
#include "retort/core/git.hpp"

namespace retort::coverage {

/// The changed lines of one file that hold code.
struct ChangedFileCoverage {
  /// The file's path as reports show it.
  std::string shown_path;
  /// Changed lines that hold code.
  std::size_t relevant = 0;
  /// Those of them that no test executed, in order.
  std::vector<unsigned> missed_lines;
};

/// Diff coverage over every changed file.
struct DiffCoverage {
  /// Changed files with changed code lines, by shown path.
  std::vector<ChangedFileCoverage> files;
  /// Changed C and C++ sources no test binary compiled in (no coverage data at all).
  std::vector<std::string> sources_without_data;

  /// Returns the changed code lines and how many of them ran.
  Counts counts() const;
};

/// Returns the coverage of `changed` (from `changed_lines_since`) in `data`; paths are
/// shown relative to `project_root`, and `skip_files` globs are left out.
DiffCoverage diff_coverage(const CoverageData& data, const ChangedLines& changed,
                           const std::filesystem::path& project_root,
                           const std::vector<std::string>& skip_files);

/// Prints `diff`: the share of changed code lines covered (`scope` says which change:
/// `since REV`, `staged`), then the missed changed lines file by file.
void print_diff_coverage(std::ostream& out, const DiffCoverage& diff, const std::string& scope);

}  // namespace retort::coverage
