#pragma once

/// @file
/// What `retort test` runs and what it learns: test programs, the tests in them, and
/// each test's result.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace retort::testrunner {

/// One program that holds tests: a GoogleTest binary, or a CTest command that is not
/// one (run as a single test).
struct TestProgram {
  /// How the program is shown and keyed in the history: its path relative to the
  /// project root, or the CTest name of a plain command.
  std::string display_name;
  /// The command without GoogleTest's own flags; `command[0]` is the executable.
  std::vector<std::string> command;
  /// Where it runs; empty means the current directory.
  std::filesystem::path working_directory;
  /// Extra `NAME=value` environment entries (CTest's `ENVIRONMENT`).
  std::vector<std::string> environment;
  /// True for a GoogleTest binary; false for a plain CTest command.
  bool is_gtest = true;
  /// For a plain command: output that must appear for it to pass (CTest's
  /// `PASS_REGULAR_EXPRESSION`); empty means the exit code decides.
  std::vector<std::string> pass_patterns;
  /// For a plain command: a failing exit code means success (CTest's `WILL_FAIL`).
  bool is_expected_to_fail = false;
  /// For a plain command: it must not overlap other serial tests (CTest's `RUN_SERIAL`).
  bool is_serial = false;
  /// Resources it holds while it runs (CTest's `RESOURCE_LOCK`): no two tests holding
  /// one of the same name overlap.
  std::vector<std::string> resource_locks;
  /// For a plain command: its own timeout (CTest's `TIMEOUT`), if it set one.
  std::optional<std::chrono::milliseconds> timeout;
  /// Its CTest name, when CTest registered it.
  std::string ctest_name;
  /// CTest's fixtures: those it sets up (`FIXTURES_SETUP`), needs set up before it
  /// runs (`FIXTURES_REQUIRED`) and cleans up after every test that needs them
  /// (`FIXTURES_CLEANUP`).
  std::vector<std::string> fixtures_setup;
  /// See `fixtures_setup`.
  std::vector<std::string> fixtures_required;
  /// See `fixtures_setup`.
  std::vector<std::string> fixtures_cleanup;
  /// CTest's `DEPENDS`: the CTest names of tests that run before it.
  std::vector<std::string> depends;
};

/// One test: a GoogleTest case (`Suite.Name`) or a plain CTest command.
struct TestCase {
  /// Index of its program in the run's program list.
  std::size_t program = 0;
  /// The GoogleTest suite, e.g. `Typed/0` or `Instance/Param`; empty for a command.
  std::string suite;
  /// The test's name within its suite, e.g. `Adds/3`; the CTest name for a command.
  std::string name;
  /// For a typed test: what GoogleTest prints as its `TypeParam`.
  std::string type_param;
  /// For a value-parameterised test: what GoogleTest prints as its `GetParam()`.
  std::string value_param;
  /// The source file that defines it, when GoogleTest reports one.
  std::filesystem::path file;
  /// The line of its `TEST` macro, or 0.
  int line = 0;
  /// Tags from a `// retort: tags ...` comment above it.
  std::vector<std::string> tags;
  /// True for a `DISABLED_` test: listed, never run, counted as skipped.
  bool is_disabled = false;

  /// Returns `Suite.Name`, or the command's name.
  std::string full_name() const { return suite.empty() ? name : suite + "." + name; }
  /// Returns true when `tag` is among its tags.
  bool has_tag(std::string_view tag) const;
};

/// How one test ended.
enum class TestStatus {
  passed,
  failed,
  skipped,
  /// Killed after its timeout.
  timed_out,
  /// Ended by a signal (segfault, abort, ...).
  crashed,
  /// Failed, then passed on a retry.
  flaky,
  /// Never started: the run stopped first (`--max-failures`, Ctrl-C).
  not_run,
};

/// Returns the status as reports print it: `PASS`, `FAIL`, `SKIP`, `TIMEOUT`,
/// `CRASH`, `FLAKY`, `NOT RUN`.
std::string_view status_label(TestStatus status);
/// Returns the status as the history and JSON store it, e.g. `timed_out`.
std::string_view status_key(TestStatus status);
/// Returns the status named by `key` (`status_key`'s inverse), or nothing.
std::optional<TestStatus> parse_status_key(std::string_view key);
/// Returns true for the statuses that count as failures.
bool is_failure(TestStatus status);

/// One failed assertion, parsed from GoogleTest's output.
struct AssertionFailure {
  /// Where it failed.
  std::string file;
  /// Its line.
  int line = 0;
  /// GoogleTest's message for it, without the location line.
  std::string message;
  /// For an `EXPECT_EQ`-style failure: the two sides, each as `expression` or
  /// `expression = value`.
  std::optional<std::pair<std::string, std::string>> compared;
};

/// One attempt at running a test.
struct TestAttempt {
  /// How it ended.
  TestStatus status = TestStatus::not_run;
  /// Its wall-clock time: its process's, or in a shared process the time from its
  /// `[ RUN ]` line's arrival to its closing line's.
  std::chrono::microseconds duration{0};
  /// What it printed (stdout and stderr, interleaved), possibly cut to its tail.
  std::string output;
  /// The signal that ended it, e.g. `SIGSEGV`, when it crashed.
  std::string signal_name;
  /// Its exit code, when it exited.
  int exit_code = 0;
  /// Its failed assertions.
  std::vector<AssertionFailure> failures;
  /// True when it ran in one process with other tests of its program (a batch or
  /// a one-process group), false when it had a process of its own.
  bool is_shared_process = false;
};

/// A test's final result: its last attempt, plus earlier failed attempts on retry.
struct TestResult {
  /// Index of the test in the run's test list.
  std::size_t test = 0;
  /// The final status (`flaky` when a retry passed).
  TestStatus status = TestStatus::not_run;
  /// Every attempt, in order; the last decides, except for `flaky`.
  std::vector<TestAttempt> attempts;

  /// Returns the last attempt; there is always one for a test that ran.
  const TestAttempt& last() const { return attempts.back(); }
};

}  // namespace retort::testrunner
