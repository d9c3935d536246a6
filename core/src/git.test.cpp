#include "retort/core/git.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/core/process.hpp"
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

TEST(Git, StagedChangesAreTheIndexsLinesAndTextNotTheWorkingTrees) {
  testing::TempTree tree;
  tree.write("a.cpp", "1\n2\n3\n4\n5\n");
  tree.write("b.cpp", "b\n");
  tree.init_git_repository();
  tree.write("a.cpp", "1\nTWO\n3\n4\n5\n");
  tree.write("new.cpp", "n1\nn2\n");
  tree.git({"add", "a.cpp", "new.cpp"});
  tree.write("a.cpp", "1\nTWO\n3\n4\nFIVE unstaged\n");
  tree.write("b.cpp", "b unstaged\n");
  tree.write("untracked.cpp", "u\n");

  auto staged = staged_changes(tree.root());
  ASSERT_TRUE(static_cast<bool>(staged)) << llvm::toString(staged.takeError());
  EXPECT_EQ(staged->lines.size(), 2u);
  EXPECT_EQ(staged->lines[tree.root() / "a.cpp"], (std::vector<LineRange>{{2, 2}}));
  EXPECT_EQ(staged->lines[tree.root() / "new.cpp"], (std::vector<LineRange>{{1, 2}}));
  // Unstaged edits are read as the index holds them, staged file or not.
  EXPECT_EQ(staged->texts.size(), 2u);
  EXPECT_EQ(staged->texts[tree.root() / "a.cpp"], "1\nTWO\n3\n4\n5\n");
  EXPECT_EQ(staged->texts[tree.root() / "b.cpp"], "b\n");
  EXPECT_EQ(read_source(tree.root() / "a.cpp", &staged->texts).get(), "1\nTWO\n3\n4\n5\n");
  EXPECT_EQ(read_source(tree.root() / "new.cpp", &staged->texts).get(), "n1\nn2\n");
}

TEST(Git, BaseTextsAreWhatTheChangedFilesHeldAtTheRevisionOrAtHeadForStaged) {
  testing::TempTree tree;
  tree.write("a.cpp", "a at base\n");
  tree.write("same.cpp", "same\n");
  tree.write("gone.cpp", "gone at base\n");
  tree.init_git_repository();
  tree.write("a.cpp", "a staged\n");
  tree.write("new.cpp", "new\n");
  tree.git({"add", "a.cpp", "new.cpp"});
  tree.write("a.cpp", "a unstaged\n");
  std::filesystem::remove(tree.root() / "gone.cpp");
  tree.write("untracked.cpp", "u\n");

  auto since = base_texts(tree.root(), {.since = "HEAD"});
  ASSERT_TRUE(static_cast<bool>(since)) << llvm::toString(since.takeError());
  // Against the working tree: every difference, the untracked file too; a new file
  // has no text at the base.
  EXPECT_EQ(since->changed_files, (std::set<std::filesystem::path>{
                                      tree.root() / "a.cpp", tree.root() / "gone.cpp",
                                      tree.root() / "new.cpp", tree.root() / "untracked.cpp"}));
  EXPECT_EQ(since->texts.size(), 2u);
  EXPECT_EQ(since->texts[tree.root() / "a.cpp"], "a at base\n");
  EXPECT_EQ(since->texts[tree.root() / "gone.cpp"], "gone at base\n");

  // Against the index: what the commit changes, nothing unstaged.
  auto staged = base_texts(tree.root(), {.is_staged = true});
  ASSERT_TRUE(static_cast<bool>(staged)) << llvm::toString(staged.takeError());
  EXPECT_EQ(staged->changed_files,
            (std::set<std::filesystem::path>{tree.root() / "a.cpp", tree.root() / "new.cpp"}));
  EXPECT_EQ(staged->texts.size(), 1u);
  EXPECT_EQ(staged->texts[tree.root() / "a.cpp"], "a at base\n");

  auto unknown = base_texts(tree.root(), {.since = "no-such-revision"});
  ASSERT_FALSE(static_cast<bool>(unknown));
  EXPECT_THAT(llvm::toString(unknown.takeError()), HasSubstr("no-such-revision"));
}

