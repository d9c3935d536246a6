#pragma once

// Shared by the runner's tests: the fixture programs' inventory, a run with a
// recording listener, and a look at the process table.

#include <dirent.h>

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"
#include "retort/testrunner/discovery.hpp"
#include "retort/testrunner/runner.hpp"

namespace retort::testrunner::testing {

/// Fixture programs (by default the basic and the troubled one), their state in a
/// fresh temp dir named in their environment, with `environment` entries added.
class FixtureRun {
 public:
  /// Lists the tests of the programs at `paths`, run with `environment` added.
  explicit FixtureRun(const std::vector<std::string>& paths = {RETORT_FIXTURE_BASIC,
                                                               RETORT_FIXTURE_TROUBLE},
                      const std::vector<std::string>& environment = {}) {
    for (const auto& path : paths) {
      TestProgram program;
      program.display_name = std::filesystem::path(path).filename().string();
      program.command = {path};
      program.environment = {"RETORT_FIXTURE_STATE=" + state_directory().string()};
      program.environment.insert(program.environment.end(), environment.begin(), environment.end());
      programs_.push_back(program);
    }
    inventory_ = list_tests(programs_, 2);
    EXPECT_TRUE(inventory_.warnings.empty());
  }

  /// The fixtures' tests as listed.
  const TestInventory& inventory() const { return inventory_; }
  /// The fixtures' tests, for a test to change.
  TestInventory& inventory() { return inventory_; }
  /// Where the fixtures keep their state.
  std::filesystem::path state_directory() const { return state_.root(); }

  /// Returns the index of the test named `full_name`; fails the test when missing.
  std::size_t index_of(const std::string& full_name) const {
    for (std::size_t i = 0; i < inventory_.tests.size(); ++i)
      if (inventory_.tests[i].full_name() == full_name) return i;
    ADD_FAILURE() << "no test " << full_name;
    return 0;
  }

  /// Runs the tests `filter` selects with `options` and `plan_options`; `listener`
  /// (when given) hears the run.
  RunOutcome run(const std::string& filter, const RunOptions& options,
                 const PlanOptions& plan_options = {}, RunListener* listener = nullptr) {
    SelectionRequest request;
    request.filters = {filter};
    auto selected = select_tests(inventory_, request, History());
    auto plan = plan_work(inventory_, selected, History(), plan_options);
    RunListener quiet;
    return run_tests(inventory_, plan, options, listener ? *listener : quiet);
  }

  /// Runs the named tests as one batch (`WorkItem::is_batch`): they must be of one
  /// program.
  RunOutcome run_batch(const std::vector<std::string>& full_names, const RunOptions& options) {
    WorkItem batch;
    batch.is_batch = true;
    for (const auto& name : full_names) batch.tests.push_back(index_of(name));
    batch.program = inventory_.tests[batch.tests.front()].program;
    WorkPlan plan;
    plan.items = {batch};
    RunListener quiet;
    return run_tests(inventory_, plan, options, quiet);
  }

  /// Returns the result of `full_name` in `outcome`.
  const TestResult& result_of(const RunOutcome& outcome, const std::string& full_name) const {
    auto index = index_of(full_name);
    for (const auto& result : outcome.results)
      if (result.test == index) return result;
    ADD_FAILURE() << full_name << " has no result";
    return outcome.results.front();
  }

  /// Counts live processes whose environment names this run's state directory:
  /// everything the fixtures started, their own children included.
  std::size_t processes_left() const { return live_processes().size(); }

  /// Returns the live processes the fixtures started whose command line has
  /// `argument`.
  std::vector<pid_t> processes_with_argument(const std::string& argument) const {
    std::vector<pid_t> found;
    for (auto pid : live_processes()) {
      auto command_line = read_whole("/proc/" + std::to_string(pid) + "/cmdline");
      if (command_line.find(argument + '\0') != std::string::npos) found.push_back(pid);
    }
    return found;
  }

 private:
  static std::string read_whole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
  }

  std::vector<pid_t> live_processes() const {
    std::string marker = "RETORT_FIXTURE_STATE=" + state_directory().string();
    std::vector<pid_t> found;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
      auto name = entry.path().filename().string();
      if (name.find_first_not_of("0123456789") != std::string::npos) continue;
      if (read_whole(entry.path() / "environ").find(marker + '\0') != std::string::npos &&
          !is_zombie(entry.path()))
        found.push_back(std::stoi(name));
    }
    return found;
  }

  static bool is_zombie(const std::filesystem::path& process) {
    std::ifstream status(process / "stat");
    std::string pid, command, state;
    status >> pid >> command >> state;
    return state == "Z";
  }

  retort::testing::TempTree state_;
  std::vector<TestProgram> programs_;
  TestInventory inventory_;
};

}  // namespace retort::testrunner::testing
