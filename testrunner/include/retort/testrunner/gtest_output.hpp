#pragma once

/// @file
/// Reading what a GoogleTest binary prints: which tests ran and how each ended
/// (`[ RUN ]` ... `[ OK ]`), and the assertions that failed in each.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retort/testrunner/test_case.hpp"

namespace retort::testrunner {

/// One test's stretch of a GoogleTest run's output.
struct GtestSection {
  /// `Suite.Name` from its `[ RUN      ]` line.
  std::string full_name;
  /// What it printed between its `[ RUN ]` line and its closing line (or the end).
  std::string output;
  /// `passed`, `failed` or `skipped` from its closing line; nothing when the output
  /// ends inside the test (it crashed, hung or exited).
  std::optional<TestStatus> status;
  /// The time GoogleTest measured, from the closing line.
  std::optional<int> milliseconds;
  /// Where its `[ RUN ]` line starts in the output, and where its closing line ends
  /// (the output's end when it has none): the runner times it by when those arrived.
  std::size_t begin_offset = 0;
  std::size_t end_offset = 0;
};

/// Splits `output` into the tests it shows running, in order.
///
/// ```cpp
/// auto sections = split_gtest_output("[ RUN      ] A.B\n[       OK ] A.B (0 ms)\n");
/// ```
std::vector<GtestSection> split_gtest_output(std::string_view output);

/// Returns the failed assertions in one test's output (`file:line: Failure` blocks),
/// with the two sides of `EXPECT_EQ`-style comparisons picked out.
std::vector<AssertionFailure> parse_assertion_failures(std::string_view test_output);

/// Returns the last `count` lines of `output` (all of it when shorter).
std::string last_lines(std::string_view output, std::size_t count);

}  // namespace retort::testrunner
