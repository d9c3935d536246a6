#include "retort/docgen/grading.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixture_api.hpp"

namespace retort::doc {
namespace {

using namespace retort::doc::testing;

int score_of(const std::string& name, const std::string& signature = "") {
  return assess(fixture_symbol(name, signature)).score;
}

TEST(Grading, FunctionScoresFollowEachRule) {
  EXPECT_EQ(score_of("scoring::doc_only"), 50) << "a doc, parameters not named, no result";
  EXPECT_EQ(score_of("scoring::complete"), 100) << "50 + 20 + 20 + 10 for the result";
  EXPECT_EQ(score_of("scoring::half_the_parameters"), 70) << "50 + 20 for `first`";
  EXPECT_EQ(score_of("scoring::no_parameters"), 90);
  EXPECT_EQ(score_of("scoring::no_parameters_with_result"), 100) << "90 + 10";
  EXPECT_EQ(score_of("scoring::doxygen_style"), 100) << "@param and @return count";
  EXPECT_EQ(score_of("scoring::one_example"), 60) << "50 + 10 for one example";
  EXPECT_EQ(score_of("scoring::several_examples"), 75) << "50 + 25 for several";
  EXPECT_EQ(score_of("scoring::undocumented"), 0);
}

TEST(Grading, OtherKindsScoreAllOrNothing) {
  EXPECT_EQ(score_of("scoring::Documented"), 100);
  EXPECT_EQ(score_of("scoring::Undocumented"), 0);
  EXPECT_EQ(score_of("scoring::Colour"), 100);
  EXPECT_EQ(score_of("scoring::Bytes"), 100);
  EXPECT_EQ(score_of("scoring::largest"), 100);
  EXPECT_EQ(score_of("scoring::undocumented_variable"), 0);
  EXPECT_EQ(score_of("templates::Buffer"), 100);
}

TEST(Grading, AnActorNeedsEachMessageDocumented) {
  Assessment names = assess(fixture_symbol("actor::Names"));
  // 50 for its doc; 50 shared by three messages (17, 17, 16); Release has no doc.
  EXPECT_EQ(names.score, 50 + 17 + 16);
  ASSERT_EQ(names.criteria.size(), 4u);
  EXPECT_EQ(names.criteria[2].description, "cast message `Release` documented");
  EXPECT_EQ(names.criteria[2].earned, 0);
  Symbol undocumented = fixture_symbol("actor::Names");
  undocumented.doc.clear();
  EXPECT_EQ(assess(undocumented).score, 0) << "documented messages earn nothing without a doc";
  Symbol silent = fixture_symbol("actor::Names");
  silent.messages.clear();
  EXPECT_EQ(assess(silent).score, 100);
}

TEST(Grading, GradeBoundaries) {
  Symbol function;
  function.kind = SymbolKind::function;
  function.doc = "Does it.";
  function.parameters = {"a", "b", "c", "d"};  // 10 points each
  auto grade_with_mentions = [&](const std::string& doc) {
    function.doc = doc;
    return assess(function);
  };
  EXPECT_EQ(grade_with_mentions("Does it.").grade, Grade::B);  // 50
  EXPECT_EQ(grade_with_mentions("`a` `b` `c`").score, 80);
  EXPECT_EQ(grade_with_mentions("`a` `b` `c`").grade, Grade::A);
  EXPECT_EQ(grade_with_mentions("`a` `b`").score, 70);
  EXPECT_EQ(grade_with_mentions("`a` `b`").grade, Grade::B);
  EXPECT_EQ(grade_with_mentions("").grade, Grade::U);
  Symbol actor;
  actor.kind = SymbolKind::actor;
  actor.messages = {{"cast", "M", "", false}};
  EXPECT_EQ(assess(actor).grade, Grade::U);
  EXPECT_EQ(grade_from_letter("b"), Grade::B);
  EXPECT_EQ(grade_from_letter("D"), std::nullopt);
}

TEST(Grading, PriorityArrows) {
  EXPECT_EQ(priority_arrow(assess(fixture_symbol("visibility::many")).priority), "↑")
      << "top-level and three parameters";
  EXPECT_EQ(priority_arrow(assess(fixture_symbol("scoring::complete")).priority), "↗");
  EXPECT_EQ(priority_arrow(assess(fixture_symbol("visibility::Members::open")).priority), "→");
  EXPECT_EQ(priority_arrow(assess(fixture_symbol("visibility::Members::count")).priority), "↘")
      << "trivial accessor";
  EXPECT_EQ(priority_arrow(assess(fixture_symbol("visibility::impl")).priority), "↓");
  EXPECT_EQ(assess(fixture_symbol("actor::Names")).priority, 1)
      << "top-level; four public members are not many";
  EXPECT_EQ(assess(fixture_symbol("visibility::Members")).priority, 1);
  EXPECT_EQ(priority_arrow(7), "↑");
  EXPECT_EQ(priority_arrow(-7), "↓");
}

TEST(Grading, ReopenedNamespacesMergeIntoTheDocumentedOne) {
  Symbol first{.kind = SymbolKind::namespace_, .name = "ns", .file = "a.hpp", .line = 3};
  Symbol documented = first;
  documented.file = "b.hpp";
  documented.doc = "The namespace.";
  Symbol function{.kind = SymbolKind::function, .name = "ns::f", .file = "a.hpp", .line = 4};
  auto merged = merge_reopened_namespaces({first, function, documented, first});
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].file, "b.hpp");
  EXPECT_EQ(merged[0].doc, "The namespace.");
  EXPECT_EQ(merged[1].name, "ns::f");
}

}  // namespace
}  // namespace retort::doc
