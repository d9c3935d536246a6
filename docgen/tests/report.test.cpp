#include "retort/docgen/report.hpp"

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

#include "fixture_api.hpp"
#include "retort/core/text_lines.hpp"

namespace retort::doc {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace retort::doc::testing;

std::vector<GradedSymbol> graded_fixture() { return grade_all(fixture_extraction().symbols); }

std::string suggestions(const SuggestionOptions& options) {
  std::ostringstream out;
  print_suggestions(out, graded_fixture(), options);
  return out.str();
}

TEST(Report, SuggestsTheTenMostImportantBelowA) {
  std::string text = suggestions({});
  auto lines = split_lines(text);
  ASSERT_GT(lines.size(), 3u);
  EXPECT_EQ(lines[0], "# Proper documentation present, could be improved:");
  EXPECT_EQ(lines[2],
            "┃  B  ↑  visibility::many(int, int, int)  include/fixture/visibility.hpp:60");
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "# Undocumented:"), 1);
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [](std::string_view line) { return line.starts_with("┃  "); }),
            10);
  EXPECT_THAT(text, Not(HasSubstr("# Really good:")));
  EXPECT_THAT(text, Not(HasSubstr("↘"))) << "low priorities only with --all";
  EXPECT_THAT(text, HasSubstr("Showing 10 of "));
  EXPECT_THAT(text, HasSubstr("You might want to look at these files:\n\n┃ include/fixture/"));
  EXPECT_THAT(text, HasSubstr("Grade distribution (undocumented, C, B, A):  "));
  EXPECT_THAT(text,
              HasSubstr("59 public symbols: 35 A, 7 B, 0 C, 17 U; 71.1% graded B or better."));
}

TEST(Report, AllListsEverySymbol) {
  std::string text = suggestions({.is_all = true});
  auto lines = split_lines(text);
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [](std::string_view line) { return line.starts_with("┃  "); }),
            59);
  EXPECT_THAT(text, HasSubstr("# Really good:"));
  EXPECT_THAT(text, HasSubstr("┃  U  ↓  visibility::impl"));
  EXPECT_THAT(text, Not(HasSubstr("Showing ")));
}

TEST(Report, DistributionBarIsScaledToTheLargestGrade) {
  GradeSummary summary;
  summary.counts = {8, 4, 0, 1};  // A, B, C, U
  summary.total = 13;
  EXPECT_EQ(distribution_bar(summary), "▂ ▁ ▅ █");  // undocumented, C, B, A
  EXPECT_EQ(distribution_bar(GradeSummary{}), "▁ ▁ ▁ ▁");
  EXPECT_DOUBLE_EQ(summary.percent_b_or_better(), 100.0 * 12 / 13);
}

TEST(Report, ExplanationTabulatesEarnedAndMissedPoints) {
  auto graded = graded_fixture();
  auto found = find_symbols(graded, "half_the_parameters");
  ASSERT_EQ(found.size(), 1u);
  std::ostringstream out;
  print_explanation(out, *found.front());
  EXPECT_EQ(out.str(),
            "scoring::half_the_parameters(int, int)\n"
            "  function in include/fixture/scoring.hpp:15\n"
            "  Grade B (proper documentation present), score 70 of 100\n\n"
            "  points  earned  criterion\n"
            "      50      50  has a doc comment\n"
            "      20      20  mentions `first` in backticks\n"
            "      20       0  mentions `second` in backticks  (missed)\n"
            "      25       0  code examples (one +10, several +25)  (missed)\n"
            "  (the score is capped at 100)\n\n"
            "  Priority ↗: +1 top-level API\n");
}

TEST(Report, SymbolsAreFoundByQualifiedNameOrSuffixWithOverloads) {
  auto graded = graded_fixture();
  EXPECT_EQ(find_symbols(graded, "overloads::parse").size(), 2u);
  EXPECT_EQ(find_symbols(graded, "parse").size(), 2u);
  EXPECT_EQ(find_symbols(graded, "parse(const char *, int)").size(), 1u);
  EXPECT_EQ(find_symbols(graded, "arse").size(), 0u) << "whole name parts only";
}

TEST(Report, JsonHoldsEverySymbolAndTheSummary) {
  auto parsed = llvm::json::parse(grades_to_json(graded_fixture()));
  ASSERT_TRUE(static_cast<bool>(parsed));
  const auto* document = parsed->getAsObject();
  EXPECT_EQ(document->getArray("symbols")->size(), 59u);
  EXPECT_EQ(document->getObject("summary")->getObject("grades")->getInteger("U"), 17);
}

TEST(Report, LcovMarksDocumentedSymbolLinesAsCovered) {
  std::vector<GradedSymbol> graded;
  graded.push_back({Symbol{.kind = SymbolKind::function,
                           .name = "f",
                           .signature = "()",
                           .file = "include/x.hpp",
                           .line = 3,
                           .doc = "Does f."},
                    {}});
  graded.push_back({Symbol{.kind = SymbolKind::function,
                           .name = "g",
                           .signature = "()",
                           .file = "include/x.hpp",
                           .line = 5},
                    {}});
  std::string lcov = doc_coverage_lcov(graded, "/project");
  EXPECT_THAT(lcov, HasSubstr("SF:/project/include/x.hpp\n"));
  EXPECT_THAT(lcov, HasSubstr("FN:3,f()\n"));
  EXPECT_THAT(lcov, HasSubstr("FNDA:1,f()\n"));
  EXPECT_THAT(lcov, HasSubstr("FNDA:0,g()\n"));
  EXPECT_THAT(lcov, HasSubstr("DA:3,1\nDA:5,0\nLF:2\nLH:1\n"));
}

}  // namespace
}  // namespace retort::doc
