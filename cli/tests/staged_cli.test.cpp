// `--staged` end to end: the gate checks what `git commit` records, read from the
// index, in a real git repository, so an unstaged edit neither hides nor causes a
// finding.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_test_support.hpp"

namespace retort {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view clean_source =
    "#include \"../include/api.hpp\"\n"
    "\n"
    "int twice(int value) { return value * 2; }\n";
// Unformatted, a raw new and delete, and an undocumented function in the header.
constexpr std::string_view bad_source =
    "#include \"../include/api.hpp\"\n"
    "\n"
    "int twice(int value) { return value * 2; }\n"
    "int  owned( int value ) {\n"
    "  int* held = new int(value);\n"
    "  int result = *held;\n"
    "  delete held;\n"
    "  return result;\n"
    "}\n";
constexpr std::string_view clean_header =
    "#pragma once\n"
    "\n"
    "/// Returns twice `value`.\n"
    "int twice(int value);\n";
constexpr std::string_view bad_header =
    "#pragma once\n"
    "\n"
    "/// Returns twice `value`.\n"
    "int twice(int value);\n"
    "int owned(int value);\n";

// A committed, clean project whose gate runs format, lint and doc-grade.
class StagedProject {
 public:
  StagedProject() {
    tree.write(".retort.yaml",
               "doc:\n  fail_under: 100\n"
               "ensure_consistency:\n  steps: [format, lint, doc-grade]\n");
    tree.write(".gitignore", "build/\n");
    tree.write("include/api.hpp", clean_header);
    tree.write("src/a.cpp", clean_source);
    tree.write("build/compile_commands.json", compile_commands_for(tree, {"src/a.cpp"}));
    tree.init_git_repository();
  }

  // Stages `source` and `header`, then leaves the working tree holding `unstaged_*`.
  void stage(std::string_view source, std::string_view header, std::string_view unstaged_source,
             std::string_view unstaged_header) const {
    tree.write("src/a.cpp", source);
    tree.write("include/api.hpp", header);
    tree.git({"add", "src/a.cpp", "include/api.hpp"});
    tree.write("src/a.cpp", unstaged_source);
    tree.write("include/api.hpp", unstaged_header);
  }

  testing::TempTree tree;
};

TEST(Staged, AStagedBadFileIsReportedThoughAnUnstagedEditFixedIt) {
  StagedProject project;
  project.stage(bad_source, bad_header, clean_source, clean_header);
  auto result = retort(project.tree, {"ensure-consistency", "--staged"});
  EXPECT_EQ(result.exit_code, 1) << result.standard_output << result.standard_error;
  const auto& out = result.standard_output;
  EXPECT_THAT(out, HasSubstr("src/a.cpp:4:1 #(format/unformatted)"));
  EXPECT_THAT(out, HasSubstr("src/a.cpp:5:15 #(warning/raw-new-delete)"));
  EXPECT_THAT(out, HasSubstr("owned(int)  include/api.hpp:5"));
  EXPECT_THAT(out, HasSubstr("0 of 3 steps passed"));
  // The working tree is as the user left it.
  EXPECT_EQ(project.tree.read("src/a.cpp"), clean_source);
}

TEST(Staged, AnUnstagedBadEditCausesNoFindingWhenWhatIsStagedIsClean) {
  StagedProject project;
  project.stage(clean_source, clean_header, bad_source, bad_header);
  auto result = retort(project.tree, {"ensure-consistency", "--staged"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_output << result.standard_error;
  EXPECT_THAT(result.standard_output, HasSubstr("3 of 3 steps passed"));
  EXPECT_THAT(result.standard_output, Not(HasSubstr("src/a.cpp:")));
  EXPECT_EQ(project.tree.read("src/a.cpp"), bad_source);
}

TEST(Staged, ChangesJudgeOnlyTheirOwnLinesAndWorkBeforeTheFirstCommit) {
  testing::TempTree tree;
  tree.write(".retort.yaml", "doc:\n  fail_under: 100\n");
  tree.write("include/old.hpp", "#pragma once\nint undocumented_before(int value);\n");
  tree.write("include/api.hpp", clean_header);
  tree.git({"init", "-q"});
  tree.git({"add", "include/api.hpp"});
  // Only api.hpp is staged: old.hpp's undocumented function is not part of the commit.
  auto staged = retort(tree, {"doc-grade", "--staged"});
  EXPECT_EQ(staged.exit_code, 0) << staged.standard_output << staged.standard_error;
  EXPECT_THAT(staged.standard_output, HasSubstr("1 public symbols"));
  auto whole = retort(tree, {"doc-grade"});
  EXPECT_EQ(whole.exit_code, 1) << whole.standard_output;
  EXPECT_THAT(whole.standard_output, HasSubstr("undocumented_before(int)"));
}

// The patch is of the index's text: `git apply --cached` takes it, and the unstaged
// line is in neither side.
TEST(Staged, TheDiffIsOfTheStagedTextAndAppliesToTheIndex) {
  StagedProject project;
  std::string unstaged = std::string(bad_source) + "int  unstaged_mess( ){return 3;}\n";
  project.stage(bad_source, clean_header, unstaged, clean_header);
  auto diff = retort(project.tree, {"format", "--diff", "--staged"});
  EXPECT_EQ(diff.exit_code, 1) << diff.standard_error;
  EXPECT_THAT(diff.standard_output, HasSubstr("+int owned(int value) {"));
  EXPECT_THAT(diff.standard_output, Not(HasSubstr("unstaged_mess")));
  project.tree.write("fix.patch", diff.standard_output);
  project.tree.git({"apply", "--cached", "--check", "fix.patch"});
  EXPECT_EQ(project.tree.read("src/a.cpp"), unstaged);
}

TEST(Staged, FormattingInPlaceOrFixingWithStagedIsAUsageErrorThatWritesNothing) {
  StagedProject project;
  project.stage(bad_source, bad_header, bad_source, bad_header);
  auto format = retort(project.tree, {"format", "--staged"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_THAT(format.standard_error, HasSubstr("use it with --check or --diff"));
  auto fix = retort(project.tree, {"lint", "--staged", "--fix"});
  EXPECT_EQ(fix.exit_code, 2);
  EXPECT_THAT(fix.standard_error, HasSubstr("--fix writes the working tree"));
  auto both = retort(project.tree, {"lint", "--staged", "--since", "HEAD"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_EQ(project.tree.read("src/a.cpp"), bad_source);
}

}  // namespace
}  // namespace retort
