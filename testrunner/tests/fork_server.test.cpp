// Fork servers over the forking fixture: each test forks from one start of its
// program, sees the program's own environment, and programs that cannot be forked
// safely have their tests started with exec.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "fork_server_client.hpp"
#include "retort/testrunner/child_process.hpp"
#include "retort/testrunner/runner.hpp"
#include "runner_support.hpp"

namespace retort::testrunner {
namespace {

using namespace std::chrono_literals;
using testing::FixtureRun;

RunOptions options_with_fork_server() {
  RunOptions options;
  options.jobs = 2;
  options.timeout = 5s;
  options.kill_grace = 300ms;
  options.fork_server_library = default_fork_server_library();
  return options;
}

// The pids that ran the program's static initialisers, one line each.
std::vector<std::string> start_ups(const FixtureRun& fixture) {
  std::ifstream in(fixture.state_directory() / "start-ups");
  std::vector<std::string> pids;
  for (std::string line; std::getline(in, line);) pids.push_back(line);
  return pids;
}

// The parent of each test that recorded its own.
std::set<std::string> recorded_parents(const FixtureRun& fixture) {
  std::set<std::string> parents;
  for (const auto& entry : std::filesystem::directory_iterator(fixture.state_directory())) {
    if (!entry.path().filename().string().starts_with("parent-of-")) continue;
    std::string parent;
    std::ifstream(entry.path()) >> parent;
    parents.insert(parent);
  }
  return parents;
}

void expect_all_passed(const FixtureRun& fixture, const RunOutcome& outcome) {
  ASSERT_FALSE(outcome.results.empty());
  for (const auto& result : outcome.results)
    EXPECT_EQ(result.status, TestStatus::passed)
        << fixture.inventory().tests[result.test].full_name() << ": " << result.last().output;
}

TEST(ForkServer, EveryTestForksFromOneStartOfItsProgram) {
  ASSERT_FALSE(default_fork_server_library().empty());
  FixtureRun fixture({RETORT_FIXTURE_FORKING});
  auto before = start_ups(fixture).size();
  auto outcome = fixture.run("Origin.RecordsItsParent*", options_with_fork_server());
  expect_all_passed(fixture, outcome);
  auto after = start_ups(fixture);
  ASSERT_EQ(after.size(), before + 1);
  auto parents = recorded_parents(fixture);
  ASSERT_EQ(parents.size(), 1u);
  EXPECT_EQ(*parents.begin(), after.back()) << "the tests' parent is the program's one start";
  EXPECT_EQ(fixture.processes_left(), 0u);
}

TEST(ForkServer, WithoutOneEveryTestStartsItsProgramWithExec) {
  FixtureRun fixture({RETORT_FIXTURE_FORKING});
  auto before = start_ups(fixture).size();
  auto options = options_with_fork_server();
  options.fork_server_library.clear();
  auto outcome = fixture.run("Origin.RecordsItsParent*", options);
  expect_all_passed(fixture, outcome);
  EXPECT_EQ(start_ups(fixture).size(), before + 2);
  EXPECT_EQ(recorded_parents(fixture), std::set<std::string>{std::to_string(::getpid())});
}

TEST(ForkServer, TestsSeeTheProgramsOwnEnvironmentAndPreload) {
  FixtureRun plain({RETORT_FIXTURE_FORKING});
  expect_all_passed(plain,
                    plain.run("Origin.SeesTheProgramsOwnEnvironment", options_with_fork_server()));
  FixtureRun preloading({RETORT_FIXTURE_FORKING},
                        {"LD_PRELOAD=libm.so.6", "FIXTURE_EXPECTED_PRELOAD=libm.so.6"});
  auto before = start_ups(preloading).size();
  expect_all_passed(preloading, preloading.run("Origin.SeesTheProgramsOwnEnvironment",
                                               options_with_fork_server()));
  EXPECT_EQ(start_ups(preloading).size(), before + 1);
}

// Runs the tests `filter` selects of the forking fixture through a watcher, as the
// executor does; returns all they wrote.
std::string raw_output_of(const std::string& filter, const std::filesystem::path& library,
                          const FixtureRun& fixture) {
  ChildWatcher watcher(library);
  ChildCommand command;
  command.argv = {RETORT_FIXTURE_FORKING, "--gtest_filter=" + filter};
  command.extra_environment = {"RETORT_FIXTURE_STATE=" + fixture.state_directory().string(),
                               "FIXTURE_START_UP_MESSAGE=static set-up ran"};
  command.may_fork_from_server = true;
  std::promise<void> exited;
  std::string output;
  auto pid = watcher.start(command, {[&](std::string_view chunk) { output += chunk; },
                                     [&](int) { exited.set_value(); }});
  EXPECT_TRUE(static_cast<bool>(pid));
  if (!pid) {
    llvm::consumeError(pid.takeError());
    return output;
  }
  exited.get_future().wait();
  return output;
}

TEST(ForkServer, WhatStartUpWroteComesFirstAsItWouldWithExec) {
  FixtureRun fixture({RETORT_FIXTURE_FORKING});
  auto with_exec = raw_output_of("Origin.RecordsItsParent", {}, fixture);
  auto forked = raw_output_of("Origin.RecordsItsParent", default_fork_server_library(), fixture);
  EXPECT_TRUE(with_exec.starts_with("static set-up ran\n")) << with_exec;
  EXPECT_TRUE(forked.starts_with("static set-up ran\n")) << forked;
  EXPECT_NE(forked.find("[       OK ] Origin.RecordsItsParent"), std::string::npos) << forked;
  auto parents = recorded_parents(fixture);
  EXPECT_EQ(parents.size(), 2u) << "one test started with exec, one forked";
}

// Starts the forking fixture's `test` from `server`, its output discarded.
pid_t start_forked(detail::ForkServer& server, const std::string& test) {
  int discarded = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  auto pid = server.start({RETORT_FIXTURE_FORKING, "--gtest_filter=" + test}, {}, discarded);
  ::close(discarded);
  EXPECT_TRUE(static_cast<bool>(pid));
  if (!pid) {
    llvm::consumeError(pid.takeError());
    return -1;
  }
  return *pid;
}

TEST(ForkServer, AnExitReadWhileStartingAnotherTestIsStillTold) {
  FixtureRun fixture({RETORT_FIXTURE_FORKING});
  detail::SpawnRequest program;
  program.argv = {RETORT_FIXTURE_FORKING};
  program.environment = {"RETORT_FIXTURE_STATE=" + fixture.state_directory().string()};
  auto server = detail::ForkServer::launch(program, default_fork_server_library(), 5s);
  ASSERT_NE(server, nullptr);
  auto first = start_forked(*server, "Origin.RecordsItsParent");
  // Let the first end; its exit waits on the channel, unread.
  std::this_thread::sleep_for(300ms);
  auto second = start_forked(*server, "Origin.RecordsItsParentToo");
  std::this_thread::sleep_for(300ms);
  std::set<pid_t> told;
  for (const auto& ended : server->take_exits()) {
    told.insert(ended.pid);
    EXPECT_TRUE(WIFEXITED(ended.wait_status) && WEXITSTATUS(ended.wait_status) == 0);
  }
  EXPECT_EQ(told, (std::set<pid_t>{first, second}));
  EXPECT_FALSE(server->is_lost());
}

TEST(ForkServer, ACommandLineTooLongToSendStartsWithExec) {
  FixtureRun fixture({RETORT_FIXTURE_FORKING});
  std::string long_filter = "Origin.RecordsItsParent:" + std::string(70000, 'x');
  auto output = raw_output_of(long_filter, default_fork_server_library(), fixture);
  EXPECT_NE(output.find("[       OK ] Origin.RecordsItsParent"), std::string::npos) << output;
  EXPECT_EQ(recorded_parents(fixture), std::set<std::string>{std::to_string(::getpid())});
}

TEST(ForkServer, AProgramWithAThreadBeforeMainHasItsTestsStartedWithExec) {
  FixtureRun fixture({RETORT_FIXTURE_FORKING}, {"FIXTURE_THREAD_BEFORE_MAIN=1"});
  auto before = start_ups(fixture).size();
  auto outcome = fixture.run("Origin.RecordsItsParent*", options_with_fork_server());
  expect_all_passed(fixture, outcome);
  // The server that refused, then one start per test.
  EXPECT_EQ(start_ups(fixture).size(), before + 3);
  EXPECT_EQ(recorded_parents(fixture), std::set<std::string>{std::to_string(::getpid())});
  EXPECT_EQ(fixture.processes_left(), 0u);
}

TEST(ForkServer, AnAddressSanitizedProgramHasItsTestsStartedWithExec) {
  FixtureRun fixture({RETORT_FIXTURE_FORKING_ASAN});
  auto outcome = fixture.run("Origin.*:-Origin.SleepsForever", options_with_fork_server());
  expect_all_passed(fixture, outcome);
  EXPECT_EQ(recorded_parents(fixture), std::set<std::string>{std::to_string(::getpid())});
}

// Kills the fork server (started with --gtest_list_tests) once a test has started.
class KillServerWhenStarted : public RunListener {
 public:
  explicit KillServerWhenStarted(const FixtureRun& fixture) : fixture_(fixture) {}
  void on_started(const std::vector<std::size_t>&) override {
    std::thread([&fixture = fixture_] {
      std::this_thread::sleep_for(200ms);
      for (auto pid : fixture.processes_with_argument("--gtest_list_tests")) ::kill(pid, SIGKILL);
    }).detach();
  }

 private:
  const FixtureRun& fixture_;
};

TEST(ForkServer, ATestWhoseServerIsKilledIsStoppedAndNothingIsLeftBehind) {
  FixtureRun fixture({RETORT_FIXTURE_FORKING});
  auto options = options_with_fork_server();
  options.timeout = std::chrono::minutes(5);
  KillServerWhenStarted killer(fixture);
  auto outcome = fixture.run("Origin.SleepsForever", options, {}, &killer);
  const auto& sleeper = fixture.result_of(outcome, "Origin.SleepsForever");
  EXPECT_EQ(sleeper.status, TestStatus::crashed);
  EXPECT_NE(sleeper.last().output.find("fork server ended"), std::string::npos)
      << sleeper.last().output;
  EXPECT_EQ(fixture.processes_left(), 0u);
}

}  // namespace
}  // namespace retort::testrunner
