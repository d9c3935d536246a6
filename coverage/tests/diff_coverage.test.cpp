#include "retort/coverage/diff_coverage.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort::coverage {
namespace {

// A real repository: a.cpp committed with two functions, then a third added and
// the first edited. Coverage says which of the lines ran.
class DiffCoverageInARepository : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_.write("src/a.cpp", "int a() {\n  return 1;\n}\nint b() {\n  return 2;\n}\n");
    tree_.write("src/untested.cpp", "int u() { return 0; }\n");
    tree_.write("vendor/v.cpp", "int v() { return 0; }\n");
    tree_.init_git_repository();
    auto a = tree_.write("src/a.cpp",
                         "int a() {\n  return 10;\n}\nint b() {\n  return 2;\n}\n"
                         "int c(int x) {\n  if (x) return 1;\n  return 0;\n}\n");
    tree_.write("src/untested.cpp", "int u() { return 1; }\n");
    tree_.write("vendor/v.cpp", "int v() { return 1; }\n");
    auto& file = data_.files[a];
    file.lines = {{1, 1}, {2, 1}, {4, 0}, {5, 0}, {7, 2}, {8, 2}, {9, 0}};
    auto vendor = tree_.root() / "vendor" / "v.cpp";
    data_.files[vendor].lines = {{1, 0}};
  }

  DiffCoverage diff() const {
    auto changed = changed_lines_since(tree_.root(), "HEAD");
    EXPECT_TRUE(static_cast<bool>(changed));
    return diff_coverage(data_, changed ? *changed : ChangedLines{}, tree_.root(), {"vendor/**"});
  }

  retort::testing::TempTree tree_;
  CoverageData data_;
};

// Changed: line 2 (edited) and lines 7-10 (added). Of those, 2, 7, 8 and 9 hold code;
// 9 never ran. b() is missed too but did not change, so it does not count.
TEST_F(DiffCoverageInARepository, CountsOnlyChangedLinesThatHoldCode) {
  auto result = diff();
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].shown_path, "src/a.cpp");
  EXPECT_EQ(result.files[0].relevant, 4u);
  EXPECT_EQ(result.files[0].missed_lines, (std::vector<unsigned>{9}));
  EXPECT_EQ(result.counts().hit, 3u);
  EXPECT_EQ(result.sources_without_data, (std::vector<std::string>{"src/untested.cpp"}));
}

TEST_F(DiffCoverageInARepository, PrintsTheShareAndTheMissedLinesFileByFile) {
  std::ostringstream out;
  print_diff_coverage(out, diff(), "since HEAD");
  EXPECT_EQ(out.str(),
            "\nDiff coverage since HEAD: 75.0% of 4 changed code lines (1 missed)\n"
            "  src/a.cpp: missed 9\n"
            "  src/untested.cpp: changed, but no test binary compiles it (no coverage data)\n");
}

}  // namespace
}  // namespace retort::coverage
