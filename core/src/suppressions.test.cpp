#include "retort/core/suppressions.hpp"

#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

Diagnostic finding(const std::string& id, const std::string& file, unsigned line) {
  Diagnostic d;
  d.tool = "lint";
  d.check_id = id;
  d.severity = Severity::warning;
  d.range = {file, {line, 1}, {line, 1}};
  return d;
}

const SuppressionScope lint_scope{"lint", {"warning/c-style-cast", "design/todo-tags"}};

TEST(Suppressions, ParsesNextLineLineAndBlocks) {
  auto suppressions = parse_suppressions(
      "// retort: disable-next-line a/b, c/d\nx;\ny;  // retort: disable-line e/f\n"
      "// retort: disable-begin g/h\n1;\n2;\n// retort: disable-end\n// retort: disable-begin "
      "i/j\nz;\n");
  ASSERT_EQ(suppressions.size(), 4u);
  EXPECT_EQ(suppressions[0].check_ids, (std::vector<std::string>{"a/b", "c/d"}));
  EXPECT_EQ(suppressions[0].first_line, 2u);
  EXPECT_EQ(suppressions[1].first_line, 3u);
  EXPECT_EQ(suppressions[2].first_line, 4u);
  EXPECT_EQ(suppressions[2].last_line, 7u);
  EXPECT_EQ(suppressions[3].last_line, 9u);  // unclosed: to the end of the file
}

// The scanner coverage exclusions share: a string literal is not a comment, a block
// comment is.
TEST(Suppressions, ADirectiveInAStringLiteralSilencesNothingOneInABlockCommentDoes) {
  auto suppressions = parse_suppressions(
      "auto s = \"// retort: disable-line a/b\";\nint x; /* retort: disable-line c/d */\n"
      "auto t = \"// NOLINT\";\n");
  ASSERT_EQ(suppressions.size(), 1u);
  EXPECT_EQ(suppressions[0].check_ids, (std::vector<std::string>{"c/d"}));
  EXPECT_EQ(suppressions[0].first_line, 2u);
}

TEST(Suppressions, SilenceOnlyTheNamedChecksOnTheCoveredLines) {
  testing::TempTree tree;
  tree.write(
      "a.cpp",
      "// retort: disable-next-line warning/c-style-cast\nint x = (int)1.0;\nint y = (int)2.0;\n");
  auto kept = apply_suppressions(
      {finding("warning/c-style-cast", "a.cpp", 2), finding("warning/c-style-cast", "a.cpp", 3),
       finding("design/todo-tags", "a.cpp", 2)},
      tree.root(), {"a.cpp"}, lint_scope);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].range.begin.line, 3u);
  EXPECT_EQ(kept[1].check_id, "design/todo-tags");
}

TEST(Suppressions, AnUnusedSuppressionOfTheToolsOwnCheckIsReported) {
  testing::TempTree tree;
  tree.write("clean.cpp",
             "// retort: disable-next-line warning/c-style-cast\nint x = 1;\n"
             "// retort: disable-next-line format/unformatted\nint y = 2;\n");
  auto kept = apply_suppressions({}, tree.root(), {"clean.cpp"}, lint_scope);
  ASSERT_EQ(kept.size(), 1u);  // format's suppression is not lint's to judge
  EXPECT_EQ(kept[0].check_id, "lint/unused-suppression");
  EXPECT_EQ(kept[0].range.begin.line, 1u);
}

TEST(Suppressions, AMisspeltIdIsReportedWithTheClosestRealOne) {
  testing::TempTree tree;
  tree.write("a.cpp", "// retort: disable-next-line warning/c-style-cats\nint x = (int)1.0;\n");
  auto kept = apply_suppressions({finding("warning/c-style-cast", "a.cpp", 2)}, tree.root(),
                                 {"a.cpp"}, lint_scope);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].check_id, "warning/c-style-cast");  // still reported
  EXPECT_EQ(kept[1].check_id, "lint/unknown-suppression");
  EXPECT_EQ(kept[1].range.begin.line, 1u);
  EXPECT_NE(kept[1].message.find("did you mean 'warning/c-style-cast'"), std::string::npos)
      << kept[1].message;
}

// typecheck's ids have no category: its suppressions name them after the tool.
TEST(Suppressions, AnIdWrittenAfterItsToolsNameSilencesThatToolsFinding) {
  testing::TempTree tree;
  tree.write("a.cpp",
             "// retort: disable-next-line typecheck/unhandled-message\nsend();\nsend();\n");
  Diagnostic first = finding("unhandled-message", "a.cpp", 2);
  first.tool = "typecheck";
  Diagnostic second = first;
  second.range.begin.line = 3;
  auto kept = apply_suppressions({first, second}, tree.root(), {"a.cpp"},
                                 {"typecheck", {"typecheck/unhandled-message"}});
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].range.begin.line, 3u);
}

TEST(Suppressions, ClangTidysNolintCommentsAreHonouredAndNeverReported) {
  testing::TempTree tree;
  tree.write("a.cpp",
             "int a = (int)1.0;  // NOLINT\n"
             "// NOLINTNEXTLINE(warning/c-style-cast)\nint b = (int)2.0;\n"
             "int c = (int)3.0;  // NOLINT(google-readability-casting)\n"
             "/* NOLINTBEGIN */\nint d = (int)4.0;\n// NOLINTEND\n"
             "int e = (int)5.0;\n"
             "int f = 6;  // NOLINT(*)\n");
  std::vector<Diagnostic> findings;
  for (unsigned line : {1u, 3u, 4u, 6u, 8u})
    findings.push_back(finding("warning/c-style-cast", "a.cpp", line));
  auto kept = apply_suppressions(findings, tree.root(), {"a.cpp"}, lint_scope);
  std::vector<unsigned> lines;
  for (const auto& d : kept) lines.push_back(d.range.begin.line);
  // Line 4 names only clang-tidy's check; the unused NOLINT(*) on line 9 is not ours.
  EXPECT_EQ(lines, (std::vector<unsigned>{4, 8}));
}

}  // namespace
}  // namespace retort
