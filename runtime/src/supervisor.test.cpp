#include "retort/supervisor.hpp"

#include <atomic>
#include <mutex>

#include <gtest/gtest.h>

#include "retort/inbox.hpp"
#include "retort/test_system.hpp"

// Supervisors on a TestSystem: restarts happen in a known order on the test's
// thread, so a test runs until idle and looks, instead of polling.

namespace retort {
namespace {

using namespace std::chrono_literals;

struct Crash {
  ExitReason reason;
};
struct Busy {
  std::chrono::milliseconds for_how_long;
};

// Records every start and terminate, in order, across all workers of a test.
struct Journal {
  std::mutex mutex;
  std::vector<std::string> events;
  void add(std::string event) {
    std::lock_guard lock(mutex);
    events.push_back(std::move(event));
  }
  std::vector<std::string> snapshot() {
    std::lock_guard lock(mutex);
    return events;
  }
};

class Worker : public GenServer<Worker> {
 public:
  using Protocol = retort::Protocol<Cast<Crash>, Cast<Busy>>;
  Worker(std::string name, Journal* journal) : name_(std::move(name)), journal_(journal) {
    trap_exit(true);
    journal_->add("start " + name_);
  }
  void handle_cast(const Crash& crash) { stop(crash.reason); }
  void handle_cast(const Busy& busy) { std::this_thread::sleep_for(busy.for_how_long); }
  void terminate(const ExitReason& reason) {
    journal_->add("stop " + name_ + " " + reason.to_string());
  }

 private:
  std::string name_;
  Journal* journal_;
};

std::vector<ChildSpec> three_workers(Journal& journal, Restart restart = Restart::permanent) {
  std::vector<ChildSpec> specs;
  for (const char* name : {"a", "b", "c"}) {
    specs.push_back(child<Worker>(name, std::string(name), &journal));
    specs.back().restart = restart;
  }
  return specs;
}

std::vector<Pid> pids_of(const Ref<Supervisor>& supervisor) {
  std::vector<Pid> pids;
  for (const auto& status : supervisor.call(WhichChildren{})) pids.push_back(status.pid);
  return pids;
}

// The children's pids once every restart a crash caused is done: on a TestSystem,
// when nothing is left to run.
std::vector<Pid> pids_when_idle(TestSystem& system, const Ref<Supervisor>& supervisor) {
  system.run_until_idle();
  return pids_of(supervisor);
}

void crash(const Pid& pid, ExitReason reason = ExitReason::error("boom")) {
  cast(pid, Crash{std::move(reason)});
}

TEST(Supervisor, StartsChildrenInOrder) {
  Journal journal;
  TestSystem system;
  auto supervisor = system.spawn<Supervisor>(SupervisorFlags{}, three_workers(journal));
  EXPECT_EQ(journal.snapshot(), (std::vector<std::string>{"start a", "start b", "start c"}));
  EXPECT_EQ(pids_of(supervisor).size(), 3u);
}

TEST(Supervisor, RestartsOnlyTheCrashedChildUnderOneForOne) {
  Journal journal;
  TestSystem system;
  auto supervisor =
      system.spawn<Supervisor>(SupervisorFlags{.intensity = 5}, three_workers(journal));
  auto before = pids_of(supervisor);
  crash(before[1]);
  auto after = pids_when_idle(system, supervisor);
  EXPECT_EQ(after[0], before[0]);
  EXPECT_NE(after[1], before[1]);
  EXPECT_EQ(after[2], before[2]);
}

TEST(Supervisor, RestartsEveryChildUnderOneForAllStoppingTheOthersInReverseOrder) {
  Journal journal;
  TestSystem system;
  auto supervisor = system.spawn<Supervisor>(
      SupervisorFlags{.strategy = Strategy::one_for_all, .intensity = 5}, three_workers(journal));
  auto before = pids_of(supervisor);
  crash(before[0]);
  auto after = pids_when_idle(system, supervisor);
  for (int i = 0; i < 3; ++i) EXPECT_NE(after[i], before[i]) << i;
  auto events = journal.snapshot();
  std::vector<std::string> tail(events.begin() + 3, events.end());
  EXPECT_EQ(tail, (std::vector<std::string>{"stop a error: boom", "stop c shutdown",
                                            "stop b shutdown", "start a", "start b", "start c"}));
}

TEST(Supervisor, RestartsTheRestUnderRestForOne) {
  Journal journal;
  TestSystem system;
  auto supervisor = system.spawn<Supervisor>(
      SupervisorFlags{.strategy = Strategy::rest_for_one, .intensity = 5}, three_workers(journal));
  auto before = pids_of(supervisor);
  crash(before[1]);
  auto after = pids_when_idle(system, supervisor);
  EXPECT_EQ(after[0], before[0]);
  EXPECT_NE(after[1], before[1]);
  EXPECT_NE(after[2], before[2]);
}

TEST(Supervisor, TransientChildrenRestartOnlyAfterAnAbnormalExit) {
  Journal journal;
  TestSystem system;
  auto supervisor = system.spawn<Supervisor>(SupervisorFlags{.intensity = 5},
                                             three_workers(journal, Restart::transient));
  auto before = pids_of(supervisor);
  crash(before[0], ExitReason::normal());
  crash(before[1], ExitReason::error("boom"));
  auto now = pids_when_idle(system, supervisor);
  EXPECT_FALSE(now[0]);  // a normal end keeps the spec but does not restart
  EXPECT_TRUE(is_alive(now[1]));
  EXPECT_NE(now[1], before[1]);
}

TEST(Supervisor, TemporaryChildrenAreNeverRestartedAndTheirSpecIsDropped) {
  Journal journal;
  TestSystem system;
  auto supervisor =
      system.spawn<Supervisor>(SupervisorFlags{}, three_workers(journal, Restart::temporary));
  crash(pids_of(supervisor)[2]);
  EXPECT_EQ(pids_when_idle(system, supervisor).size(), 2u);
}

// Three workers under a supervisor that allows one restart in 5 s, monitored.
struct OneRestartIn5s : ::testing::Test {
  Journal journal;
  TestSystem system;
  Inbox inbox{system};
  Ref<Supervisor> supervisor = system.spawn<Supervisor>(
      SupervisorFlags{.intensity = 1, .period = 5000ms}, three_workers(journal));
  MonitorRef monitor = inbox.monitor(supervisor.pid());

