// The runner over the fixture programs: real child processes, real signals.

#include "retort/testrunner/runner.hpp"

#include <atomic>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "retort/testrunner/report.hpp"
#include "runner_support.hpp"

namespace retort::testrunner {
namespace {

using namespace std::chrono_literals;
using testing::FixtureRun;

// Every behaviour holds whether tests start with exec or fork from a fork server.
enum class StartMode { exec, fork_server };

class Runner : public ::testing::TestWithParam<StartMode> {
 protected:
  RunOptions quick_options() const {
    RunOptions options;
    options.jobs = 2;
    options.timeout = 500ms;
    options.kill_grace = 300ms;
    if (GetParam() == StartMode::fork_server)
      options.fork_server_library = default_fork_server_library();
    return options;
  }
};

INSTANTIATE_TEST_SUITE_P(StartedWith, Runner,
                         ::testing::Values(StartMode::exec, StartMode::fork_server),
                         [](const auto& mode) {
                           return mode.param == StartMode::exec ? "Exec" : "ForkServer";
                         });

TEST_P(Runner, ReportsPassedFailedSkippedAndDisabledTests) {
  FixtureRun fixture;
  auto outcome = fixture.run("Math.*:Skipping.*:Sizes*:Small*", quick_options());
  EXPECT_EQ(outcome.results.size(), 10u);
  EXPECT_EQ(fixture.result_of(outcome, "Math.Adds").status, TestStatus::passed);
  EXPECT_EQ(fixture.result_of(outcome, "Math.AddsBadly").status, TestStatus::failed);
  EXPECT_EQ(fixture.result_of(outcome, "Skipping.SkipsItself").status, TestStatus::skipped);
  EXPECT_EQ(fixture.result_of(outcome, "Math.DISABLED_NotReady").status, TestStatus::skipped);
  EXPECT_EQ(fixture.result_of(outcome, "Small/Squares.AreNotNegative/2").status,
            TestStatus::passed);
  const auto& failure = fixture.result_of(outcome, "Math.AddsBadly").last();
  ASSERT_EQ(failure.failures.size(), 1u);
  EXPECT_EQ(failure.failures[0].compared->first, "add(2, 2) = 4");
  EXPECT_FALSE(outcome.is_interrupted);
}

TEST_P(Runner, ACrashReportsItsSignalAndItsLastOutput) {
  FixtureRun fixture;
  auto outcome = fixture.run("Crash.*", quick_options());
  const auto& segfault = fixture.result_of(outcome, "Crash.Segfaults");
  EXPECT_EQ(segfault.status, TestStatus::crashed);
  EXPECT_EQ(segfault.last().signal_name, "SIGSEGV");
  EXPECT_NE(segfault.last().output.find("about to crash"), std::string::npos);
  EXPECT_EQ(fixture.result_of(outcome, "Crash.Aborts").last().signal_name, "SIGABRT");
}

TEST_P(Runner, AHangingTestTimesOutWithItsOutputSoFar) {
  FixtureRun fixture;
  auto outcome = fixture.run("Hang.SleepsForever", quick_options());
  const auto& hang = fixture.result_of(outcome, "Hang.SleepsForever");
  EXPECT_EQ(hang.status, TestStatus::timed_out);
  EXPECT_NE(hang.last().output.find("going to sleep"), std::string::npos);
}

TEST_P(Runner, ATimeoutKillsTheWholeProcessGroupEvenWhenSigtermIsIgnored) {
  FixtureRun fixture;
  auto outcome = fixture.run("Hang.ForksAChildAndSleeps:Hang.IgnoresSigterm", quick_options());
  EXPECT_EQ(fixture.result_of(outcome, "Hang.ForksAChildAndSleeps").status, TestStatus::timed_out);
  EXPECT_EQ(fixture.result_of(outcome, "Hang.IgnoresSigterm").status, TestStatus::timed_out);
  EXPECT_EQ(fixture.processes_left(), 0u);
}

TEST_P(Runner, ATestThatPassesOnARetryIsFlakyAndOneThatNeverDoesFails) {
  FixtureRun fixture;
  auto options = quick_options();
  options.retries = 2;
  auto outcome = fixture.run("Flaky.*", options);
  const auto& flaky = fixture.result_of(outcome, "Flaky.PassesOnTheSecondTry");
  EXPECT_EQ(flaky.status, TestStatus::flaky);
  EXPECT_EQ(flaky.attempts.size(), 2u);
  const auto& failing = fixture.result_of(outcome, "Flaky.AlwaysFails");
  EXPECT_EQ(failing.status, TestStatus::failed);
  EXPECT_EQ(failing.attempts.size(), 3u);
}

TEST_P(Runner, ATestThatExitsMidwayFails) {
  FixtureRun fixture;
  auto outcome = fixture.run("Exit.*", quick_options());
  const auto& exited = fixture.result_of(outcome, "Exit.ExitsCleanlyMidTest");
  EXPECT_EQ(exited.status, TestStatus::failed);
  EXPECT_NE(exited.last().output.find("before the test finished"), std::string::npos);
}

TEST_P(Runner, SerialSuitesNeverOverlapEvenWithFreeWorkers) {
  FixtureRun fixture;
  auto options = quick_options();
  options.jobs = 3;
  options.timeout = 5s;
  auto outcome = fixture.run("Serial*", options);
  for (const auto& result : outcome.results)
    EXPECT_EQ(result.status, TestStatus::passed)
        << fixture.inventory().tests[result.test].full_name() << ": " << result.last().output;
}

// Each worker holds a second item, and hands it back when the first runs long; an
// item handed back goes to the next worker to free up, never back behind the long
// one (where the first test here would wait for the third until it timed out).
TEST_P(Runner, AnItemHandedBackByABusyWorkerRunsOnTheNextFreeOne) {
  FixtureRun fixture;
  auto options = quick_options();
  options.timeout = 5s;
  PlanOptions one_per_process;
  one_per_process.is_isolated = true;
  one_per_process.workers = 2;
  auto outcome = fixture.run("HandBack.*", options, one_per_process);
  ASSERT_EQ(outcome.results.size(), 4u);
  for (const auto& result : outcome.results)
    EXPECT_EQ(result.status, TestStatus::passed)
        << fixture.inventory().tests[result.test].full_name() << ": " << result.last().output;
}

TEST_P(Runner, ASuiteTaggedOneProcessRunsInOneProcess) {
  FixtureRun fixture;
  auto outcome = fixture.run("OneProcess.*", quick_options());
  for (const auto& result : outcome.results) EXPECT_EQ(result.status, TestStatus::passed);
  std::size_t pid_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixture.state_directory()))
    pid_files += entry.path().filename().string().starts_with("one-process-");
  EXPECT_EQ(pid_files, 1u);
}

