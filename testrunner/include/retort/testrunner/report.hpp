#pragma once

/// @file
/// What a run prints: a live progress line on a terminal, each failure as it
/// happens (with the compared values and the command that reruns it), the summary,
/// and the JUnit XML and JSON reports.

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <set>
#include <string>

#include <llvm/Support/JSON.h>

#include "retort/testrunner/runner.hpp"

namespace retort::testrunner {

/// How the console report looks.
struct ConsoleStyle {
  /// Draw a live progress line (only on a terminal).
  bool is_live = false;
  /// Use ANSI colours.
  bool use_color = false;
  /// Also print a line for each passing and skipped test.
  bool is_verbose = false;
  /// Without a live line (in CI), how often a status line is printed, so a long run
  /// is never silent for longer.
  std::chrono::milliseconds status_interval{5000};
};

/// Prints a run as it goes: failures at once, a progress line on a terminal, and
/// elsewhere a status line (`[40/1000] 38 passed, 2 failed, 2 running, 5.0 s`) every
/// `status_interval`.
class ConsoleReporter : public RunListener {
 public:
  /// Reports on `total` tests of `inventory` to `out`.
  ConsoleReporter(const TestInventory& inventory, std::ostream& out, ConsoleStyle style,
                  std::size_t total);

  void on_started(const std::vector<std::size_t>& tests) override;
  void on_finished(const TestResult& result) override;
  void on_tick() override;
  /// Clears the progress line before the summary.
  void finish();

 private:
  void clear_progress();
  void draw_progress();
  void print_status();
  void print_result(const TestResult& result);

  const TestInventory& inventory_;
  std::ostream& out_;
  ConsoleStyle style_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::set<std::size_t> running_;
  std::size_t passed_ = 0;
  std::size_t failed_ = 0;
  std::size_t problems_ = 0;
  bool has_progress_line_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_status_ = started_;
};

/// What the summary adds beyond the outcome.
struct SummaryOptions {
  /// Print this many slowest tests.
  std::size_t slowest = 0;
  /// The seed the order was shuffled with.
  std::optional<std::uint64_t> seed;
  /// Count flaky tests as failures.
  bool is_flaky_failing = false;
  /// Use ANSI colours.
  bool use_color = false;
};

/// Prints `Finished in X s (Y s of test time across N workers)`, the slowest tests
/// when asked, and the closing line `N passed, N failed, N skipped` (with flaky,
/// timed-out and not-run counts when there are any).
void print_summary(std::ostream& out, const TestInventory& inventory, const RunOutcome& outcome,
                   const SummaryOptions& options);

/// Returns the closing line alone, e.g. `12 passed, 1 failed, 0 skipped, 1 timed out`.
/// Flaky tests count as passed, or as failed when `is_flaky_failing` (`--flaky-fails`).
std::string closing_line(const RunOutcome& outcome, bool is_flaky_failing = false);

/// Returns the exit code a run earns: 0 all passed, 1 failures (or flaky ones when
/// they fail the run), 130 interrupted.
int run_exit_code(const RunOutcome& outcome, bool is_flaky_failing);

/// Writes JUnit XML: one `testsuite` per program and suite, each retry of a flaky
/// test as `flakyFailure` and of a failing one as `rerunFailure` (Maven Surefire's
/// convention, which CI systems read).
void write_junit(std::ostream& out, const TestInventory& inventory, const RunOutcome& outcome);

/// Returns the run as JSON: each test with its status, attempts, durations and
/// failures, the closing line and the exit code the run earns (both counting flaky
/// tests as failures when `is_flaky_failing`, as `--flaky-fails` does).
llvm::json::Value results_json(const TestInventory& inventory, const RunOutcome& outcome,
                               bool is_flaky_failing = false);

/// Returns the command that reruns just `test`.
std::string rerun_command(const TestCase& test);

}  // namespace retort::testrunner
