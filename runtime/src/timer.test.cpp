#include "retort/timer.hpp"

#include <gtest/gtest.h>

#include "retort/inbox.hpp"

namespace retort {
namespace {

using namespace std::chrono_literals;

struct Tick {
  int number;
};

TEST(Timers, SendAfterDeliversOnceAfterTheDelay) {
  System system;
  Inbox inbox(system);
  auto start = std::chrono::steady_clock::now();
  send_after(50ms, inbox.pid(), Tick{1});
  auto tick = inbox.receive<Tick>(2s);
  ASSERT_TRUE(tick.has_value());
  EXPECT_EQ(tick->number, 1);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
  EXPECT_FALSE(inbox.receive<Tick>(100ms).has_value());
}

TEST(Timers, TimersFireInDeadlineOrderWhateverTheOrderTheyWereSet) {
  System system;
  Inbox inbox(system);
  send_after(120ms, inbox.pid(), Tick{3});
  send_after(10ms, inbox.pid(), Tick{1});
  send_after(60ms, inbox.pid(), Tick{2});
  for (int expected = 1; expected <= 3; ++expected) {
    auto tick = inbox.receive<Tick>(2s);
    ASSERT_TRUE(tick.has_value());
    EXPECT_EQ(tick->number, expected);
  }
}

TEST(Timers, ACancelledTimerNeverFires) {
  System system;
  Inbox inbox(system);
  auto timer = send_after(300ms, inbox.pid(), Tick{1});
  EXPECT_TRUE(cancel_timer(timer));
  EXPECT_FALSE(cancel_timer(timer));
  EXPECT_FALSE(inbox.receive<Tick>(400ms).has_value());
}

TEST(Timers, CancellingAFiredTimerSaysSo) {
  System system;
  Inbox inbox(system);
  auto timer = send_after(1ms, inbox.pid(), Tick{1});
  ASSERT_TRUE(inbox.receive<Tick>(1s).has_value());
  EXPECT_FALSE(cancel_timer(timer));
}

}  // namespace
}  // namespace retort
