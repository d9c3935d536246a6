// `retort format`'s run as a library call, on projects in temporary git repositories:
// which files it chooses, how a change scopes it, and what it refuses.

#include "retort/formatter/project_format.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/core/exit_codes.hpp"
#include "retort/formatter/config_section.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::format {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view formatted_code = "int main() { return 0; }\n";
constexpr std::string_view unformatted_code = "int  main( ){return 0;}\n";

// A committed project of two formatted files and a vendored copy of an unformatted one.
struct FormattedProject {
  FormattedProject() {
    tree.write(".gitignore", ".retort/\n");
    tree.write("src/a.cpp", formatted_code);
    tree.write("src/b.cpp", formatted_code);
    tree.write("third_party/lib/c.cpp", unformatted_code);
    tree.write("README.md", "# a project\n");
    tree.init_git_repository();
  }

  Project project() const {
    auto loaded = load_project(tree.root(), {files_config_section(), config_section()});
    EXPECT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
    return std::move(*loaded);
  }

  testing::TempTree tree;
};

std::vector<std::string> finding_files(const ProjectFormat& format) {
  std::vector<std::string> files;
  for (const auto& d : format.run.diagnostics)
    if (d.severity != Severity::note) files.push_back(d.range.file);
  return files;
}

TEST(ProjectFormat, ChecksTheProjectsOwnFilesAndLeavesVendoredOnesOut) {
  FormattedProject formatted;
  formatted.tree.write("src/b.cpp", unformatted_code);
  ProjectFormatOptions check;
  check.mode = FormatMode::check;
  auto run = run_project_format(formatted.project(), check);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_EQ(run->files_checked, 2u);
  EXPECT_EQ(run->vendored_folders_skipped, 1u);
  EXPECT_THAT(finding_files(*run), ElementsAre("src/b.cpp"));
  EXPECT_EQ(run->exit_code(), exit_findings);
  EXPECT_EQ(formatted.tree.read("src/b.cpp"), unformatted_code);
}

TEST(ProjectFormat, APathThatIsNotCppIsLeftAloneAndAMissingOneIsAUsageError) {
  FormattedProject formatted;
  ProjectFormatOptions named;
  named.mode = FormatMode::check;
  named.paths = {formatted.tree.root() / "README.md", formatted.tree.root() / "src/a.cpp"};
  auto run = run_project_format(formatted.project(), named);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_EQ(run->files_checked, 1u);
  ASSERT_EQ(run->left_alone.size(), 1u);
  EXPECT_EQ(run->left_alone[0].filename(), "README.md");
  EXPECT_EQ(run->exit_code(), exit_clean);

  named.paths = {formatted.tree.root() / "src/missing.cpp"};
  auto missing = run_project_format(formatted.project(), named);
  ASSERT_FALSE(static_cast<bool>(missing));
  EXPECT_THAT(llvm::toString(missing.takeError()), HasSubstr("missing.cpp"));
}

TEST(ProjectFormat, StagedChecksTheIndexsTextAndRefusesToWriteIt) {
  FormattedProject formatted;
  formatted.tree.write("src/a.cpp", std::string(formatted_code) + "int  f( ){return 1;}\n");
  formatted.tree.git({"add", "src/a.cpp"});
  formatted.tree.write("src/a.cpp", std::string(formatted_code) + "int f() { return 1; }\n");
  ProjectFormatOptions staged;
  staged.mode = FormatMode::check;
  staged.changes.is_staged = true;
  auto run = run_project_format(formatted.project(), staged);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_THAT(finding_files(*run), ElementsAre("src/a.cpp"));

  staged.mode = FormatMode::in_place;
  auto refused = run_project_format(formatted.project(), staged);
  ASSERT_FALSE(static_cast<bool>(refused));
  EXPECT_THAT(llvm::toString(refused.takeError()), HasSubstr("--staged"));
  EXPECT_THAT(formatted.tree.read("src/a.cpp"), HasSubstr("int f() { return 1; }"));
}

TEST(ProjectFormat, InPlaceWithSinceFormatsOnlyTheChangedLines) {
  FormattedProject formatted;
  formatted.tree.write("src/a.cpp", "int  kept( ){return 0;}\n");
  formatted.tree.git({"commit", "-qam", "an old unformatted line"});
  formatted.tree.write("src/a.cpp", "int  kept( ){return 0;}\nint  added( ){return 1;}\n");
  ProjectFormatOptions since;
  since.changes.since = "HEAD";
  auto run = run_project_format(formatted.project(), since);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_EQ(formatted.tree.read("src/a.cpp"),
            "int  kept( ){return 0;}\nint added() { return 1; }\n");
}

}  // namespace
}  // namespace retort::format
