#pragma once

/// @file
/// Running a plan on retort's own runtime: a supervisor over a reporter, a
/// dispatcher and one executor per job. Executors start each batch in its own process
/// group and never block a scheduler thread: a watcher thread turns output and exits
/// into messages, timers turn timeouts into SIGTERM then SIGKILL.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "retort/testrunner/discovery.hpp"
#include "retort/testrunner/selection.hpp"
#include "retort/testrunner/test_case.hpp"

namespace retort::testrunner {

/// How a run behaves.
struct RunOptions {
  /// Tests at once; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// How long one test may run before it is stopped (SIGTERM), unless its CTest
  /// `TIMEOUT` says otherwise.
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
  /// True when `timeout` applies even to tests with a CTest `TIMEOUT` (`--timeout`).
  bool is_timeout_forced = false;
  /// How long a stopped test has before SIGKILL.
  std::chrono::milliseconds kill_grace{std::chrono::seconds(2)};
  /// Runs a failed test up to this many more times; passing on a retry is `flaky`.
  unsigned retries = 0;
  /// Stops starting tests after this many failures; the rest are `not_run`.
  std::optional<unsigned> max_failures;
  /// With a seed, one-process suites also shuffle their tests (GoogleTest's own
  /// `--gtest_shuffle --gtest_random_seed`).
  std::optional<std::uint64_t> seed;
  /// The most output kept per test process; beyond it only the tail is kept.
  std::size_t output_limit = 8u << 20;
  /// The fork server library (`default_fork_server_library()`): each test of a
  /// GoogleTest program is forked from the program stopped where `main` begins,
  /// instead of paying exec and start-up again. Empty starts every test with exec.
  std::filesystem::path fork_server_library;
};

/// Returns the fork server library that came with this `retort`: installed beside it
/// (`../lib/retort/`), else where the build wrote it; empty when neither exists.
std::filesystem::path default_fork_server_library();

/// Hears how a run goes. Its calls come from the reporter process one at a time, so
/// an implementation needs no locking.
class RunListener {
 public:
  virtual ~RunListener() = default;
  /// A batch of `tests` started in a child process.
  virtual void on_started(const std::vector<std::size_t>& tests) { (void)tests; }
  /// A test has its final result.
  virtual void on_finished(const TestResult& result) { (void)result; }
  /// About ten times a second while the run goes (for a live progress line).
  virtual void on_tick() {}
};

/// What a run produced.
struct RunOutcome {
  /// One result per planned test (disabled ones included), in the inventory's order.
  std::vector<TestResult> results;
  /// When the run started, as a date (JUnit's `timestamp`).
  std::chrono::system_clock::time_point started_at;
  /// The run's wall-clock time.
  std::chrono::milliseconds wall_time{0};
  /// The sum of every attempt's time.
  std::chrono::microseconds test_time{0};
  /// The executors that ran tests.
  unsigned workers = 0;
  /// CPU time the runner's own process used up to the run's end (its children's
  /// excluded), discovery included: what the runner itself costs.
  std::chrono::milliseconds runner_cpu_time{0};
  /// True when Ctrl-C (or `request_interrupt`) stopped the run.
  bool is_interrupted = false;
  /// Per program (by index), the time its last process that ran all its tests spent
  /// outside them: start-up and tear-down.
  std::map<std::size_t, std::chrono::microseconds> startup;
};

/// Runs `plan` and returns every result. Throws `std::runtime_error` when the
/// runner's own supervisor gives up (an internal error).
RunOutcome run_tests(const TestInventory& inventory, const WorkPlan& plan,
                     const RunOptions& options, RunListener& listener);

/// Records in `history` how each test that ran in `outcome` ended and each measured
/// program start-up, and marks a program green (its fingerprint now) when all its
/// enabled tests ran and none failed.
void record_outcome(History& history, const TestInventory& inventory, const RunOutcome& outcome);

/// Asks the running `run_tests` to stop: every test's process group is stopped and
/// the tests not finished are `not_run`. Async-signal-safe (for a SIGINT handler).
/// A request made before `run_tests` starts stops it as soon as it starts (Ctrl-C
/// during an earlier step of the gate), until `clear_interrupt`.
void request_interrupt();

/// Forgets an interrupt requested before: a command calls it as it starts listening
/// for Ctrl-C.
void clear_interrupt();

}  // namespace retort::testrunner
