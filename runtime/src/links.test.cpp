#include <atomic>

#include <gtest/gtest.h>

#include "retort/runtime.hpp"
#include "retort/test_system.hpp"

// On a TestSystem: every signal is handled in a known order on the test's thread,
// so "nothing more happens" is checked by running until idle, not by sleeping.

namespace retort {
namespace {

using namespace std::chrono_literals;

struct Die {
  ExitReason reason;
};
struct LinkTo {
  Pid pid;
};
struct SpawnLinked {};
struct WhoIsChild {};

std::atomic<int> terminations{0};

class Worker : public GenServer<Worker> {
 public:
  using Protocol = retort::Protocol<Cast<Die>, Cast<LinkTo>, Info<Exit>>;
  explicit Worker(bool is_trapping = false) {
    if (is_trapping) trap_exit(true);
  }
  void handle_cast(const Die& die) { stop(die.reason); }
  void handle_cast(const LinkTo& to) { link(to.pid); }
  void handle_info(const Exit& exit) { trapped.push_back(exit.reason); }
  void terminate(const ExitReason&) { ++terminations; }
  std::vector<ExitReason> trapped;
};

TEST(Links, AnAbnormalExitEndsTheLinkedProcessWithTheSameReason) {
  TestSystem system;
  auto a = system.spawn<Worker>();
  auto b = system.spawn<Worker>();
  Inbox inbox(system);
  inbox.monitor(b.pid());
  a.cast(LinkTo{b.pid()});
  a.cast(Die{ExitReason::error("boom")});
  auto down = inbox.receive<Down>(1s);
  ASSERT_TRUE(down.has_value());
  EXPECT_EQ(down->reason, ExitReason::error("boom"));
}

TEST(Links, ANormalExitIsIgnoredByANonTrappingLinkedProcess) {
  TestSystem system;
  auto a = system.spawn<Worker>();
  auto b = system.spawn<Worker>();
  Inbox inbox(system);
  inbox.monitor(a.pid());
  a.cast(LinkTo{b.pid()});
  a.cast(Die{ExitReason::normal()});
  ASSERT_TRUE(inbox.receive<Down>(1s).has_value());
  system.run_until_idle();  // b has handled every signal it will ever get
  EXPECT_TRUE(is_alive(b.pid()));
}

TEST(Links, ATrappingProcessGetsExitMessagesInstead) {
  TestSystem system;
  Inbox inbox(system);
  auto a = system.spawn<Worker>();
  inbox.link(a.pid());
  a.cast(Die{ExitReason::error("boom")});
  auto exit_message = inbox.receive<Exit>(1s);
  ASSERT_TRUE(exit_message.has_value());
  EXPECT_EQ(exit_message->from, a.pid());
  EXPECT_EQ(exit_message->reason, ExitReason::error("boom"));
}

TEST(Links, KillCannotBeTrappedAndLinkedProcessesSeeKilled) {
  TestSystem system;
  Inbox inbox(system);
  auto trapping = system.spawn<Worker>(true);
  inbox.link(trapping.pid());
  exit(trapping.pid(), ExitReason::kill());
  auto exit_message = inbox.receive<Exit>(1s);
  ASSERT_TRUE(exit_message.has_value());
  EXPECT_EQ(exit_message->reason, ExitReason::killed());
  EXPECT_FALSE(is_alive(trapping.pid()));
}

TEST(Links, LinkingToADeadProcessSignalsNoproc) {
  TestSystem system;
  Inbox inbox(system);
  auto a = system.spawn<Worker>();
  inbox.monitor(a.pid());
  a.cast(Die{ExitReason::normal()});
  ASSERT_TRUE(inbox.receive<Down>(1s).has_value());
  inbox.link(a.pid());
  auto exit_message = inbox.receive<Exit>(1s);
  ASSERT_TRUE(exit_message.has_value());
  EXPECT_EQ(exit_message->reason, ExitReason::noproc());
}

TEST(Monitors, MonitoringADeadProcessGivesDownWithNoprocAtOnce) {
  TestSystem system;
  Inbox inbox(system);
  auto a = system.spawn<Worker>();
  auto first = inbox.monitor(a.pid());
  exit(a.pid(), ExitReason::kill());
  auto down = inbox.receive<Down>(1s);
  ASSERT_TRUE(down.has_value());
  EXPECT_EQ(down->ref, first);
  EXPECT_EQ(down->reason, ExitReason::killed());
  auto second = inbox.monitor(a.pid());
  auto late = inbox.receive<Down>(1s);
  ASSERT_TRUE(late.has_value());
  EXPECT_EQ(late->ref, second);
  EXPECT_EQ(late->reason, ExitReason::noproc());
}

TEST(ExitSignals, NormalFromAnotherProcessIsIgnoredUnlessTrapping) {
  TestSystem system;
  auto plain = system.spawn<Worker>();
  exit(plain.pid(), ExitReason::normal());
  system.run_until_idle();
  EXPECT_TRUE(is_alive(plain.pid()));
  exit(plain.pid(), ExitReason::error("stop"));
  Inbox inbox(system);
  inbox.monitor(plain.pid());
  auto down = inbox.receive<Down>(1s);
  ASSERT_TRUE(down.has_value());
}

TEST(Terminate, RunsOnShutdownOnlyForProcessesThatTrapExits) {
  terminations = 0;
  {
    TestSystem system;
    system.spawn<Worker>(true);
    system.spawn<Worker>(true);
    system.spawn<Worker>(false);
  }
  EXPECT_EQ(terminations.load(), 2);
}

TEST(Terminate, RunsWhenAServerStopsItself) {
  terminations = 0;
  TestSystem system;
  auto a = system.spawn<Worker>();
  Inbox inbox(system);
  inbox.monitor(a.pid());
  a.cast(Die{ExitReason::normal()});
  ASSERT_TRUE(inbox.receive<Down>(1s).has_value());
  EXPECT_EQ(terminations.load(), 1);
}

}  // namespace
}  // namespace retort
