#pragma once

/// @file
/// `retort::Inbox`: a process owned by a thread outside the runtime (main, a test),
/// so that thread can monitor, link and receive messages like a process does.
///
/// ```cpp
/// retort::Inbox inbox(system);
/// inbox.monitor(worker.pid());
/// auto down = inbox.receive<retort::Down>(std::chrono::seconds(1));
/// ```

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

#include "retort/process.hpp"

namespace retort {

/// A mailbox for a thread outside the runtime. It traps exits, so a linked
/// process's exit arrives as an `Exit` message. Its process ends with the object.
class Inbox {
 public:
  /// Starts the inbox's process in `system`.
  explicit Inbox(System& system);
  /// Ends the inbox's process with reason `normal`.
  ~Inbox();
  Inbox(const Inbox&) = delete;
  Inbox& operator=(const Inbox&) = delete;

  /// Returns the inbox's pid, to send it messages.
  const Pid& pid() const { return pid_; }

  /// Monitors `pid`: a `Down` arrives here when it ends. Returns the monitor's ref.
  MonitorRef monitor(const Pid& pid);

  /// Links the inbox to `pid`: its exit arrives here as an `Exit` message.
  void link(const Pid& pid);

  /// Waits up to `timeout` for the first message of type `T` (earlier messages of
  /// other types stay queued, as with Erlang's selective receive). Returns it, or
  /// `std::nullopt` on timeout.
  template <class T>
  std::optional<T> receive(std::chrono::milliseconds timeout) {
    auto envelope = take(detail::type_tag<T>(), timeout);
    if (!envelope) return std::nullopt;
    return std::move(static_cast<detail::ValueEnvelope<T>&>(*envelope).value);
  }

 private:
  struct Queue {
    std::mutex mutex;
    std::condition_variable arrived;
    std::deque<std::unique_ptr<detail::Envelope>> envelopes;
  };
  std::unique_ptr<detail::Envelope> take(const detail::TypeTag* type,
                                         std::chrono::milliseconds timeout);
  std::shared_ptr<Queue> queue_;
  Pid pid_;
};

}  // namespace retort
