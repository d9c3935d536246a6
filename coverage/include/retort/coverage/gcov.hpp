#pragma once

/// @file
/// Collecting coverage from a `--coverage` build: finding the `.gcda` files the tests
/// wrote and reading them through `gcov --json-format`, many at a time.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/coverage_data.hpp"

namespace retort::coverage {

/// How to read gcov data.
struct GcovOptions {
  /// Only sources below this directory are kept (absolute).
  std::filesystem::path project_root;
  /// Sources below these directories are dropped, e.g. the build tree's generated code.
  std::vector<std::filesystem::path> excluded_directories;
  /// Whether to collect branch counts (`gcov --branch-probabilities`).
  bool is_collecting_branches = false;
  /// Whether branches that exist only for exception unwinding are left out, as gcovr's
  /// `--exclude-throw-branches`.
  bool is_excluding_throw_branches = true;
  /// Parallel gcov processes; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// The gcov executable (the one matching the compiler that built the objects).
  std::string gcov_executable = "gcov";
  /// Where warnings go that leave the data usable, e.g. a source edited (or touched)
  /// since it was compiled; none drops them.
  std::function<void(const std::string&)> on_warning;
};

/// Returns every `.gcda` file below `build_directory`, sorted. Returns a `UsageError`
/// saying how to build and run for coverage when there is none.
llvm::Expected<std::vector<std::filesystem::path>> find_gcda_files(
    const std::filesystem::path& build_directory);

/// Returns every `.gcno` file below `build_directory` that has no `.gcda` beside it:
/// an object no test reached, whose lines gcovr reports as never run, and so does
/// `collect_gcov` when given them.
std::vector<std::filesystem::path> find_unreached_notes(
    const std::filesystem::path& build_directory);

/// Removes every `.gcda` file below `build_directory`, so the next test run's counts
/// start from zero; returns how many were removed.
std::size_t remove_gcda_files(const std::filesystem::path& build_directory);

/// Reads `gcda_files` with gcov, in parallel batches, and returns the merged coverage
/// of the sources `options` keeps. `.gcno` files among them (from
/// `find_unreached_notes`) add their lines as never run. Returns a `UsageError` naming
/// each `.gcda` that gcov rejects (stale against its `.gcno`, no `.gcno`, not gcov
/// data) and what to do.
llvm::Expected<CoverageData> collect_gcov(const std::vector<std::filesystem::path>& gcda_files,
                                          const GcovOptions& options);

/// Parses one document of `gcov --json-format --stdout` output into `data`, keeping
/// the sources `options` keeps. Returns an error when `json_text` is not gcov's JSON.
llvm::Error add_gcov_json(std::string_view json_text, const GcovOptions& options,
                          CoverageData& data);

}  // namespace retort::coverage