TEST_P(Runner, ACrashInAOneProcessSuiteRerunsTheTestsThatHadNotStarted) {
  FixtureRun fixture;
  PlanOptions plan;
  plan.one_process_suites = {"Crash"};
  auto options = quick_options();
  options.jobs = 1;
  auto outcome = fixture.run("Crash.*", options, plan);
  EXPECT_EQ(fixture.result_of(outcome, "Crash.Segfaults").status, TestStatus::crashed);
  EXPECT_EQ(fixture.result_of(outcome, "Crash.Aborts").status, TestStatus::crashed);
}

// A batch saves start-ups; what it cannot pass runs again alone, and that run decides.
TEST_P(Runner, ATestThatFailsInABatchRunsAgainAloneAndThatRunDecides) {
  FixtureRun fixture;
  auto outcome = fixture.run_batch({"Math.Adds", "Math.AddsBadly"}, quick_options());
  const auto& passed = fixture.result_of(outcome, "Math.Adds");
  EXPECT_EQ(passed.status, TestStatus::passed);
  ASSERT_EQ(passed.attempts.size(), 1u);
  EXPECT_TRUE(passed.last().is_shared_process);
  const auto& failed = fixture.result_of(outcome, "Math.AddsBadly");
  EXPECT_EQ(failed.status, TestStatus::failed);
  ASSERT_EQ(failed.attempts.size(), 2u);
  EXPECT_TRUE(failed.attempts[0].is_shared_process);
  EXPECT_FALSE(failed.attempts[1].is_shared_process);
  EXPECT_EQ(failed.last().failures.size(), 1u);
}

