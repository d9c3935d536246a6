#pragma once

/// @file
/// `retort::TestSystem`: a `System` for tests that never sleep, like CAF's
/// deterministic test coordinator and Akka's manual clock. Nothing runs on a thread
/// of its own: processes run one message at a time on the test's thread, in the
/// order they became runnable, whenever the test waits (a `call`, an `Inbox`'s
/// `receive`, `run_until_idle`), and timers (`send_after`, call timeouts, a
/// supervisor's shutdown timeouts) follow a virtual clock that moves only when
/// `advance` moves it or when nothing else can happen while the test waits.
///
/// ```cpp
/// retort::TestSystem system;
/// auto ticker = system.spawn<Ticker>();                  // it send_after()s a Tick in 30 s
/// system.advance(std::chrono::seconds(29));              // no Tick yet
/// EXPECT_EQ(ticker.call(GetTicks{}), 0);
/// system.advance(std::chrono::seconds(1));               // the Tick is handled now
/// EXPECT_EQ(ticker.call(GetTicks{}), 1);
/// ```

#include <chrono>
#include <cstddef>

#include "retort/system.hpp"

namespace retort {

/// A deterministic `System` on the test's thread, with a virtual clock.
class TestSystem : public System {
 public:
  /// Starts a system with no thread and its virtual clock at 0.
  TestSystem();

  /// Runs the first runnable process for one message. Returns false when no
  /// process is runnable.
  bool run_once();

  /// Runs processes until none is runnable and returns how many messages ran.
  /// Time stands still: no timer fires. Throws `std::runtime_error` after ten
  /// million messages (a process that messages itself forever never idles).
  std::size_t run_until_idle();

  /// Moves the virtual clock forward by `duration`: every timer due in that span
  /// fires at its own deadline, in deadline order, and the processes run until idle
  /// after each, then at the end.
  void advance(std::chrono::milliseconds duration);

  /// Returns how much virtual time has passed since the system started.
  std::chrono::milliseconds elapsed() const;

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace retort
