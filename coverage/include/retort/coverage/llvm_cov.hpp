#pragma once

/// @file
/// Collecting coverage from a Clang source-based coverage build
/// (`-fprofile-instr-generate -fcoverage-mapping`): the tests' `.profraw` profiles
/// merged by `llvm-profdata`, then read back per line, function and branch through
/// `llvm-cov export`, into the same data gcov's builds give.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/coverage_data.hpp"

namespace retort::coverage {

/// How to read a source-based coverage build.
struct LlvmCovOptions {
  /// Only sources below this directory are kept (absolute).
  std::filesystem::path project_root;
  /// Sources below these directories are dropped, e.g. the build tree's generated code.
  std::vector<std::filesystem::path> excluded_directories;
  /// Whether to keep branch counts (Clang's branch coverage).
  bool is_collecting_branches = false;
  /// Threads `llvm-cov export` may use; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// The `llvm-profdata` matching the Clang that built the objects.
  std::string profdata_executable = "llvm-profdata-16";
  /// The `llvm-cov` matching the Clang that built the objects.
  std::string cov_executable = "llvm-cov-16";
  /// Where warnings go that leave the data usable (a profile a killed test left
  /// unreadable, functions whose source changed since the build); none drops them.
  std::function<void(const std::string&)> on_warning;
};

/// Whether `build_directory` is a source-based coverage build: it holds no gcov notes
/// (`.gcno`) but `.profraw` profiles or an executable or shared library carrying a
/// coverage mapping.
bool is_source_based_build(const std::filesystem::path& build_directory);

/// Returns the `LLVM_PROFILE_FILE=...` environment entry under which tests of
/// `build_directory` write their profiles: one file per process (and per binary, so
/// a reused process id merges rather than overwrites) below the build directory.
std::string profile_file_setting(const std::filesystem::path& build_directory);

/// Returns every `.profraw` profile below `build_directory`, sorted.
std::vector<std::filesystem::path> find_profiles(const std::filesystem::path& build_directory);

/// Removes every `.profraw` profile below `build_directory`, so the next test run's
/// counts start from zero; returns how many were removed.
std::size_t remove_profiles(const std::filesystem::path& build_directory);

/// Returns every executable and shared library below `build_directory` that carries a
/// coverage mapping (an `__llvm_covmap` section), sorted. Object files are left out:
/// the programs linked from them carry the same mapping.
std::vector<std::filesystem::path> find_instrumented_objects(
    const std::filesystem::path& build_directory);

/// Merges the profiles below `build_directory` and returns the coverage of the sources
/// `options` keeps, in every instrumented program and library of the build (files no
/// test reached at 0%). Returns a `UsageError` saying what to do when there is no
/// profile or no instrumented program, or when llvm-profdata or llvm-cov cannot be run
/// or fail.
llvm::Expected<CoverageData> collect_llvm_cov(const std::filesystem::path& build_directory,
                                              const LlvmCovOptions& options);

}  // namespace retort::coverage