TEST_P(Runner, ATestThatFailsOnlyAfterAnotherInItsBatchIsFlakyNotFailed) {
  FixtureRun fixture;
  auto outcome = fixture.run_batch(
      {"OrderDependent.LeavesStateBehind", "OrderDependent.NeedsAFreshProcess"}, quick_options());
  const auto& dependent = fixture.result_of(outcome, "OrderDependent.NeedsAFreshProcess");
  EXPECT_EQ(dependent.status, TestStatus::flaky);
  ASSERT_EQ(dependent.attempts.size(), 2u);
  EXPECT_EQ(dependent.attempts[0].status, TestStatus::failed);
  EXPECT_TRUE(dependent.attempts[0].is_shared_process);
  EXPECT_EQ(dependent.last().status, TestStatus::passed);
}

TEST_P(Runner, ACrashInABatchNamesItsTestAndTheRestRunAloneUnharmed) {
  FixtureRun fixture;
  auto outcome = fixture.run_batch(
      {"Crash.Segfaults", "Crash.Aborts", "OrderDependent.LeavesStateBehind"}, quick_options());
  const auto& segfault = fixture.result_of(outcome, "Crash.Segfaults");
  EXPECT_EQ(segfault.status, TestStatus::crashed);
  EXPECT_EQ(segfault.last().signal_name, "SIGSEGV");
  EXPECT_FALSE(segfault.last().is_shared_process);
  const auto& aborts = fixture.result_of(outcome, "Crash.Aborts");
  EXPECT_EQ(aborts.last().signal_name, "SIGABRT");
  ASSERT_EQ(aborts.attempts.size(), 1u) << "it never started in the batch";
  EXPECT_FALSE(aborts.last().is_shared_process);
  const auto& unharmed = fixture.result_of(outcome, "OrderDependent.LeavesStateBehind");
  EXPECT_EQ(unharmed.status, TestStatus::passed);
  EXPECT_EQ(unharmed.attempts.size(), 1u);
}

// The process's exit code names no test: each runs alone, and only the one that
// makes its process fail fails.
TEST_P(Runner, ABatchThatPassesInAProcessThatFailsBlamesOnlyTheTestThatFailsItAlone) {
  FixtureRun fixture;
  auto outcome = fixture.run_batch(
      {"Exit.FailsTheProcessAfterPassing", "OrderDependent.LeavesStateBehind"}, quick_options());
  const auto& culprit = fixture.result_of(outcome, "Exit.FailsTheProcessAfterPassing");
  EXPECT_EQ(culprit.status, TestStatus::failed);
  EXPECT_EQ(culprit.last().exit_code, 3);
  EXPECT_FALSE(culprit.last().is_shared_process);
  const auto& bystander = fixture.result_of(outcome, "OrderDependent.LeavesStateBehind");
  EXPECT_EQ(bystander.status, TestStatus::passed);
  EXPECT_EQ(bystander.attempts.size(), 1u);
}

TEST_P(Runner, ABatchThatRanCleanlyMeasuresItsProgramsStartup) {
  FixtureRun fixture;
  auto outcome = fixture.run_batch({"Math.Adds", "Math.ComparesStrings"}, quick_options());
  ASSERT_EQ(outcome.startup.size(), 1u);
  History history;
  record_outcome(history, fixture.inventory(), outcome);
  const auto& program = fixture.inventory().programs[outcome.startup.begin()->first];
  EXPECT_EQ(history.startup(program.display_name), outcome.startup.begin()->second);
}

