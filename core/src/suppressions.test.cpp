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

bool is_lint(std::string_view id) {
  return id.rfind("warning/", 0) == 0 || id.rfind("design/", 0) == 0;
}

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

TEST(Suppressions, SilenceOnlyTheNamedChecksOnTheCoveredLines) {
  testing::TempTree tree;
  tree.write(
      "a.cpp",
      "// retort: disable-next-line warning/c-style-cast\nint x = (int)1.0;\nint y = (int)2.0;\n");
  auto kept = apply_suppressions(
      {finding("warning/c-style-cast", "a.cpp", 2), finding("warning/c-style-cast", "a.cpp", 3),
       finding("design/todo-tags", "a.cpp", 2)},
      tree.root(), {"a.cpp"}, "lint", is_lint);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].range.begin.line, 3u);
  EXPECT_EQ(kept[1].check_id, "design/todo-tags");
}

TEST(Suppressions, AnUnusedSuppressionOfTheToolsOwnCheckIsReported) {
  testing::TempTree tree;
  tree.write("clean.cpp",
             "// retort: disable-next-line warning/c-style-cast\nint x = 1;\n"
             "// retort: disable-next-line format/unformatted\nint y = 2;\n");
  auto kept = apply_suppressions({}, tree.root(), {"clean.cpp"}, "lint", is_lint);
  ASSERT_EQ(kept.size(), 1u);  // format's suppression is not lint's to judge
  EXPECT_EQ(kept[0].check_id, "lint/unused-suppression");
  EXPECT_EQ(kept[0].range.begin.line, 1u);
}

}  // namespace
}  // namespace retort
