#pragma once

/// @file
/// The console, JSON and Cobertura reports of coverage data.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <llvm/Support/JSON.h>

#include "retort/core/coverage_data.hpp"
#include "retort/coverage/diff_coverage.hpp"

namespace retort::coverage {

/// One file's line of a report.
struct FileRow {
  /// The file's absolute path.
  std::filesystem::path path;
  /// Its path as reports show it (relative to the project root).
  std::string shown_path;
  /// How many lines the source has (excoveralls's LINES); 0 when it cannot be read.
  std::size_t source_lines = 0;
  /// Its line, function and branch counts.
  Totals totals;
};

/// Returns one row per file of `data`, sorted by shown path (relative to `project_root`).
std::vector<FileRow> file_rows(const CoverageData& data, const std::filesystem::path& project_root);

/// Prints excoveralls's table to `out`: `COV  FILE  LINES  RELEVANT  MISSED` per row of
/// `rows`, then `[TOTAL]` and the function (and, when `is_showing_branches`, branch)
/// totals.
void print_table(std::ostream& out, const std::vector<FileRow>& rows, bool is_showing_branches);

/// Options of `--detail`.
struct DetailOptions {
  /// Only files whose shown path contains this text or matches it as a glob; empty: all.
  std::string filter;
  /// Whether covered and missed lines are coloured (a TTY without NO_COLOR).
  bool is_colored = false;
};

/// Prints the source of each file of `data` that `options` picks, with each line's hit
/// count (`#####` for a missed line) and, when coloured, covered lines green and missed
/// ones red. Returns how many files it printed.
std::size_t print_detail(std::ostream& out, const CoverageData& data,
                         const std::filesystem::path& project_root, const DetailOptions& options);

/// Returns true when `shown_path` is picked by `filter` (substring or glob; empty picks all).
bool matches_filter(const std::string& shown_path, const std::string& filter);

/// Returns the JSON report: totals, then per file its counts, missed lines and a
/// Coveralls-style `coverage` array (one entry per source line: null or a hit count),
/// plus the diff coverage when `diff` is given.
llvm::json::Value coverage_json(const CoverageData& data, const std::filesystem::path& project_root,
                                const DiffCoverage* diff);

/// Returns `data` as a Cobertura XML report (coverage-04.dtd), one package per directory
/// and one class per file, stamped with `timestamp` (seconds since the epoch).
std::string cobertura_xml(const CoverageData& data, const std::filesystem::path& project_root,
                          std::int64_t timestamp);

/// Returns the lines of `path`'s source, or an empty vector when it cannot be read.
std::vector<std::string> source_lines_of(const std::filesystem::path& path);

/// Returns `lines` as ranges for people: `3, 7-9, 12`.
std::string format_line_ranges(const std::vector<unsigned>& lines);

}  // namespace retort::coverage
