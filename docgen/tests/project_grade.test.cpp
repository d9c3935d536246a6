// `retort doc-grade`'s run as a library call, on projects in temporary git
// repositories: which headers and symbols it grades, and the gates from the options
// and from `.retort.yaml`.

#include "retort/docgen/project_grade.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/core/exit_codes.hpp"
#include "retort/docgen/config_section.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::doc {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view library_header =
    "#pragma once\n"
    "/// The library.\n"
    "namespace lib {\n"
    "/// Adds `a` and `b`. Returns the sum.\n"
    "int add(int a, int b);\n"
    "int undocumented(int value);\n"
    "}  // namespace lib\n";

// A committed header-only project (no compilation database: `doc.flags` parses it).
struct GradedProject {
  GradedProject() {
    tree.write(".gitignore", ".retort/\n");
    tree.write("include/lib/api.hpp", library_header);
    tree.init_git_repository();
  }

  Project project(const std::string& yaml = "") const {
    tree.write(".retort.yaml", yaml);
    auto loaded = load_project(tree.root(), {files_config_section(), config_section()});
    EXPECT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
    return std::move(*loaded);
  }

  testing::TempTree tree;
};

std::vector<std::string> names(const std::vector<GradedSymbol>& graded) {
  std::vector<std::string> found;
  for (const auto& symbol : graded) found.push_back(symbol.symbol.name);
  return found;
}

TEST(ProjectGrade, GradesTheHeadersAndGatesOnTheOptionsOrTheSettings) {
  GradedProject graded;
  auto ungated = run_project_grade(graded.project(), {});
  ASSERT_TRUE(static_cast<bool>(ungated)) << llvm::toString(ungated.takeError());
  EXPECT_EQ(ungated->headers_checked(), 1u);
  EXPECT_THAT(names(ungated->graded), ElementsAre("lib", "lib::add", "lib::undocumented"));
  EXPECT_EQ(ungated->exit_code(), exit_clean);

  ProjectGradeOptions min_c;
  min_c.min_grade = "C";
  auto below = run_project_grade(graded.project(), min_c);
  ASSERT_TRUE(static_cast<bool>(below));
  ASSERT_EQ(below->gates.below_min_grade.size(), 1u);
  EXPECT_EQ(below->gates.below_min_grade[0]->symbol.name, "lib::undocumented");
  EXPECT_EQ(below->exit_code(), exit_findings);

  auto configured = run_project_grade(graded.project("doc:\n  fail_under: 90\n"), {});
  ASSERT_TRUE(static_cast<bool>(configured));
  EXPECT_TRUE(configured->gates.is_under_fail_under);
  ProjectGradeOptions lower;
  lower.fail_under = 50;
  EXPECT_EQ(run_project_grade(graded.project("doc:\n  fail_under: 90\n"), lower)->exit_code(),
            exit_clean);
}

TEST(ProjectGrade, AMinGradeThatIsNotAGradeIsAUsageError) {
  GradedProject graded;
  ProjectGradeOptions bad;
  bad.min_grade = "D";
  auto refused = run_project_grade(graded.project(), bad);
  ASSERT_FALSE(static_cast<bool>(refused));
  EXPECT_THAT(llvm::toString(refused.takeError()), HasSubstr("must be A, B or C, got 'D'"));
}

TEST(ProjectGrade, AStagedChangeGradesOnlyTheSymbolsOnItsLines) {
  GradedProject graded;
  std::string header(library_header);
  header.insert(header.find("}  // namespace"), "int added(int value);\n");
  graded.tree.write("include/lib/api.hpp", header);
  graded.tree.git({"add", "include/lib/api.hpp"});
  graded.tree.write("include/lib/api.hpp", library_header);
  ProjectGradeOptions staged;
  staged.changes.is_staged = true;
  staged.min_grade = "C";
  auto change = run_project_grade(graded.project(), staged);
  ASSERT_TRUE(static_cast<bool>(change)) << llvm::toString(change.takeError());
  EXPECT_THAT(names(change->graded), ElementsAre("lib::added"));
  EXPECT_EQ(change->exit_code(), exit_findings);
}

TEST(ProjectGrade, TheBuildDirectorySettingNamesTheDatabase) {
  GradedProject graded;
  auto missing = run_project_grade(graded.project("doc:\n  build_directory: out\n"), {});
  ASSERT_FALSE(static_cast<bool>(missing));
  EXPECT_THAT(llvm::toString(missing.takeError()), HasSubstr("out"));
  graded.tree.write("out/compile_commands.json", "[]");
  auto configured = run_project_grade(graded.project("doc:\n  build_directory: out\n"), {});
  ASSERT_TRUE(static_cast<bool>(configured)) << llvm::toString(configured.takeError());
  EXPECT_EQ(configured->headers_checked(), 1u);
}

}  // namespace
}  // namespace retort::doc
