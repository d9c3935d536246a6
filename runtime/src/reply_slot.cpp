#include "retort/detail/reply_slot.hpp"

#include "retort/detail/spin_wait.hpp"
#include "retort/system.hpp"

namespace retort::detail {

void ReplySlot::on_done(std::function<void()> callback) {
  bool is_already_done = false;
  {
    std::lock_guard lock(mutex_);
    is_already_done = is_done_;
    if (!is_already_done) on_done_ = std::move(callback);
  }
  if (is_already_done) callback();
}

bool ReplySlot::complete(std::unique_ptr<Envelope> reply) {
  std::function<void()> callback;
  {
    std::lock_guard lock(mutex_);
    if (is_done_) return false;
    is_done_ = true;
    is_settled_.store(true, std::memory_order_release);
    reply_ = std::move(reply);
    callback = std::move(on_done_);
  }
  done_.notify_all();
  if (callback) callback();
  return true;
}

bool ReplySlot::fail(ExitReason reason) {
  std::function<void()> callback;
  {
    std::lock_guard lock(mutex_);
    if (is_done_) return false;
    is_done_ = true;
    is_settled_.store(true, std::memory_order_release);
    failure_ = std::move(reason);
    callback = std::move(on_done_);
  }
  done_.notify_all();
  if (callback) callback();
  return true;
}

ReplySlot::Outcome ReplySlot::wait_for(std::chrono::milliseconds timeout, System& system) {
  auto is_settled = [&] { return is_settled_.load(std::memory_order_acquire); };
  if (system.is_deterministic()) {
    system.run_until(is_settled, timeout);
    timeout = std::chrono::milliseconds(0);
  } else {
    // A reply from a process usually comes within microseconds: spin for it first,
    // so the calling thread is not put to sleep and woken again.
    spin_until(is_settled, std::min<std::chrono::microseconds>(timeout, spin_limit));
  }
  std::unique_lock lock(mutex_);
  if (!done_.wait_for(lock, timeout, [&] { return is_done_; })) {
    is_done_ = true;  // a late reply is dropped, never delivered later
    return Outcome::timed_out;
  }
  return reply_ ? Outcome::replied : Outcome::failed;
}

}  // namespace retort::detail
