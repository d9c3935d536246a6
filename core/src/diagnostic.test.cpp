#include "retort/core/diagnostic.hpp"

#include <gtest/gtest.h>

#include "retort/core/diagnostic_json.hpp"

namespace retort {
namespace {

TEST(Diagnostic, NotesAloneAreNotFindings) {
  Diagnostic note;
  note.severity = Severity::note;
  EXPECT_FALSE(has_findings({note}));
  Diagnostic warning;
  warning.severity = Severity::warning;
  EXPECT_TRUE(has_findings({note, warning}));
}

TEST(Diagnostic, PriorityArrowsFollowCredo) {
  EXPECT_EQ(priority_arrow(Priority::higher), "↑");
  EXPECT_EQ(priority_arrow(Priority::high), "↗");
  EXPECT_EQ(priority_arrow(Priority::normal), "→");
  EXPECT_EQ(priority_arrow(Priority::low), "↘");
  EXPECT_EQ(priority_arrow(Priority::ignore), "↓");
}

}  // namespace
}  // namespace retort

namespace retort {
namespace {

TEST(DiagnosticJson, ReadsBackEveryFieldItWrites) {
  Diagnostic original;
  original.tool = "lint";
  original.check_id = "warning/c-style-cast";
  original.category = "warning";
  original.priority = Priority::high;
  original.severity = Severity::error;
  original.message = "C-style cast to 'int'";
  original.range = {"src/a.cpp", {3, 7}, {3, 12}};
  original.explanation = "why";
  original.fix = FixIt{{"src/a.cpp", {3, 7}, {3, 12}}, "static_cast<int>(x)"};
  auto copy = diagnostic_from_json(llvm::json::Value(diagnostic_to_json(original)));
  ASSERT_TRUE(copy.has_value());
  EXPECT_EQ(copy->check_id, original.check_id);
  EXPECT_EQ(copy->priority, Priority::high);
  EXPECT_EQ(copy->severity, Severity::error);
  EXPECT_EQ(copy->range.end.column, 12u);
  EXPECT_EQ(copy->explanation, "why");
  ASSERT_TRUE(copy->fix.has_value());
  EXPECT_EQ(copy->fix->replacement, "static_cast<int>(x)");
}

TEST(DiagnosticJson, RejectsAnObjectWithAMissingOrUnknownField) {
  llvm::json::Object incomplete{{"tool", "lint"}, {"check_id", "x"}};
  EXPECT_FALSE(diagnostic_from_json(llvm::json::Value(std::move(incomplete))).has_value());
  Diagnostic d;
  auto object = diagnostic_to_json(d);
  object["severity"] = "fatal";
  EXPECT_FALSE(diagnostic_from_json(llvm::json::Value(std::move(object))).has_value());
}

}  // namespace
}  // namespace retort
