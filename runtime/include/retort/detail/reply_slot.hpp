#pragma once

// Where a call's reply lands: completed once by the callee's reply or failed once
// (callee died, noproc, timeout); whichever comes first wins, later ones are dropped.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "retort/detail/envelope.hpp"

namespace retort {
class System;
}  // namespace retort

namespace retort::detail {

class ReplySlot {
 public:
  enum class Outcome { replied, failed, timed_out };

  bool complete(std::unique_ptr<Envelope> reply);
  bool fail(ExitReason reason);
  // Waits up to `timeout` (on `system`'s clock, running it when it is deterministic);
  // on timeout the slot is closed, so a late reply is dropped.
  Outcome wait_for(std::chrono::milliseconds timeout, System& system);
  std::unique_ptr<Envelope> take_reply() { return std::move(reply_); }
  bool is_failed() const { return failure_.has_value(); }
  // Called once, after the slot is completed or failed (for async calls: it posts
  // the Resume message to the awaiting process).
  void on_done(std::function<void()> callback);
  const ExitReason& failure() const { return *failure_; }

 private:
  std::mutex mutex_;
  std::condition_variable done_;
  bool is_done_ = false;
  // is_done_, readable without the lock, for a waiter's spin.
  std::atomic<bool> is_settled_{false};
  static constexpr std::chrono::microseconds spin_limit{20};
  std::unique_ptr<Envelope> reply_;
  std::optional<ExitReason> failure_;
  std::function<void()> on_done_;
};

}  // namespace retort::detail