TEST(Git, BeforeTheFirstCommitEveryStagedLineIsChanged) {
  testing::TempTree tree;
  tree.git({"init", "-q"});
  tree.write("first.cpp", "a\nb\nc\n");
  tree.git({"add", "first.cpp"});
  std::filesystem::remove(tree.root() / "first.cpp");

  auto staged = staged_changes(tree.root());
  ASSERT_TRUE(static_cast<bool>(staged)) << llvm::toString(staged.takeError());
  EXPECT_EQ(staged->lines[tree.root() / "first.cpp"], (std::vector<LineRange>{{1, 3}}));
  // Deleted from the working tree, still in the commit.
  EXPECT_EQ(staged->texts[tree.root() / "first.cpp"], "a\nb\nc\n");
}

TEST(Git, ChangesOfAFolderBelowTheTopAreKeyedByTheirOwnPaths) {
  testing::TempTree tree;
  tree.write("project/src/a.cpp", "1\n2\n");
  tree.write("other/b.cpp", "b\n");
  tree.init_git_repository();
  tree.write("project/src/a.cpp", "1\nTWO\n");
  tree.write("other/b.cpp", "B\n");
  tree.git({"add", "."});
  tree.write("project/src/a.cpp", "1\nTWO\nthree\n");

  auto since = read_changes(tree.root() / "project", ChangeScope{"HEAD", false});
  ASSERT_TRUE(static_cast<bool>(since)) << llvm::toString(since.takeError());
  ASSERT_TRUE(since->has_value());
  EXPECT_EQ((*since)->lines.size(), 1u);
  EXPECT_EQ((*since)->lines[tree.root() / "project/src/a.cpp"], (std::vector<LineRange>{{2, 3}}));
  auto staged = read_changes(tree.root() / "project", ChangeScope{"", true});
  ASSERT_TRUE(static_cast<bool>(staged)) << llvm::toString(staged.takeError());
  EXPECT_EQ((*staged)->lines.size(), 1u);
  EXPECT_EQ((*staged)->lines[tree.root() / "project/src/a.cpp"], (std::vector<LineRange>{{2, 2}}));
  EXPECT_EQ((*staged)->texts[tree.root() / "project/src/a.cpp"], "1\nTWO\n");
  auto whole = read_changes(tree.root() / "project", ChangeScope{});
  ASSERT_TRUE(static_cast<bool>(whole));
  EXPECT_FALSE(whole->has_value());
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

// The top is found as git finds it, from a sub-folder too, and for a linked worktree,
// whose `.git` is a file; git agrees with each answer.
TEST(Git, TheTopIsTheNearestFolderHoldingDotGitAsGitSays) {
  testing::TempTree tree;
  tree.write("repo/src/a.cpp", "int a;\n");
  tree.git({"init", "-q", "repo"});
  tree.git({"-C", "repo", "add", "."});
  tree.git({"-C", "repo", "commit", "-qm", "first"});
  tree.git({"-C", "repo", "worktree", "add", "-q", "../linked"});
  auto real = [](const std::filesystem::path& path) { return std::filesystem::canonical(path); };
  EXPECT_EQ(git_toplevel(tree.root() / "repo/src"), tree.root() / "repo");
  EXPECT_EQ(git_toplevel(tree.root() / "linked/src/"), tree.root() / "linked");
  EXPECT_TRUE(std::filesystem::is_regular_file(tree.root() / "linked/.git"));
  for (const char* folder : {"repo/src", "linked/src"}) {
    auto said =
        run_process({"git", "-C", (tree.root() / folder).string(), "rev-parse", "--show-toplevel"});
    ASSERT_TRUE(static_cast<bool>(said));
    std::string top = said->standard_output.substr(0, said->standard_output.find('\n'));
    EXPECT_EQ(real(top), real(*git_toplevel(tree.root() / folder)));
  }
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
