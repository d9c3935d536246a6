#pragma once

/// @file
/// Timers: `send_after` puts a message in a process's mailbox after a delay, like
/// Erlang's `erlang:send_after/3`; `cancel_timer` stops one that has not fired.
///
/// ```cpp
/// auto tick = retort::send_after(std::chrono::seconds(1), self(), Tick{});
/// retort::cancel_timer(tick);
/// ```

#include <chrono>
#include <cstdint>
#include <functional>

#include "retort/process.hpp"

namespace retort {

/// Identifies one timer, for `cancel_timer`.
struct TimerRef {
  /// A number unique within the process's lifetime; 0 names no timer.
  std::uint64_t value = 0;
  /// Returns true when both name the same timer.
  bool operator==(const TimerRef&) const = default;
};

namespace detail {
/// Runs `fire` after `delay` on the timer thread of `pid`'s system.
TimerRef schedule_timer(const Pid& pid, std::chrono::milliseconds delay,
                        std::function<void()> fire);
}  // namespace detail

/// Sends `message` to `pid` (as `send` does) after `delay`. Returns the timer's ref.
template <class M>
TimerRef send_after(std::chrono::milliseconds delay, const Pid& pid, M message) {
  return detail::schedule_timer(
      pid, delay, [pid, message = std::move(message)]() mutable { send(pid, std::move(message)); });
}

/// Cancels the timer `ref`. Returns true when it had not fired yet (its message
/// will never arrive), false when it already fired or was cancelled.
bool cancel_timer(TimerRef ref);

}  // namespace retort
