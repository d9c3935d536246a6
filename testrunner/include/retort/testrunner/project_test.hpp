#pragma once

/// @file
/// `retort test` as library calls: a project's test programs discovered (from CTest
/// or `test.binaries`), its tests selected against the history, planned into batches,
/// run (again, for `--repeat-until-failure`) and the history saved, the options
/// merged with `.retort.yaml` here. Nothing is printed: a listener hears the run and
/// the command reports what these return.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/config.hpp"
#include "retort/testrunner/history.hpp"
#include "retort/testrunner/runner.hpp"
#include "retort/testrunner/selection.hpp"

namespace retort::testrunner {

/// What a test run of a project is asked to do: the command line's flags; what they
/// leave unset comes from `.retort.yaml`.
struct ProjectTestOptions {
  /// GoogleTest filters (`Suite.*`, `-Suite.Slow`) or `file.cpp:LINE`.
  std::vector<std::string> filters;
  /// Only tests with one of these tags.
  std::vector<std::string> only_tags;
  /// No test with one of these tags.
  std::vector<std::string> excluded_tags;
  /// Only the last run's failures and tests never run (`--failed`).
  bool is_failed_only = false;
  /// Only the tests of programs rebuilt since their last green run (`--stale`).
  bool is_stale_only = false;
  /// `K/N`: the slice of the tests to run; empty runs them all.
  std::string partition;
  /// Shuffle with this seed.
  std::optional<std::uint64_t> seed;
  /// Tests at once; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// Seconds a test may run (forced over CTest's `TIMEOUT`); unset takes `test.timeout`.
  std::optional<unsigned> timeout_seconds;
  /// Reruns of a failing test; unset takes `test.retries`.
  std::optional<unsigned> retries;
  /// Count flaky tests as failures.
  bool is_flaky_failing = false;
  /// Stop starting tests after this many failures.
  std::optional<unsigned> max_failures;
  /// Run the selection up to this many times, stopping at the first failure.
  unsigned repeat_until_failure = 0;
  /// A CMake build folder to take CTest's tests from; empty takes `test.binaries`,
  /// else `test.build_directory`.
  std::filesystem::path build_directory;
  /// One process per test always (or `test.isolate`).
  bool is_isolated = false;
  /// Start every test with exec (or `test.fork_server: false`).
  bool is_fork_server_off = false;
  /// `NAME=value` entries for every test process (cover's `LLVM_PROFILE_FILE`).
  std::vector<std::string> extra_environment;
};

/// A project's tests, discovered and chosen, before they run.
struct ProjectTestPlan {
  /// Every program and test discovered.
  TestInventory inventory;
  /// The tests chosen, as indices into `inventory.tests`.
  std::vector<std::size_t> selected;
  /// The history the choice and the plan were made from.
  History history;
  /// The batches to run.
  WorkPlan plan;
  /// How to run them.
  RunOptions run;
  /// What discovery and the history's loading warn about.
  std::vector<std::string> warnings;
};

/// Returns where `project`'s test history is kept.
std::filesystem::path history_path(const Project& project);

/// Discovers, selects and plans `project`'s tests. Returns a `UsageError` for a bad
/// partition or a build folder with no CTest tests.
llvm::Expected<ProjectTestPlan> plan_project_tests(const Project& project,
                                                   const ProjectTestOptions& options);

/// Hears each iteration of a run (one, or up to `--repeat-until-failure`'s count).
class IterationListener {
 public:
  virtual ~IterationListener() = default;
  /// Iteration `number` of `count` starts; returns who hears its tests.
  virtual RunListener& start_iteration(std::size_t number, std::size_t count) = 0;
  /// It ended with `outcome` and exit code `exit_code`.
  virtual void finish_iteration(const RunOutcome& outcome, int exit_code, std::size_t number,
                                std::size_t count) = 0;
};

/// What a run of the planned tests produced.
struct ProjectTest {
  /// The last iteration's outcome.
  RunOutcome outcome;
  /// How many iterations ran.
  std::size_t iterations = 0;
  /// 0 when every test passed, 1 on failures, 130 when interrupted.
  int exit_code = 0;
};

/// Runs `planned` (iterations until one fails, when repeating), records each outcome
/// in the history and saves it. An error only when the history cannot be written.
llvm::Expected<ProjectTest> run_project_tests(const Project& project, ProjectTestPlan& planned,
                                              const ProjectTestOptions& options,
                                              IterationListener& listener);

}  // namespace retort::testrunner