TEST_P(Runner, MaxFailuresStopsStartingTests) {
  FixtureRun fixture;
  auto options = quick_options();
  options.jobs = 1;
  options.max_failures = 1;
  auto outcome = fixture.run("Crash.*:Math.AddsBadly", options);
  std::size_t failed = 0, not_run = 0;
  for (const auto& result : outcome.results) {
    failed += is_failure(result.status);
    not_run += result.status == TestStatus::not_run;
  }
  EXPECT_EQ(failed, 1u);
  EXPECT_EQ(not_run, 2u);
}

// Interrupts the run once both hanging tests have started.
class InterruptWhenStarted : public RunListener {
 public:
  void on_started(const std::vector<std::size_t>& tests) override {
    started_ += tests.size();
    if (started_ == 2) {
      std::thread([] {
        std::this_thread::sleep_for(100ms);
        request_interrupt();
      }).detach();
    }
  }

 private:
  std::size_t started_ = 0;
};

TEST_P(Runner, AnInterruptStopsEveryChildAndLeavesNoProcessBehind) {
  FixtureRun fixture;
  auto options = quick_options();
  options.timeout = std::chrono::minutes(5);
  InterruptWhenStarted interrupter;
  auto outcome =
      fixture.run("Hang.ForksAChildAndSleeps:Hang.IgnoresSigterm", options, {}, &interrupter);
  clear_interrupt();  // the next run in this process is not to stop
  EXPECT_TRUE(outcome.is_interrupted);
  for (const auto& result : outcome.results) EXPECT_EQ(result.status, TestStatus::not_run);
  EXPECT_EQ(fixture.processes_left(), 0u);
}

// Each test process gets a TEST_TMPDIR of its own, removed when it ends: tests of one
// program that write the same file name there run side by side without meeting.
TEST_P(Runner, EachTestHasATemporaryFolderOfItsOwnThatIsRemovedAfterIt) {
  retort::testing::TempTree base;
  ::setenv("TMPDIR", base.root().c_str(), 1);
  FixtureRun fixture;
  auto options = quick_options();
  options.timeout = 10s;
  auto outcome = fixture.run("TempDir.*", options);
  ::unsetenv("TMPDIR");
  for (const char* name : {"TempDir.IsThisTestsOwnFirst", "TempDir.IsThisTestsOwnSecond"}) {
    const auto& result = fixture.result_of(outcome, name);
    EXPECT_EQ(result.status, TestStatus::passed) << name << ": " << result.last().output;
  }
  for (const auto& entry : std::filesystem::directory_iterator(base.root()))
    EXPECT_NE(entry.path().filename().string().rfind("retort-tmpdir-", 0), 0u)
        << "a test's folder was left behind: " << entry.path();
}

// Without a terminal (in CI) a failure is printed as it happens and a status line
// keeps a long run from being silent.
TEST_P(Runner, WithoutATerminalStatusLinesAndFailuresArePrintedAsTheRunGoes) {
  FixtureRun fixture;
  std::ostringstream out;
  ConsoleStyle style;
  style.status_interval = 50ms;
  ConsoleReporter console(fixture.inventory(), out, style, 2);
  auto options = quick_options();
  options.timeout = 10s;
  fixture.run("Slow.TakesAWhile:Math.AddsBadly", options, {}, &console);
  console.finish();
  std::string text = out.str();
  EXPECT_NE(text.find("FAIL Math.AddsBadly"), std::string::npos) << text;
  // At least one status line came while the slow test ran (its counts depend on timing).
  EXPECT_NE(text.find(" failed, 1 running, "), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << "no live line without a terminal";
}

}  // namespace
}  // namespace retort::testrunner
