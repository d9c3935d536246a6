#include "retort/testrunner/gtest_output.hpp"

#include <gtest/gtest.h>

#include "retort/core/process.hpp"

namespace retort::testrunner {
namespace {

std::string run_fixture(const std::string& filter) {
  auto result = run_process({RETORT_FIXTURE_BASIC, "--gtest_filter=" + filter, "--gtest_color=no"});
  EXPECT_TRUE(static_cast<bool>(result));
  return result ? result->standard_output : "";
}

TEST(GtestOutput, SplitsARealRunIntoItsTestsWithTheirStatuses) {
  auto sections = split_gtest_output(run_fixture("Math.*:Skipping.*"));
  ASSERT_EQ(sections.size(), 4u);
  EXPECT_EQ(sections[0].full_name, "Math.Adds");
  EXPECT_EQ(sections[0].status, TestStatus::passed);
  EXPECT_EQ(sections[1].full_name, "Math.AddsBadly");
  EXPECT_EQ(sections[1].status, TestStatus::failed);
  EXPECT_EQ(sections[3].full_name, "Skipping.SkipsItself");
  EXPECT_EQ(sections[3].status, TestStatus::skipped);
}

TEST(GtestOutput, ReadsTheClosingLineOfAValueParameterisedFailure) {
  auto sections = split_gtest_output(
      "[ RUN      ] Small/Squares.Fail/1\nboom\n"
      "[  FAILED  ] Small/Squares.Fail/1, where GetParam() = 2 (7 ms)\n");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0].status, TestStatus::failed);
  EXPECT_EQ(sections[0].milliseconds, 7);
  EXPECT_EQ(sections[0].output, "boom\n");
}

TEST(GtestOutput, LeavesATestThatNeverClosedWithoutAStatus) {
  auto sections = split_gtest_output("[ RUN      ] Crash.Segfaults\nabout to crash\n");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_FALSE(sections[0].status.has_value());
  EXPECT_EQ(sections[0].output, "about to crash\n");
}

TEST(GtestOutput, PicksOutBothSidesOfAnEqualityFailure) {
  auto sections = split_gtest_output(run_fixture("Math.AddsBadly"));
  ASSERT_EQ(sections.size(), 1u);
  auto failures = parse_assertion_failures(sections[0].output);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_TRUE(failures[0].file.ends_with("basic.cpp")) << failures[0].file;
  EXPECT_EQ(failures[0].line, 15);
  ASSERT_TRUE(failures[0].compared.has_value()) << failures[0].message;
  EXPECT_EQ(failures[0].compared->first, "add(2, 2) = 4");
  EXPECT_EQ(failures[0].compared->second, "5");
}

TEST(GtestOutput, KeepsTheMessageOfOtherAssertions) {
  auto failures = parse_assertion_failures(
      "x.cpp:3: Failure\nValue of: ok\n  Actual: false\nExpected: true\n\n");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].message, "Value of: ok\n  Actual: false\nExpected: true\n");
  EXPECT_FALSE(failures[0].compared.has_value());
}

TEST(GtestOutput, TheFileIsTheLongestPrefixBeforeALineNumber) {
  auto failures = parse_assertion_failures(
      "C:\\src\\a:1:b.cpp:42: Failure\nboom\nsrc/c.cpp:7: error: Death test: f()\n");
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].file, "C:\\src\\a:1:b.cpp");
  EXPECT_EQ(failures[0].line, 42);
  EXPECT_EQ(failures[0].message, "boom\n");
  EXPECT_EQ(failures[1].file, "src/c.cpp");
  EXPECT_EQ(failures[1].line, 7);
  EXPECT_EQ(failures[1].message, "error: Death test: f()\n");
}

TEST(GtestOutput, ALineWithoutANumberBeforeTheMarkIsNoFailure) {
  EXPECT_TRUE(parse_assertion_failures("x.cpp: Failure\n:3: Failure\nx.cpp:3: Failures\n").empty());
}

// A test may print any line; a matcher that recurses per character once took the
// runner down on a line of 50,000.
TEST(GtestOutput, AVeryLongLineIsReadLikeAnyOther) {
  std::string output(300'000, 'x');
  output += ":5: Failure\n" + std::string(300'000, 'y') + "\n";
  auto failures = parse_assertion_failures(output);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].file.size(), 300'000u);
  EXPECT_EQ(failures[0].line, 5);
}

TEST(GtestOutput, LastLinesKeepsTheTail) {
  EXPECT_EQ(last_lines("a\nb\nc\n", 2), "b\nc\n");
  EXPECT_EQ(last_lines("a\nb\n", 5), "a\nb\n");
}

}  // namespace
}  // namespace retort::testrunner
