#include <atomic>

#include <gtest/gtest.h>

#include "retort/runtime.hpp"

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
  System system;
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
  System system;
  auto a = system.spawn<Worker>();
  auto b = system.spawn<Worker>();
  Inbox inbox(system);
  inbox.monitor(a.pid());
  a.cast(LinkTo{b.pid()});
  a.cast(Die{ExitReason::normal()});
  ASSERT_TRUE(inbox.receive<Down>(1s).has_value());
  std::this_thread::sleep_for(20ms);
  EXPECT_TRUE(is_alive(b.pid()));
}

TEST(Links, ATrappingProcessGetsExitMessagesInstead) {
  System system;
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
  System system;
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
  System system;
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
  System system;
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
  System system;
  auto plain = system.spawn<Worker>();
  exit(plain.pid(), ExitReason::normal());
  std::this_thread::sleep_for(20ms);
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
    System system;
    system.spawn<Worker>(true);
    system.spawn<Worker>(true);
    system.spawn<Worker>(false);
  }
  EXPECT_EQ(terminations.load(), 2);
}

TEST(Terminate, RunsWhenAServerStopsItself) {
  terminations = 0;
  System system;
  auto a = system.spawn<Worker>();
  Inbox inbox(system);
  inbox.monitor(a.pid());
  a.cast(Die{ExitReason::normal()});
  ASSERT_TRUE(inbox.receive<Down>(1s).has_value());
  EXPECT_EQ(terminations.load(), 1);
}

}  // namespace
}  // namespace retort
