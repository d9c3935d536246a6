#pragma once

/// @file
/// Choosing which tests run (filters, tags, `--failed`, `--stale`, `--partition`)
/// and in what batches and order (longest first, or shuffled by a seed).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/testrunner/discovery.hpp"
#include "retort/testrunner/history.hpp"

namespace retort::testrunner {

/// One slice of a sharded run: slice `index` (1-based) of `count`.
struct Partition {
  /// Which slice, from 1 to `count`.
  unsigned index = 1;
  /// How many slices.
  unsigned count = 1;
};

/// Parses `K/N` (1 <= K <= N); an error says what was expected.
llvm::Expected<Partition> parse_partition(const std::string& text);

/// What the user asked to run.
struct SelectionRequest {
  /// Positional filters; a test runs when any matches. Each is a GoogleTest filter
  /// (`Suite.*:Other.*-Suite.Slow`) or `file.cpp:LINE` (the test defined there).
  std::vector<std::string> filters;
  /// `--only`: keep tests carrying any of these tags.
  std::vector<std::string> only_tags;
  /// `--exclude`: drop tests carrying any of these tags.
  std::vector<std::string> excluded_tags;
  /// `--failed`: only tests that failed last time, and tests never run before.
  bool is_failed_only = false;
  /// `--stale`: only tests of programs that changed since their last green run.
  bool is_stale_only = false;
  /// `--partition K/N`: only this slice (by a hash of each test's name).
  std::optional<Partition> partition;
};

/// Returns the indices into `inventory.tests` of the tests `request` selects.
std::vector<std::size_t> select_tests(const TestInventory& inventory,
                                      const SelectionRequest& request, const History& history);

/// Returns true when `full_name` (`Suite.Name`) passes the GoogleTest filter `filter`.
bool matches_gtest_filter(const std::string& full_name, const std::string& filter);

/// Tests that run in one child process, one after the other.
struct WorkItem {
  /// The program they belong to.
  std::size_t program = 0;
  /// Indices into the inventory's tests, in the order they run.
  std::vector<std::size_t> tests;
  /// True when it belongs to a serial group: no two serial items overlap.
  bool is_serial = false;
  /// True when its tests share a process only to save start-ups (a batch): any of
  /// them that does not pass, or never starts, runs again alone, and that run
  /// decides. False for a single test and for a one-process group.
  bool is_batch = false;
  /// The time the history expects it to take, when every test in it ran before.
  std::optional<std::chrono::microseconds> expected;
};

/// How to batch and order the selected tests.
struct PlanOptions {
  /// Suite-name globs of serial suites (with suites tagged `serial`).
  std::vector<std::string> serial_suites;
  /// Globs of suites run in one process (with suites tagged `one-process`); a glob
  /// matching a program's path puts all its tests in one process.
  std::vector<std::string> one_process_suites;
  /// Shuffle with this seed instead of ordering longest first.
  std::optional<std::uint64_t> seed;
  /// One process per test, always (`--isolate`), instead of batches.
  bool is_isolated = false;
  /// The executors the run will have (batches are sized to keep them all busy);
  /// 0 means one per hardware thread.
  unsigned workers = 0;
};

/// The batches to run, in dispatch order, and the disabled tests that never run.
struct WorkPlan {
  /// In dispatch order: unknown durations first, then longest first (or shuffled).
  std::vector<WorkItem> items;
  /// Selected `DISABLED_` tests: reported as skipped without running.
  std::vector<std::size_t> disabled;
};

/// Returns `jobs`, or one per hardware thread when it is 0 (what `--jobs` means).
unsigned resolve_jobs(unsigned jobs);

/// Returns the number of tests `plan` reports on: those it runs and the disabled.
std::size_t planned_tests(const WorkPlan& plan);

/// Batches `selected` into work items and orders them.
WorkPlan plan_work(const TestInventory& inventory, const std::vector<std::size_t>& selected,
                   const History& history, const PlanOptions& options);

}  // namespace retort::testrunner
