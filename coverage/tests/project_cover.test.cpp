// `retort cover`'s run as a library call, on the fixture project built with
// --coverage in a temporary git repository: the gates from the options and from
// `.retort.yaml`, and a change judged by its own lines.

#include "retort/coverage/project_cover.hpp"

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixture_build.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/coverage/config_section.hpp"

namespace retort::coverage {
namespace {

namespace fs = std::filesystem;
using testing::FixtureBuild;
using ::testing::HasSubstr;

class ProjectCoverOnFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixture_ = new FixtureBuild();
    fixture_->run_tests();
  }
  static void TearDownTestSuite() { delete fixture_; }

  static Project project(const std::string& yaml) {
    std::ofstream(fixture_->project() / ".retort.yaml") << yaml;
    auto loaded = load_project(fixture_->project(), {files_config_section(), config_section()});
    EXPECT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
    return std::move(*loaded);
  }

  static FixtureBuild* fixture_;
};

FixtureBuild* ProjectCoverOnFixture::fixture_ = nullptr;

TEST_F(ProjectCoverOnFixture, TheConfiguredMinimumGatesAndAnOptionOverridesIt) {
  auto gated = run_project_cover(project("cover:\n  minimum: 95\n"), {});
  ASSERT_TRUE(static_cast<bool>(gated)) << llvm::toString(gated.takeError());
  EXPECT_EQ(gated->data.files.count(fixture_->project() / "calc.cpp"), 1u);
  ASSERT_EQ(gated->failed_gates.size(), 1u);
  EXPECT_THAT(gated->failed_gates[0].message, HasSubstr("line coverage"));
  EXPECT_EQ(gated->exit_code(), exit_findings);
  EXPECT_FALSE(gated->diff.has_value());

  ProjectCoverOptions lower;
  lower.minimum = 50;
  auto passed = run_project_cover(project("cover:\n  minimum: 95\n"), lower);
  ASSERT_TRUE(static_cast<bool>(passed));
  EXPECT_EQ(passed->exit_code(), exit_clean);
}

// The committed calc.cpp lacks never_called, so the working tree's adds it: the
// change's lines are never run, which cover.minimum_diff gates on and cover.minimum,
// about lines the change did not touch, does not.
TEST_F(ProjectCoverOnFixture, AChangeIsGatedByItsOwnLinesOnly) {
  auto root = fixture_->project();
  auto calc = root / "calc.cpp";
  auto built_text = read_file(calc);
  ASSERT_TRUE(static_cast<bool>(built_text));
  std::string committed = *built_text;
  committed.erase(committed.find("int never_called"),
                  committed.find("int checked_divide") - committed.find("int never_called"));
  std::vector<std::string> git = {
      "git", "-C", root.string(), "-c", "user.name=retort", "-c", "user.email=retort@example.com"};
  auto run_git = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), git.begin(), git.end());
    FixtureBuild::run(arguments);
  };
  run_git({"init", "-q"});
  std::ofstream(root / ".gitignore") << "build/\n";
  std::ofstream(calc) << committed;
  run_git({"add", "."});
  run_git({"commit", "-qm", "without never_called"});
  std::ofstream(calc) << *built_text;
  // The rewrite made calc.cpp newer than its notes; gcov's warning is heard, not fatal.
  std::vector<std::string> warnings;
  ProjectCoverOptions since;
  since.changes.since = "HEAD";
  since.on_warning = [&](const std::string& warning) { warnings.push_back(warning); };
  auto cover = run_project_cover(project("cover:\n  minimum: 95\n  minimum_diff: 80\n"), since);
  ASSERT_TRUE(static_cast<bool>(cover)) << llvm::toString(cover.takeError());
  ASSERT_TRUE(cover->diff.has_value());
  EXPECT_EQ(cover->diff->counts().hit, 0u);
  EXPECT_GT(cover->diff->counts().found, 0u);
  ASSERT_EQ(cover->failed_gates.size(), 1u);
  EXPECT_THAT(cover->failed_gates[0].message, HasSubstr("diff coverage"));
  EXPECT_GT(cover->findings.size(), cover->failed_gates.size());
}

TEST(ProjectCover, AMissingTracefileAndAnUnwritableReportAreUsageErrors) {
  retort::testing::TempTree tree;
  ProjectCoverOptions options;
  options.added_tracefiles = {tree.root() / "missing.info"};
  auto missing = check_cover_paths(options, {});
  EXPECT_THAT(llvm::toString(std::move(missing)), HasSubstr("missing.info: no such file"));
  tree.write("a-file", "");
  auto unwritable = check_cover_paths({}, {.lcov_file = tree.root() / "a-file" / "out.info"});
  EXPECT_FALSE(llvm::toString(std::move(unwritable)).empty());
}

}  // namespace
}  // namespace retort::coverage
