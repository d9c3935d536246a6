// Timers on a TestSystem: deadlines in virtual time, exact to the millisecond, and
// no test waits for a real clock.

#include "retort/timer.hpp"

#include <gtest/gtest.h>

#include "retort/inbox.hpp"
#include "retort/test_system.hpp"

namespace retort {
namespace {

using namespace std::chrono_literals;

struct Tick {
  int number;
};

TEST(Timers, SendAfterDeliversOnceAtTheDelay) {
  TestSystem system;
  Inbox inbox(system);
  send_after(50ms, inbox.pid(), Tick{1});
  system.advance(49ms);
  EXPECT_FALSE(inbox.receive<Tick>(0ms).has_value());
  system.advance(1ms);
  auto tick = inbox.receive<Tick>(0ms);
  ASSERT_TRUE(tick.has_value());
  EXPECT_EQ(tick->number, 1);
  system.advance(1h);
  EXPECT_FALSE(inbox.receive<Tick>(0ms).has_value());
  EXPECT_EQ(system.elapsed(), 50ms + 1h);
}

TEST(Timers, TimersFireInDeadlineOrderWhateverTheOrderTheyWereSet) {
  TestSystem system;
  Inbox inbox(system);
  send_after(120ms, inbox.pid(), Tick{3});
  send_after(10ms, inbox.pid(), Tick{1});
  send_after(60ms, inbox.pid(), Tick{2});
  for (int expected = 1; expected <= 3; ++expected) {
    // Nothing else can happen, so the wait moves time to the next deadline.
    auto tick = inbox.receive<Tick>(1s);
    ASSERT_TRUE(tick.has_value());
    EXPECT_EQ(tick->number, expected);
  }
  EXPECT_EQ(system.elapsed(), 120ms);
}

TEST(Timers, ACancelledTimerNeverFires) {
  TestSystem system;
  Inbox inbox(system);
  auto timer = send_after(300ms, inbox.pid(), Tick{1});
  EXPECT_TRUE(cancel_timer(timer));
  EXPECT_FALSE(cancel_timer(timer));
  EXPECT_FALSE(inbox.receive<Tick>(400ms).has_value());
  EXPECT_EQ(system.elapsed(), 400ms);
}

TEST(Timers, CancellingAFiredTimerSaysSo) {
  TestSystem system;
  Inbox inbox(system);
  auto timer = send_after(1ms, inbox.pid(), Tick{1});
  ASSERT_TRUE(inbox.receive<Tick>(1s).has_value());
  EXPECT_FALSE(cancel_timer(timer));
}

// The real timer thread, once: a deadline is kept in steady_clock time too.
TEST(Timers, OnARealSystemTheTimerThreadDeliversAfterTheDelay) {
  System system;
  Inbox inbox(system);
  auto start = std::chrono::steady_clock::now();
  send_after(20ms, inbox.pid(), Tick{1});
  ASSERT_TRUE(inbox.receive<Tick>(5s).has_value());
  EXPECT_GE(std::chrono::steady_clock::now() - start, 20ms);
}

}  // namespace
}  // namespace retort
