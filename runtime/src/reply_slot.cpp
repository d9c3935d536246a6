#include "retort/detail/reply_slot.hpp"

namespace retort::detail {

bool ReplySlot::complete(std::unique_ptr<Envelope> reply) {
  {
    std::lock_guard lock(mutex_);
    if (is_done_) return false;
    is_done_ = true;
    reply_ = std::move(reply);
  }
  done_.notify_all();
  return true;
}

bool ReplySlot::fail(ExitReason reason) {
  {
    std::lock_guard lock(mutex_);
    if (is_done_) return false;
    is_done_ = true;
    failure_ = std::move(reason);
  }
  done_.notify_all();
  return true;
}

ReplySlot::Outcome ReplySlot::wait_for(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!done_.wait_for(lock, timeout, [&] { return is_done_; })) {
    is_done_ = true;  // a late reply is dropped, never delivered later
    return Outcome::timed_out;
  }
  return reply_ ? Outcome::replied : Outcome::failed;
}

}  // namespace retort::detail
