// `retort lint`'s run as a library call, on real projects in temporary git
// repositories: which findings it gates on, with no process of retort's spawned.

#include "retort/linter/project_lint.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/core/baseline.hpp"
#include "retort/formatter/config_section.hpp"
#include "retort/linter/config_section.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::lint {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

constexpr std::string_view owning_source =
    "int owned(int value) {\n"
    "  int* held = new int(value);\n"
    "  int result = *held;\n"
    "  delete held;\n"
    "  return result;\n"
    "}\n";

// A committed project with one unit and its compilation database.
struct LintedProject {
  LintedProject() {
    tree.write(".gitignore", "build/\n.retort/\n");
    tree.write("src/a.cpp", owning_source);
    tree.write("build/compile_commands.json",
               "[{\"directory\": \"" + tree.root().string() +
                   "\", \"file\": \"src/a.cpp\", \"arguments\": [\"c++\", \"-std=c++20\", "
                   "\"-c\", \"src/a.cpp\"]}]");
    tree.init_git_repository();
  }

  Project project(const std::string& yaml = "") const {
    tree.write(".retort.yaml", yaml);
    auto loaded = load_project(
        tree.root(), {files_config_section(), format::config_section(), config_section()});
    EXPECT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
    return std::move(*loaded);
  }

  testing::TempTree tree;
};

std::vector<unsigned> gated_lines(const ProjectLint& lint) {
  std::vector<unsigned> lines;
  for (const auto& finding : lint.gated) lines.push_back(finding.range.begin.line);
  return lines;
}

TEST(ProjectLint, ABaselineHidesTheFindingsItRecordsAndNewOnesGate) {
  LintedProject linted;
  auto first = run_project_lint(linted.project(), {});
  ASSERT_TRUE(static_cast<bool>(first)) << llvm::toString(first.takeError());
  EXPECT_THAT(gated_lines(*first), ElementsAre(2u, 4u));
  ASSERT_FALSE(static_cast<bool>(Baseline::write(linted.tree.root() / "baseline.json", "lint",
                                                 first->run.diagnostics, linted.tree.root())));
  linted.tree.write("src/a.cpp",
                    std::string(owning_source) + "int* leak() { return new int(1); }\n");
  auto second = run_project_lint(linted.project("lint:\n  baseline: baseline.json\n"), {});
  ASSERT_TRUE(static_cast<bool>(second)) << llvm::toString(second.takeError());
  EXPECT_THAT(gated_lines(*second), ElementsAre(7u));
  EXPECT_EQ(second->run.diagnostics.size(), first->run.diagnostics.size() + 1);
}

TEST(ProjectLint, AChangeGatesOnlyItsLinesAndStagedReadsTheIndex) {
  LintedProject linted;
  linted.tree.write("src/a.cpp",
                    std::string(owning_source) + "int* leak() { return new int(1); }\n");
  ProjectLintOptions since;
  since.changes.since = "HEAD";
  auto changed = run_project_lint(linted.project(), since);
  ASSERT_TRUE(static_cast<bool>(changed)) << llvm::toString(changed.takeError());
  EXPECT_THAT(gated_lines(*changed), ElementsAre(7u));

  ProjectLintOptions staged;
  staged.changes.is_staged = true;
  auto nothing_staged = run_project_lint(linted.project(), staged);
  ASSERT_TRUE(static_cast<bool>(nothing_staged));
  EXPECT_TRUE(nothing_staged->gated.empty());
  linted.tree.git({"add", "src/a.cpp"});
  linted.tree.write("src/a.cpp", owning_source);
  auto staged_leak = run_project_lint(linted.project(), staged);
  ASSERT_TRUE(static_cast<bool>(staged_leak));
  EXPECT_THAT(gated_lines(*staged_leak), ElementsAre(7u));
}

TEST(ProjectLint, LowPriorityFindingsGateOnlyWhenStrictAndFixWithStagedIsRefused) {
  LintedProject linted;
  linted.tree.write("src/a.cpp", std::string(owning_source) +
                                     "double scaled(double value) { return value * 3.75; }\n");
  auto normal = run_project_lint(linted.project(), {});
  ASSERT_TRUE(static_cast<bool>(normal));
  EXPECT_EQ(normal->hidden_low_priority, 1u);
  ProjectLintOptions strict;
  strict.is_strict = true;
  auto all = run_project_lint(linted.project(), strict);
  ASSERT_TRUE(static_cast<bool>(all));
  EXPECT_EQ(all->gated.size(), normal->gated.size() + 1);
  EXPECT_TRUE(run_project_lint(linted.project("lint:\n  strict: true\n"), {})->gated.size() ==
              all->gated.size());
  ProjectLintOptions fix_staged;
  fix_staged.is_fixing = true;
  fix_staged.changes.is_staged = true;
  auto refused = run_project_lint(linted.project(), fix_staged);
  ASSERT_FALSE(static_cast<bool>(refused));
  EXPECT_THAT(llvm::toString(refused.takeError()), ::testing::HasSubstr("--fix writes"));
}

// Meson (and bear) write each command relative to the build directory: Clang names
// the files relative to it, not to where retort runs.
TEST(ProjectLint, ADatabaseOfNamesRelativeToTheBuildDirectoryIsTheProjectsFiles) {
  LintedProject linted;
  linted.tree.write("include/api.hpp", "#pragma once\ninline int* made() { return new int(1); }\n");
  linted.tree.write("src/a.cpp",
                    std::string("#include \"api.hpp\"\n") + std::string(owning_source));
  linted.tree.write("build/compile_commands.json",
                    "[{\"directory\": \"" + (linted.tree.root() / "build").string() +
                        "\", \"file\": \"../src/a.cpp\", \"arguments\": [\"c++\", "
                        "\"-std=c++20\", \"-I../include\", \"-c\", \"../src/a.cpp\"]}]");
  auto lint = run_project_lint(linted.project(), {});
  ASSERT_TRUE(static_cast<bool>(lint)) << llvm::toString(lint.takeError());
  std::vector<std::string> places;
  for (const auto& finding : lint->gated)
    places.push_back(finding.range.file + ":" + std::to_string(finding.range.begin.line));
  EXPECT_THAT(places, ElementsAre("include/api.hpp:2", "src/a.cpp:3", "src/a.cpp:5"));
  EXPECT_EQ(lint->run.files_checked, 2u);
}

// A build folder other than build/ is named once in `.retort.yaml`, not on every
// command line; `-p` still wins.
TEST(ProjectLint, TheBuildDirectorySettingNamesTheDatabase) {
  LintedProject linted;
  std::filesystem::rename(linted.tree.root() / "build", linted.tree.root() / "out");
  auto unfound = run_project_lint(linted.project(), {});
  ASSERT_FALSE(static_cast<bool>(unfound));
  llvm::consumeError(unfound.takeError());
  auto configured = run_project_lint(linted.project("lint:\n  build_directory: out\n"), {});
  ASSERT_TRUE(static_cast<bool>(configured)) << llvm::toString(configured.takeError());
  EXPECT_THAT(gated_lines(*configured), ElementsAre(2u, 4u));
  ProjectLintOptions named;
  named.build_directory = linted.tree.root() / "elsewhere";
  auto missing = run_project_lint(linted.project("lint:\n  build_directory: out\n"), named);
  ASSERT_FALSE(static_cast<bool>(missing));
  EXPECT_THAT(llvm::toString(missing.takeError()), ::testing::HasSubstr("elsewhere"));
}

}  // namespace
}  // namespace retort::lint
