#include "retort/core/git.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

using ::testing::HasSubstr;

TEST(Git, ChangedLinesCoverEditsAdditionsAndUntrackedFiles) {
  testing::TempTree tree;
  tree.write("a.cpp", "1\n2\n3\n4\n5\n6\n");
  tree.write("gone.cpp", "x\n");
  tree.init_git_repository();
  tree.write("a.cpp", "1\nTWO\n3\n4\n5\n6\nseven\neight\n");
  std::filesystem::remove(tree.root() / "gone.cpp");
  tree.write("new.cpp", "fresh\n");

  auto changed = changed_lines_since(tree.root(), "HEAD");
  ASSERT_TRUE(static_cast<bool>(changed)) << llvm::toString(changed.takeError());
  EXPECT_EQ(changed->size(), 2u);
  EXPECT_EQ((*changed)[tree.root() / "a.cpp"], (std::vector<LineRange>{{2, 2}, {7, 8}}));
  EXPECT_EQ((*changed)[tree.root() / "new.cpp"].front().first, 1u);
  EXPECT_EQ(changed->count(tree.root() / "gone.cpp"), 0u);
}

TEST(Git, AnUnknownRevisionIsAUsageErrorNamingIt) {
  testing::TempTree tree;
  tree.write("a.cpp", "1\n");
  tree.init_git_repository();
  auto changed = changed_lines_since(tree.root(), "no-such-branch");
  ASSERT_FALSE(static_cast<bool>(changed));
  EXPECT_THAT(llvm::toString(changed.takeError()),
              HasSubstr("does not know the revision 'no-such-branch'"));
}

TEST(Git, ListedFilesHonourGitignore) {
  testing::TempTree tree;
  tree.write(".gitignore", "generated/\n");
  tree.write("src/a.cpp", "");
  tree.write("generated/b.cpp", "");
  tree.init_git_repository();
  tree.write("src/untracked.cpp", "");
  auto files = git_list_files(tree.root(), {tree.root() / "src", tree.root() / "generated"});
  ASSERT_TRUE(static_cast<bool>(files));
  EXPECT_THAT(*files, ::testing::UnorderedElementsAre(tree.root() / "src/a.cpp",
                                                      tree.root() / "src/untracked.cpp"));
}

TEST(Git, OutsideAWorkTreeThereIsNoTop) {
  testing::TempTree tree;
  EXPECT_FALSE(git_toplevel(tree.root()).has_value());
}

TEST(Git, ParsesHunkHeadersWithAndWithoutCounts) {
  std::string diff =
      "diff --git a/x.cpp b/x.cpp\n--- a/x.cpp\n+++ b/x.cpp\n@@ -1 +1 @@\n-a\n+b\n@@ -5,0 +6,3 "
      "@@\n+c\n"
      "@@ -9,2 +12,0 @@\n-d\n";
  auto changed = parse_unified_diff(diff, "/repo");
  EXPECT_EQ(changed["/repo/x.cpp"], (std::vector<LineRange>{{1, 1}, {6, 8}}));
}

}  // namespace
}  // namespace retort
