// End-to-end: the real `retort` executable in real temporary git repositories,
// checking exit codes, output and what happens to the files.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

#include "cli_test_support.hpp"

namespace retort {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Commits what is staged in `tree`, running its hooks; returns git's exit code.
int commit(const testing::TempTree& tree, const std::string& message) {
  auto result = run_process({"git", "-C", tree.root().string(), "-c", "user.name=t", "-c",
                             "user.email=t@t.invalid", "commit", "-q", "-m", message});
  if (!result) {
    ADD_FAILURE() << llvm::toString(result.takeError());
    return -1;
  }
  return result->exit_code;
}

constexpr std::string_view unformatted_code = "int  main( ){return 0;}\n";
constexpr std::string_view formatted_code = "int main() { return 0; }\n";

TEST(Cli, VersionAndHelpListTheWorkingCommands) {
  testing::TempTree tree;
  auto version = retort(tree, {"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.standard_output, HasSubstr("retort 0."));
  auto help = retort(tree, {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command :
       {"format", "ensure-consistency", "install-hook", "lint", "typecheck", "doc-grade"}) {
    EXPECT_THAT(help.standard_output, HasSubstr(command));
  }
  EXPECT_EQ(retort(tree, {"format", "--help"}).exit_code, 0);
}

// A repository under review may hold files named like the libraries retort loads; the
// build tree's retort must not look for its libraries in the directory it runs in
// (CMake pads a build RUNPATH with an empty entry, which the loader reads as ".").
TEST(Cli, LibrariesInTheWorkingDirectoryAreNeverLoaded) {
  testing::TempTree tree;
  for (const char* library : {"libyaml-cpp.so.0.7", "libstdc++.so.6", "libclang-cpp.so.16"})
    tree.write(library, "not a library\n");
  auto version = retort(tree, {"--version"});
  EXPECT_EQ(version.exit_code, 0) << version.standard_error;
  EXPECT_EQ(retort(tree, {"format", "--help"}).exit_code, 0);
}

TEST(Cli, UsageMistakesExitWithTwo) {
  testing::TempTree tree;
  EXPECT_EQ(retort(tree, {}).exit_code, 2);
  EXPECT_EQ(retort(tree, {"frobnicate"}).exit_code, 2);
  EXPECT_EQ(retort(tree, {"format", "--no-such-flag"}).exit_code, 2);
  EXPECT_EQ(retort(tree, {"format", "--check", "--diff"}).exit_code, 2);
  EXPECT_EQ(retort(tree, {"-C", "nowhere", "format"}).exit_code, 2);
  auto bad_format = retort(tree, {"format", "--format", "xml"});
  EXPECT_EQ(bad_format.exit_code, 2);
  EXPECT_THAT(bad_format.standard_error,
              HasSubstr("expected one of: text, json, sarif, github, junit"));
}

TEST(Cli, AMissingPathIsNamedWithExitTwo) {
  testing::TempTree tree;
  auto result = retort(tree, {"format", "--check", "nope.cpp"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.standard_error, HasSubstr("no such file or directory: 'nope.cpp'"));
}

TEST(Cli, ABadConfigNamesFileLineAndColumnWithExitTwoAndRunsNothing) {
  testing::TempTree tree;
  tree.write(".retort.yaml", "format:\n  line_length: 500\n");
  tree.write("a.cpp", unformatted_code);
  auto result = retort(tree, {"format"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(
      result.standard_error,
      HasSubstr(
          ".retort.yaml:2:16: 'format.line_length' must be an integer from 40 to 200, got '500'"));
  EXPECT_EQ(tree.read("a.cpp"), unformatted_code);
}

TEST(Cli, CheckListsUnformattedFilesAndExitsOne) {
  testing::TempTree tree;
  tree.write("src/bad.cpp", unformatted_code);
  tree.write("src/good.cpp", formatted_code);
  tree.init_git_repository();
  auto result = retort(tree, {"format", "--check"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.standard_output, HasSubstr("src/bad.cpp:1:1 #(format/unformatted)"));
  EXPECT_THAT(result.standard_output, Not(HasSubstr("good.cpp")));
  EXPECT_THAT(result.standard_output, HasSubstr("format: 2 files checked in"));
  EXPECT_EQ(tree.read("src/bad.cpp"), unformatted_code);
  EXPECT_EQ(retort(tree, {"format", "--check", "src/good.cpp"}).exit_code, 0);
}

TEST(Cli, FormatInPlaceFixesFilesAndExitsZero) {
  testing::TempTree tree;
  tree.write("a.cpp", unformatted_code);
  tree.init_git_repository();
  auto result = retort(tree, {"format"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  EXPECT_EQ(tree.read("a.cpp"), formatted_code);
  EXPECT_EQ(retort(tree, {"format", "--check"}).exit_code, 0);
}

// As `git diff --name-only | xargs retort format` passes them: a CMakeLists.txt lexes
// as C++, so only its extension tells that formatting it would break it.
TEST(Cli, FormatLeavesNamedFilesThatAreNotCppAloneAndSaysSo) {
  testing::TempTree tree;
  constexpr std::string_view build_script =
      "add_library(x STATIC a.cpp)\ntarget_link_libraries(x y)\n";
  tree.write("CMakeLists.txt", build_script);
  tree.write("a.cpp", unformatted_code);
  tree.init_git_repository();
  auto result = retort(tree, {"format", "CMakeLists.txt", "a.cpp"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  EXPECT_EQ(tree.read("CMakeLists.txt"), build_script);
  EXPECT_EQ(tree.read("a.cpp"), formatted_code);
  EXPECT_THAT(result.standard_error,
              HasSubstr("'CMakeLists.txt' is not a C or C++ file (by its extension); left alone"));
}

TEST(Cli, DiffPrintsAUnifiedDiffAndWritesNothing) {
  testing::TempTree tree;
  tree.write("a.cpp", unformatted_code);
  auto result = retort(tree, {"format", "--diff", "a.cpp"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.standard_output,
              HasSubstr("--- a/a.cpp\n+++ b/a.cpp\n@@ -1 +1 @@\n-int  main( ){return 0;}\n"
                        "+int main() { return 0; }\n"));
  EXPECT_THAT(result.standard_error, HasSubstr("1 finding"));
  EXPECT_THAT(result.standard_error, Not(HasSubstr("no findings")));
  EXPECT_EQ(tree.read("a.cpp"), unformatted_code);
}

TEST(Cli, VendoredFoldersAreLeftAloneAndCountedUnlessNamed) {
  testing::TempTree tree;
  tree.write("a.cpp", unformatted_code);
  tree.write("third_party/zlib/zlib.cpp", unformatted_code);
  tree.init_git_repository();
  auto check = retort(tree, {"format", "--check"});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_THAT(check.standard_output, HasSubstr("1 file checked"));
  EXPECT_THAT(check.standard_output, HasSubstr("1 vendored folder skipped (files.vendored)"));
  EXPECT_THAT(check.standard_output, Not(HasSubstr("zlib.cpp")));
  EXPECT_EQ(retort(tree, {"format", "third_party"}).exit_code, 0);
  EXPECT_EQ(tree.read("third_party/zlib/zlib.cpp"), formatted_code);
}

TEST(Cli, APathOutsideTheProjectIsAUsageError) {
  testing::TempTree tree;
  testing::TempTree elsewhere;
  tree.write("a.cpp", formatted_code);
  auto outside = elsewhere.write("b.cpp", unformatted_code);
  auto result = retort(tree, {"format", "--check", outside.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.standard_error, HasSubstr("is outside the project"));
}

TEST(Cli, StdinIsFormattedToStdoutAsTheAssumedFile) {
  testing::TempTree tree;
  auto result = retort(tree, {"format", "--stdin", "--assume-filename", "x.cpp"},
                       std::string(unformatted_code));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.standard_output, formatted_code);
  auto check = retort(tree, {"format", "--stdin", "--check"}, std::string(unformatted_code));
  EXPECT_EQ(check.exit_code, 1);
  auto diff = retort(tree, {"format", "--stdin", "--diff", "--assume-filename", "x.cpp"},
                     std::string(unformatted_code));
  EXPECT_THAT(diff.standard_output, HasSubstr("+++ b/x.cpp"));
}

TEST(Cli, SinceFormatsOnlyTheLinesChangedSinceTheRevision) {
  testing::TempTree tree;
  tree.write("a.cpp", "int  a;\nint  b;\nint  c;\n");
  tree.write("old.cpp", unformatted_code);
  tree.init_git_repository();
  tree.write("a.cpp", "int  a;\nint  bee;\nint  c;\n");
  auto check = retort(tree, {"format", "--check", "--since", "HEAD"});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_THAT(check.standard_output, HasSubstr("a.cpp:2:1"));
  EXPECT_THAT(check.standard_output, Not(HasSubstr("old.cpp")));
  EXPECT_EQ(retort(tree, {"format", "--since", "HEAD"}).exit_code, 0);
  EXPECT_EQ(tree.read("a.cpp"), "int  a;\nint bee;\nint  c;\n");
  EXPECT_EQ(tree.read("old.cpp"), unformatted_code);
  auto bad = retort(tree, {"format", "--since", "no-such-rev"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.standard_error, HasSubstr("'no-such-rev'"));
}

TEST(Cli, AMeaningChangeExitsThreeAndWritesNothing) {
  testing::TempTree tree;
  tree.write(".retort.yaml", "format:\n  style: file\n");
  tree.write(".clang-format", "BasedOnStyle: LLVM\nQualifierAlignment: Right\n");
  tree.write("a.cpp", "const int  x = 1;\n");
  auto result = retort(tree, {"format"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_THAT(result.standard_output, HasSubstr("format/meaning-changed"));
  EXPECT_EQ(tree.read("a.cpp"), "const int  x = 1;\n");
}

TEST(Cli, SarifAndJsonReportsAreValidJson) {
  testing::TempTree tree;
  tree.write("a.cpp", unformatted_code);
  auto sarif = retort(tree, {"format", "--check", "--format", "sarif"});
  EXPECT_EQ(sarif.exit_code, 1);
  auto parsed = llvm::json::parse(sarif.standard_output);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(parsed->getAsObject()->getString("version"), "2.1.0");
  auto json = retort(tree, {"format", "--check", "--format", "json"});
  auto report = llvm::json::parse(json.standard_output);
  ASSERT_TRUE(static_cast<bool>(report));
  EXPECT_EQ(report->getAsObject()->getObject("summary")->getInteger("files_checked"), 1);
  auto github = retort(tree, {"format", "--check", "--format", "github"});
  EXPECT_THAT(github.standard_output, HasSubstr("::warning file=a.cpp,line=1,"));
}

TEST(Cli, EnsureConsistencyRunsTheConfiguredStepsAndExitsWithTheWorst) {
  testing::TempTree tree;
  tree.write("a.cpp", unformatted_code);
  tree.init_git_repository();
  auto dirty = retort(tree, {"ensure-consistency"});
  EXPECT_EQ(dirty.exit_code, 1);
  EXPECT_THAT(dirty.standard_output, HasSubstr("==> format: failed, 1 findings"));
  EXPECT_THAT(dirty.standard_output, HasSubstr("ensure-consistency: 0 of 1 steps passed in "));
  EXPECT_EQ(tree.read("a.cpp"), unformatted_code);
  EXPECT_EQ(retort(tree, {"ensure-consistency", "--only", "lint"}).exit_code, 2);
  retort(tree, {"format"});
  auto clean = retort(tree, {"ensure-consistency", "--only", "format"});
  EXPECT_EQ(clean.exit_code, 0);
  EXPECT_THAT(clean.standard_output, HasSubstr("1 of 1 steps passed in "));
}

TEST(Cli, InstallHookWritesAPreCommitHookThatGatesCommits) {
  testing::TempTree tree;
  tree.write("a.cpp", formatted_code);
  tree.init_git_repository();
  auto installed = retort(tree, {"install-hook"});
  EXPECT_EQ(installed.exit_code, 0) << installed.standard_error;
  auto hook = tree.read(".git/hooks/pre-commit");
  EXPECT_THAT(hook, HasSubstr("ensure-consistency --staged"));
  // The hook names no path of this machine: retort is found on PATH, or (not on PATH
  // here) through this clone's git config.
  EXPECT_THAT(hook,
              Not(HasSubstr(std::filesystem::path(RETORT_EXECUTABLE).parent_path().string())));
  EXPECT_EQ(tree.git({"config", "retort.path"}), std::string(RETORT_EXECUTABLE) + "\n");
  tree.write("a.cpp", std::string(formatted_code) + "int  bad;\n");
  tree.git({"add", "a.cpp"});
  EXPECT_NE(commit(tree, "unformatted"), 0) << "the hook let an unformatted change through";
  // Installed again, the hook is the same hook.
  EXPECT_EQ(retort(tree, {"install-hook"}).exit_code, 0);
  EXPECT_EQ(tree.read(".git/hooks/pre-commit"), hook);
}

TEST(Cli, InstallHookWorksBeforeTheFirstCommit) {
  testing::TempTree tree;
  tree.git({"init", "-q", "-b", "main"});
  EXPECT_EQ(retort(tree, {"install-hook"}).exit_code, 0);
  tree.write("a.cpp", unformatted_code);
  tree.git({"add", "a.cpp"});
  EXPECT_NE(commit(tree, "first"), 0) << "the hook let an unformatted first commit through";
  tree.write("a.cpp", formatted_code);
  tree.git({"add", "a.cpp"});
  EXPECT_EQ(commit(tree, "first"), 0);
}

// CMake's precompiled headers under g++: `-include cmake_pch.hxx` with GCC's
// cmake_pch.hxx.gch beside it, which Clang cannot read; the header itself is read.
TEST(Cli, LintReadsTheHeaderOfAGccPrecompiledHeaderNotItsGch) {
  testing::TempTree tree;
  tree.write("build/cmake_pch.hxx", "#include <vector>\n");
  tree.write("build/cmake_pch.hxx.gch", "gpch.013 not a Clang PCH");
  tree.write("src/use.cpp", "std::vector<int> numbers() { return {1}; }\n");
  tree.write("build/compile_commands.json",
             "[{\"directory\": \"" + tree.root().string() +
                 "\", \"file\": \"src/use.cpp\", \"arguments\": [\"c++\", \"-std=c++20\", "
                 "\"-Winvalid-pch\", \"-include\", \"" +
                 (tree.root() / "build/cmake_pch.hxx").string() + "\", \"-c\", \"src/use.cpp\"]}]");
  auto result = retort(tree, {"lint"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_output << result.standard_error;
  EXPECT_THAT(result.standard_output, Not(HasSubstr("parse-error")));
}

TEST(Cli, LintReportsFindingsFromTheCompilationDatabaseAndExitsOne) {
  testing::TempTree tree;
  tree.write("src/cast.cpp", "int truncate(double d) { return (int)d; }\n");
  tree.write("build/compile_commands.json", compile_commands_for(tree, {"src/cast.cpp"}));
  auto result = retort(tree, {"lint"});
  EXPECT_EQ(result.exit_code, 1) << result.standard_error;
  EXPECT_THAT(result.standard_output, HasSubstr("src/cast.cpp:1:33 #(warning/c-style-cast)"));
  EXPECT_THAT(result.standard_output, HasSubstr("lint: 1 file checked in"));
  auto sarif = retort(tree, {"lint", "--format", "sarif"});
  auto parsed = llvm::json::parse(sarif.standard_output);
  ASSERT_TRUE(static_cast<bool>(parsed));
}

TEST(Cli, LintHonoursSuppressionCommentsAndReportsUnusedOnes) {
  testing::TempTree tree;
  tree.write("src/cast.cpp",
             "// retort: disable-next-line warning/c-style-cast\n"
             "int truncate(double d) { return (int)d; }\n"
             "// retort: disable-next-line warning/raw-new-delete\n"
             "int fine = 1;\n");
  tree.write("build/compile_commands.json", compile_commands_for(tree, {"src/cast.cpp"}));
  auto result = retort(tree, {"lint"});
  EXPECT_THAT(result.standard_output, Not(HasSubstr("warning/c-style-cast)")));
  EXPECT_THAT(result.standard_output, HasSubstr("src/cast.cpp:3:1 #(lint/unused-suppression)"));
  EXPECT_EQ(result.exit_code, 1);
}

TEST(Cli, LintWithoutACompilationDatabaseSaysWhereItLookedWithExitTwo) {
  testing::TempTree tree;
  tree.write("a.cpp", "int x;\n");
  auto result = retort(tree, {"lint"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.standard_error, HasSubstr("no compile_commands.json found"));
}

TEST(Cli, LintListAndExplainComeFromTheChecksOwnDeclarations) {
  testing::TempTree tree;
  auto list = retort(tree, {"lint", "list"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_THAT(list.standard_output,
              HasSubstr("warning/c-style-cast  A C-style cast hides which conversion"));
  auto explain = retort(tree, {"lint", "explain", "warning/c-style-cast"});
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_THAT(explain.standard_output, HasSubstr("WHY IT MATTERS"));
  EXPECT_THAT(explain.standard_output, HasSubstr("Good: `int fd = static_cast<int>(handle);`"));
  EXPECT_EQ(retort(tree, {"lint", "explain", "no/such"}).exit_code, 2);
}

TEST(Cli, InstallHookKeepsAnExistingHookAndRunsItAfterRetorts) {
  testing::TempTree tree;
  tree.write("a.cpp", formatted_code);
  tree.init_git_repository();
  constexpr std::string_view theirs = "#!/bin/sh\ntouch theirs-ran\n";
  tree.write(".git/hooks/pre-commit", theirs);
  std::filesystem::permissions(tree.root() / ".git/hooks/pre-commit",
                               std::filesystem::perms::owner_exec,
                               std::filesystem::perm_options::add);
  auto result = retort(tree, {"install-hook"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  EXPECT_THAT(result.standard_output, HasSubstr("kept the existing hook"));
  EXPECT_EQ(tree.read(".git/hooks/pre-commit.before-retort"), theirs);
  EXPECT_EQ(retort(tree, {"install-hook"}).exit_code, 0);  // idempotent: the chain stays
  EXPECT_EQ(tree.read(".git/hooks/pre-commit.before-retort"), theirs);
  tree.write("b.cpp", formatted_code);
  tree.git({"add", "b.cpp"});
  EXPECT_EQ(commit(tree, "formatted"), 0);
  EXPECT_TRUE(std::filesystem::exists(tree.root() / "theirs-ran"));
}

}  // namespace
}  // namespace retort
