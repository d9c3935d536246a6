// `retort test`'s run as a library call, on a project of its own whose
// `test.binaries` names the basic fixture: discovery, selection against the saved
// history, iterations, and the settings that reach the run.

#include "retort/testrunner/project_test.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"
#include "retort/testrunner/config_section.hpp"

namespace retort::testrunner {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct TestedProject {
  TestedProject() {
    fs::create_directories(tree.root() / "bin");
    fs::copy_file(RETORT_FIXTURE_BASIC, tree.root() / "bin/basic");
  }

  Project project(const std::string& extra_yaml = "") const {
    tree.write(".retort.yaml", "test:\n  binaries: [\"bin/basic\"]\n" + extra_yaml);
    auto loaded = load_project(tree.root(), {files_config_section(), config_section()});
    EXPECT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
    return std::move(*loaded);
  }

  testing::TempTree tree;
};

// Hears the iterations and nothing of the tests.
class CountingIterations : public IterationListener {
 public:
  RunListener& start_iteration(std::size_t number, std::size_t count) override {
    started.push_back(std::to_string(number) + "/" + std::to_string(count));
    return silent;
  }
  void finish_iteration(const RunOutcome& outcome, int exit_code, std::size_t,
                        std::size_t) override {
    exit_codes.push_back(exit_code);
    (void)outcome;
  }

  RunListener silent;
  std::vector<std::string> started;
  std::vector<int> exit_codes;
};

std::vector<std::string> selected_names(const ProjectTestPlan& planned) {
  std::vector<std::string> names;
  for (auto index : planned.selected) names.push_back(planned.inventory.tests[index].full_name());
  return names;
}

TEST(ProjectTest, ARunSavesTheHistoryThatFailedSelectsFrom) {
  TestedProject tested;
  ProjectTestOptions options;
  options.filters = {"Math.Adds*"};
  auto planned = plan_project_tests(tested.project(), options);
  ASSERT_TRUE(static_cast<bool>(planned)) << llvm::toString(planned.takeError());
  EXPECT_THAT(selected_names(*planned), ElementsAre("Math.Adds", "Math.AddsBadly"));
  CountingIterations iterations;
  auto run = run_project_tests(tested.project(), *planned, options, iterations);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_EQ(run->exit_code, 1);
  EXPECT_TRUE(fs::exists(history_path(tested.project())));

  ProjectTestOptions failed;
  failed.is_failed_only = true;
  auto again = plan_project_tests(tested.project(), failed);
  ASSERT_TRUE(static_cast<bool>(again));
  for (const auto& name : selected_names(*again)) EXPECT_NE(name, "Math.Adds");
  EXPECT_THAT(selected_names(*again), ::testing::Contains("Math.AddsBadly"));
}

TEST(ProjectTest, RepeatingStopsAtTheFirstFailingIteration) {
  TestedProject tested;
  ProjectTestOptions passing;
  passing.filters = {"Math.Adds"};
  passing.repeat_until_failure = 3;
  auto planned = plan_project_tests(tested.project(), passing);
  ASSERT_TRUE(static_cast<bool>(planned));
  CountingIterations all_pass;
  auto run = run_project_tests(tested.project(), *planned, passing, all_pass);
  ASSERT_TRUE(static_cast<bool>(run));
  EXPECT_EQ(run->iterations, 3u);
  EXPECT_THAT(all_pass.started, ElementsAre("1/3", "2/3", "3/3"));

  ProjectTestOptions failing = passing;
  failing.filters = {"Math.AddsBadly"};
  auto failing_plan = plan_project_tests(tested.project(), failing);
  ASSERT_TRUE(static_cast<bool>(failing_plan));
  CountingIterations first_fails;
  auto stopped = run_project_tests(tested.project(), *failing_plan, failing, first_fails);
  ASSERT_TRUE(static_cast<bool>(stopped));
  EXPECT_EQ(stopped->iterations, 1u);
  EXPECT_THAT(first_fails.exit_codes, ElementsAre(1));
}

TEST(ProjectTest, SettingsReachTheRunAndFlagsOverrideThem) {
  TestedProject tested;
  auto configured =
      plan_project_tests(tested.project("  timeout: 7\n  retries: 2\n  isolate: true\n"), {});
  ASSERT_TRUE(static_cast<bool>(configured));
  EXPECT_EQ(configured->run.timeout, std::chrono::seconds(7));
  EXPECT_FALSE(configured->run.is_timeout_forced);
  EXPECT_EQ(configured->run.retries, 2u);
  for (const auto& item : configured->plan.items) EXPECT_FALSE(item.is_batch);

  ProjectTestOptions flags;
  flags.timeout_seconds = 3;
  flags.retries = 0;
  auto overridden = plan_project_tests(tested.project("  timeout: 7\n  retries: 2\n"), flags);
  ASSERT_TRUE(static_cast<bool>(overridden));
  EXPECT_EQ(overridden->run.timeout, std::chrono::seconds(3));
  EXPECT_TRUE(overridden->run.is_timeout_forced);
  EXPECT_EQ(overridden->run.retries, 0u);
}

TEST(ProjectTest, ABadPartitionIsAUsageErrorBeforeAnyDiscovery) {
  TestedProject tested;
  ProjectTestOptions options;
  options.partition = "3/2";
  auto refused = plan_project_tests(tested.project(), options);
  ASSERT_FALSE(static_cast<bool>(refused));
  EXPECT_THAT(llvm::toString(refused.takeError()), HasSubstr("3/2"));
}

}  // namespace
}  // namespace retort::testrunner
