#include "retort/coverage/diagnostics.hpp"

#include <gtest/gtest.h>

namespace retort::coverage {
namespace {

TEST(CoverageDiagnostics, AGateBelowItsMinimumIsAProjectWideError) {
  auto gate = gate_diagnostic("line coverage", Counts{10, 7}, 80.0);
  ASSERT_TRUE(gate.has_value());
  EXPECT_EQ(gate->check_id, "cover/below-minimum");
  EXPECT_EQ(gate->severity, Severity::error);
  EXPECT_EQ(gate->message, "line coverage 70.0% is below the minimum of 80%");
  EXPECT_TRUE(gate->range.file.empty());
  EXPECT_FALSE(gate_diagnostic("line coverage", Counts{10, 8}, 80.0).has_value());
  EXPECT_FALSE(gate_diagnostic("line coverage", Counts{10, 0}, std::nullopt).has_value());
}

TEST(CoverageDiagnostics, EachRunOfMissedChangedLinesIsOneWarningAtItsFirstLine) {
  DiffCoverage diff;
  diff.files.push_back({"src/a.cpp", 9, {3, 4, 5, 9, 12, 13}});
  diff.files.push_back({"src/b.cpp", 2, {}});
  auto diagnostics = uncovered_change_diagnostics(diff);
  ASSERT_EQ(diagnostics.size(), 3u);
  EXPECT_EQ(diagnostics[0].range.file, "src/a.cpp");
  EXPECT_EQ(diagnostics[0].range.begin.line, 3u);
  EXPECT_EQ(diagnostics[0].range.end.line, 5u);
  EXPECT_EQ(diagnostics[0].message, "3 changed lines not executed by any test");
  EXPECT_EQ(diagnostics[1].range.begin.line, 9u);
  EXPECT_EQ(diagnostics[1].message, "changed line not executed by any test");
  EXPECT_EQ(diagnostics[2].range.begin.line, 12u);
  EXPECT_EQ(diagnostics[2].range.end.line, 13u);
}

}  // namespace
}  // namespace retort::coverage
