#include "retort/core/fix_its.hpp"

#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

FixIt fix(unsigned line, unsigned column, unsigned end_column, std::string replacement) {
  return FixIt{{"a.cpp", {line, column}, {line, end_column}}, std::move(replacement)};
}

TEST(FixIts, AppliesEditsBackToFrontSoEarlierOffsetsStayValid) {
  std::size_t applied = 0;
  std::string text = "int a = (int)x;\nint b = (int)y;\n";
  std::string fixed = apply_fixes_to_text(
      text, {fix(1, 9, 15, "static_cast<int>(x)"), fix(2, 9, 15, "static_cast<int>(y)")}, applied);
  EXPECT_EQ(fixed, "int a = static_cast<int>(x);\nint b = static_cast<int>(y);\n");
  EXPECT_EQ(applied, 2u);
}

TEST(FixIts, OverlappingAndOutOfRangeEditsAreSkipped) {
  std::size_t applied = 0;
  std::string fixed = apply_fixes_to_text(
      "abcdef\n", {fix(1, 2, 5, "X"), fix(1, 3, 6, "Y"), fix(9, 1, 2, "Z")}, applied);
  // Applied back to front: the later edit (columns 3-6) wins, the overlapping one is skipped.
  EXPECT_EQ(applied, 1u);
  EXPECT_EQ(fixed, "abYf\n");
}

TEST(FixIts, RewritesOnlyTheFilesWithFixesAndRemembersTheirOriginals) {
  testing::TempTree tree;
  tree.write("a.cpp", "int a = (int)x;\n");
  tree.write("b.cpp", "int b = 1;\n");
  Diagnostic with_fix;
  with_fix.fix = fix(1, 9, 15, "static_cast<int>(x)");
  Diagnostic without_fix;
  without_fix.range.file = "b.cpp";
  auto result = apply_fixes({with_fix, without_fix}, tree.root());
  ASSERT_TRUE(static_cast<bool>(result)) << llvm::toString(result.takeError());
  EXPECT_EQ(result->fix_count, 1u);
  ASSERT_EQ(result->originals.size(), 1u);
  EXPECT_EQ(result->originals[0].second, "int a = (int)x;\n");
  EXPECT_EQ(tree.read("a.cpp"), "int a = static_cast<int>(x);\n");
  EXPECT_EQ(tree.read("b.cpp"), "int b = 1;\n");
}

}  // namespace
}  // namespace retort
