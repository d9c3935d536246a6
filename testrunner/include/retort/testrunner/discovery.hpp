#pragma once

/// @file
/// Finding the tests: test programs from CTest or from globs, then the GoogleTest
/// cases in each (`--gtest_list_tests`), with their source places and tags.

#include <filesystem>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/result_cache.hpp"
#include "retort/testrunner/test_case.hpp"

namespace retort::testrunner {

/// Every program and every test a run could choose from.
struct TestInventory {
  /// The programs, in discovery order.
  std::vector<TestProgram> programs;
  /// The tests, grouped by program in listing order; `TestCase::program` indexes
  /// `programs`.
  std::vector<TestCase> tests;
  /// Programs whose listing failed, each with why; each runs as one plain test (as
  /// CTest would run it), since some binaries' own main() rejects listing flags.
  std::vector<std::string> warnings;
};

/// Reads the tests CTest knows in `build_directory` (`ctest --show-only=json-v1`).
/// GoogleTest binaries become one program each, however many CTest tests name them
/// (`gtest_discover_tests` adds one per case); other commands become plain programs.
/// Paths are shown relative to `project_root`. With `cache`, whether an unchanged
/// executable is a GoogleTest binary is remembered.
llvm::Expected<std::vector<TestProgram>> programs_from_ctest(
    const std::filesystem::path& build_directory, const std::filesystem::path& project_root,
    const ResultCache* cache = nullptr);

/// Returns a cache key for what `path` is now: its path, size and modification time
/// (a rebuilt binary always gets a new one), without reading it.
CacheKey file_stamp_key(const std::filesystem::path& path);

/// Returns the executable files under `project_root` that match `globs` (relative
/// paths, e.g. `build/**/*_test`), as GoogleTest programs. Hidden directories are
/// skipped.
std::vector<TestProgram> programs_from_globs(const std::filesystem::path& project_root,
                                             const std::vector<std::string>& globs);

/// Lists the tests of every program (GoogleTest binaries through
/// `--gtest_list_tests`, `jobs` at a time; a plain command is one test), reading
/// tags from `// retort: tags a, b` comments right above each `TEST`. With `cache`,
/// a binary whose size, modification time and command are unchanged is not asked
/// again.
TestInventory list_tests(std::vector<TestProgram> programs, unsigned jobs,
                         const ResultCache* cache = nullptr);

/// Returns true when `executable` is linked with GoogleTest.
bool is_gtest_binary(const std::filesystem::path& executable);

/// Returns the tags declared in the `//` comment lines right above line `line` of
/// `source` (its text): words after `retort: tags`, separated by commas or spaces.
std::vector<std::string> tags_above(std::string_view source, int line);

/// `tags_above` for a source already split into lines (without their newlines): a
/// file with many tests is split once.
std::vector<std::string> tags_above(const std::vector<std::string_view>& lines, int line);

}  // namespace retort::testrunner
