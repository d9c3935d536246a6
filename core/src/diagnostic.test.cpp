#include "retort/core/diagnostic.hpp"

#include <gtest/gtest.h>

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
