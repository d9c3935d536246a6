#include "retort/coverage/exclusions.hpp"

#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort::coverage {
namespace {

using Lines = std::set<unsigned>;

TEST(Exclusions, EachMarkerExcludesItsLines) {
  auto excluded = find_excluded_lines(
      "a();  // LCOV_EXCL_LINE\n"            // 1
      "// retort: cover-ignore-next-line\n"  // 2
      "b();\n"                               // 3
      "// retort: cover-ignore-begin\n"      // 4
      "c();\n"                               // 5
      "// retort: cover-ignore-end\n"        // 6
      "d();  /* GCOVR_EXCL_LINE */\n"        // 7
      "// LCOV_EXCL_START\n"                 // 8
      "// LCOV_EXCL_STOP\n"                  // 9
      "if (x) e();  // LCOV_EXCL_BR_LINE\n"  // 10
      "f();\n",                              // 11
      "a.cpp");
  EXPECT_EQ(excluded.lines, (Lines{1, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_EQ(excluded.branch_lines, (Lines{10}));
  EXPECT_TRUE(excluded.warnings.empty());
}

TEST(Exclusions, AMarkerOutsideACommentExcludesNothing) {
  auto excluded = find_excluded_lines("auto marker = \"LCOV_EXCL_LINE\";\n", "a.cpp");
  EXPECT_TRUE(excluded.lines.empty());
  // A `//` inside the literal is not a comment either.
  excluded =
      find_excluded_lines("auto s = \"// retort: cover-ignore-next-line\";\nf();\n", "a.cpp");
  EXPECT_TRUE(excluded.lines.empty());
}

TEST(Exclusions, UnmatchedMarkersExcludeNothingAndAreReportedWithTheirLine) {
  auto excluded = find_excluded_lines(
      "// retort: cover-ignore-end\n"
      "a();\n"
      "// retort: cover-ignore-begin\n"
      "b();\n",
      "src/a.cpp");
  EXPECT_TRUE(excluded.lines.empty());
  EXPECT_EQ(excluded.warnings,
            (std::vector<std::string>{
                "src/a.cpp:1: cover-ignore end marker without a begin marker; ignored",
                "src/a.cpp:3: cover-ignore begin marker without an end marker; ignored"}));
}

TEST(Exclusions, SkipFilesGlobsDropWholeFilesAndMarkersDropLines) {
  retort::testing::TempTree tree;
  auto kept = tree.write("src/a.cpp", "a();\nb();  // LCOV_EXCL_LINE\n");
  auto skipped = tree.write("third_party/z.cpp", "z();\n");
  CoverageData data;
  data.files[kept].lines = {{1, 1}, {2, 0}};
  data.files[kept].functions["b()"] = FunctionHits{2, 0};
  data.files[kept].add_branch({2, 0, 0}, 0);
  data.files[skipped].lines = {{1, 0}};
  auto warnings = apply_exclusions(data, ExclusionOptions{tree.root(), {"third_party/**"}});
  EXPECT_TRUE(warnings.empty());
  ASSERT_EQ(data.files.size(), 1u);
  const auto& file = data.files.at(kept);
  EXPECT_EQ(file.lines, (std::map<unsigned, std::uint64_t>{{1, 1}}));
  EXPECT_TRUE(file.functions.empty());
  EXPECT_TRUE(file.branches.empty());
}

TEST(Exclusions, AnUnexecutedLineOfOnlyABraceIsNotCodeButAnExecutedOneIs) {
  retort::testing::TempTree tree;
  auto path = tree.write("a.cpp", "void f() {\n  g();\n  }  // end\n} else {\n}\n");
  CoverageData data;
  data.files[path].lines = {{1, 1}, {2, 1}, {3, 0}, {4, 0}, {5, 2}};
  apply_exclusions(data, ExclusionOptions{tree.root(), {}});
  // Line 4 has code of its own (`} else {` opens a block); line 5 ran.
  EXPECT_EQ(data.files.at(path).lines,
            (std::map<unsigned, std::uint64_t>{{1, 1}, {2, 1}, {4, 0}, {5, 2}}));
}

}  // namespace
}  // namespace retort::coverage