  // The supervisor's Down, once nothing is left to run; nothing when it lives.
  std::optional<Down> supervisor_down() { return inbox.receive<Down>(0ms); }
};

TEST_F(OneRestartIn5s, ExceedingTheRestartIntensityShutsTheSupervisorDown) {
  crash(pids_of(supervisor)[0]);
  auto second = pids_when_idle(system, supervisor);
  crash(second[0]);
  auto down = supervisor_down();
  ASSERT_TRUE(down.has_value());
  EXPECT_EQ(down->reason, ExitReason::shutdown());
  for (const auto& pid : second) EXPECT_FALSE(is_alive(pid));
}

TEST_F(OneRestartIn5s, OnlyRestartsWithinThePeriodCountTowardsTheIntensity) {
  crash(pids_of(supervisor)[0]);
  auto second = pids_when_idle(system, supervisor);
  system.advance(5001ms);  // the first restart is out of the window now
  crash(second[0]);
  auto third = pids_when_idle(system, supervisor);
  EXPECT_FALSE(supervisor_down().has_value());
  system.advance(4999ms);  // the second is still in it
  crash(third[0]);
  auto down = supervisor_down();
  ASSERT_TRUE(down.has_value());
  EXPECT_EQ(down->reason, ExitReason::shutdown());
}

// A child that dies as soon as it starts, and after a while cannot start at all,
// must not make the supervisor spin: restarts stop at the intensity.
std::atomic<int> flaky_starts{0};

class DiesAtOnce : public GenServer<DiesAtOnce> {
 public:
  using Protocol = retort::Protocol<Cast<Crash>>;
  // The first child lives until the test crashes it (after its monitor is set);
  // the second dies at once; the ones after cannot start at all.
  DiesAtOnce() {
    int start = ++flaky_starts;
    if (start > 2) throw std::runtime_error("cannot start again");
    if (start == 2) cast(self(), Crash{ExitReason::error("dying at once")});
  }
  void handle_cast(const Crash& crash) { stop(crash.reason); }
};

TEST(Supervisor, RestartStormsAreBoundedByIntensity) {
  flaky_starts = 0;
  TestSystem system;
  Inbox inbox(system);
  auto supervisor = system.spawn<Supervisor>(SupervisorFlags{.intensity = 3, .period = 10000ms},
                                             std::vector{child<DiesAtOnce>("flaky")});
  inbox.monitor(supervisor.pid());
  crash(pids_of(supervisor)[0]);
  auto down = inbox.receive<Down>(2s);
  ASSERT_TRUE(down.has_value());
  EXPECT_EQ(down->reason, ExitReason::shutdown());
  EXPECT_LE(flaky_starts.load(), 1 + 3 + 1);  // the first start, then at most intensity + 1 tries
}

TEST(Supervisor, ShutdownStopsChildrenInReverseStartOrder) {
  Journal journal;
  {
    TestSystem system;
    system.spawn<Supervisor>(SupervisorFlags{}, three_workers(journal));
  }
  EXPECT_EQ(journal.snapshot(),
            (std::vector<std::string>{"start a", "start b", "start c", "stop c shutdown",
                                      "stop b shutdown", "stop a shutdown"}));
}

// On real threads: the child blocks its thread (a handler that takes 300 ms), which
// no virtual clock can stand for. Busy is queued before the shutdown signal, so the
// signal always finds the child busy.
TEST(Supervisor, AChildThatOutlivesItsShutdownTimeoutIsKilled) {
  Journal journal;
  System system;
  Inbox inbox(system);
  auto slow = child<Worker>("slow", std::string("slow"), &journal);
  slow.shutdown = ShutdownPolicy::after(20ms);
  auto supervisor = system.spawn<Supervisor>(SupervisorFlags{}, std::vector{slow});
  Pid pid = pids_of(supervisor)[0];
  inbox.monitor(pid);
  cast(pid, Busy{300ms});  // still busy when the shutdown signal comes
  EXPECT_TRUE(supervisor.call(TerminateChild{"slow"}));
  auto down = inbox.receive<Down>(2s);
  ASSERT_TRUE(down.has_value());
  EXPECT_EQ(down->reason, ExitReason::killed());
}

TEST(Supervisor, BrutalKillSkipsTerminate) {
  Journal journal;
  TestSystem system;
  auto brutal = child<Worker>("b", std::string("b"), &journal);
  brutal.shutdown = ShutdownPolicy::brutal_kill();
  {
    TestSystem inner;
    inner.spawn<Supervisor>(SupervisorFlags{}, std::vector{brutal});
  }
  EXPECT_EQ(journal.snapshot(), (std::vector<std::string>{"start b"}));
}

TEST(Supervisor, ChildrenCanBeStartedAndTerminatedDynamically) {
  Journal journal;
  TestSystem system;
  auto supervisor = system.spawn<Supervisor>(SupervisorFlags{}, std::vector<ChildSpec>{});
  Pid added = supervisor.call(StartChild{child<Worker>("late", std::string("late"), &journal)});
  EXPECT_TRUE(is_alive(added));
  EXPECT_EQ(pids_of(supervisor).size(), 1u);
  EXPECT_TRUE(supervisor.call(TerminateChild{"late"}));
  EXPECT_FALSE(supervisor.call(TerminateChild{"late"}));
  EXPECT_TRUE(pids_of(supervisor).empty());
}

TEST(Supervisor, AChildThatFailsToStartFailsTheSupervisorsStart) {
  struct Refuses : GenServer<Refuses> {
    using Protocol = retort::Protocol<Cast<Crash>>;
    Refuses() { throw std::runtime_error("no database"); }
    void handle_cast(const Crash&) {}
  };
  Journal journal;
  TestSystem system;
  std::vector<ChildSpec> specs{child<Worker>("a", std::string("a"), &journal),
                               child<Refuses>("db")};
  EXPECT_THROW(system.spawn<Supervisor>(SupervisorFlags{}, specs), std::runtime_error);
}

TEST(DynamicSupervisor, StartsChildrenOnDemandUpToItsLimitAndRestartsThem) {
  Journal journal;
  TestSystem system;
  auto supervisor = start_dynamic_supervisor(system, 2);
  Pid first = supervisor.call(StartChild{child<Worker>("w1", std::string("w1"), &journal)});
  Pid second = supervisor.call(StartChild{child<Worker>("w2", std::string("w2"), &journal)});
  Pid third = supervisor.call(StartChild{child<Worker>("w3", std::string("w3"), &journal)});
  EXPECT_TRUE(is_alive(first));
  EXPECT_TRUE(is_alive(second));
  EXPECT_FALSE(third);
  crash(first);
  auto after = pids_when_idle(system, supervisor);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_NE(after[0], first);
  EXPECT_EQ(after[1], second);
}

}  // namespace
}  // namespace retort
