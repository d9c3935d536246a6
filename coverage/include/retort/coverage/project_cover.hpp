#pragma once

/// @file
/// `retort cover` as library calls: the coverage build's counters reset before its
/// tests run (the CLI runs them through retort_testrunner: tools never depend on each
/// other), then the data collected (gcov, Clang's source-based coverage, or lcov
/// tracefiles), exclusions applied, a change's lines measured and the gates decided,
/// the options merged with `.retort.yaml` here. Nothing is printed: the command
/// reports what these return.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/config.hpp"
#include "retort/core/coverage_data.hpp"
#include "retort/core/git.hpp"
#include "retort/core/reporters.hpp"
#include "retort/coverage/diff_coverage.hpp"

namespace retort::coverage {

/// What a cover run of a project is asked to do: the command line's flags; what they
/// leave unset comes from `.retort.yaml`.
struct ProjectCoverOptions {
  /// The coverage build; empty takes `cover.build_directory`.
  std::filesystem::path build_directory;
  /// Report these lcov tracefiles merged instead of collecting the build's data.
  std::vector<std::filesystem::path> added_tracefiles;
  /// Also report branches (or `cover.branches`).
  bool is_collecting_branches = false;
  /// Keep the branches that exist only for exception unwinding.
  bool is_including_throw_branches = false;
  /// `--since REV` or `--staged`: also measure the changed lines, and gate on them.
  ChangeScope changes;
  /// The least line coverage, in percent; unset takes `cover.minimum`, which a
  /// change does not apply (a commit is judged by its own lines).
  std::optional<double> minimum;
  /// The least coverage of the changed lines; unset takes `cover.minimum_diff`.
  std::optional<double> minimum_diff;
  /// gcov processes at once; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// Hears what collection warns about (a source newer than its notes); may be empty.
  std::function<void(const std::string&)> on_warning;
};

/// The report files a run writes; an empty path writes none.
struct CoverReportFiles {
  /// An HTML report's folder.
  std::filesystem::path html_directory;
  /// An lcov tracefile.
  std::filesystem::path lcov_file;
  /// A Cobertura XML report.
  std::filesystem::path cobertura_file;
  /// A JSON report.
  std::filesystem::path json_file;
};

/// A collected and gated run.
struct ProjectCover {
  /// Every file's coverage, exclusions applied.
  CoverageData data;
  /// The changed lines' coverage, with a change.
  std::optional<DiffCoverage> diff;
  /// The gates that fail.
  std::vector<Diagnostic> failed_gates;
  /// The failed gates, then the changed lines no test ran.
  std::vector<Diagnostic> findings;
  /// What the exclusions warn about (a skip pattern that matched nothing).
  std::vector<std::string> warnings;
  /// True when branches are reported.
  bool is_reporting_branches = false;

  /// Returns 1 when a gate fails, 0 otherwise.
  int exit_code() const;
};

/// Returns the coverage build `options` and `.retort.yaml` name.
std::filesystem::path coverage_build_directory(const Project& project,
                                               const ProjectCoverOptions& options);

/// Returns a `UsageError` for an added tracefile that does not exist or a report path
/// that cannot be written: checked before the tests run, not found after them.
llvm::Error check_cover_paths(const ProjectCoverOptions& options, const CoverReportFiles& files);

/// Resets the coverage build's counters (`.gcda` files and profiles) so its tests
/// start from zero; returns the environment entries the tests need (where Clang's
/// profiles go).
std::vector<std::string> reset_coverage_counts(const std::filesystem::path& build_directory);

/// Collects `project`'s coverage and decides the gates. Returns a `UsageError` for
/// coverage data that cannot be read or a bad revision.
llvm::Expected<ProjectCover> run_project_cover(const Project& project,
                                               const ProjectCoverOptions& options);

/// Writes the report files of `files` for `cover`.
llvm::Error write_cover_reports(const Project& project, const ProjectCover& cover,
                                const CoverReportFiles& files);

}  // namespace retort::coverage
