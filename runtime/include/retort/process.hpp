#pragma once

/// @file
/// Talking to processes through untyped pids, as in Erlang: `send`, `cast`, `call`,
/// and the relations between processes: links, monitors, exit signals.

#include <chrono>
#include <stdexcept>

#include "retort/detail/process.hpp"
#include "retort/detail/reply_slot.hpp"
#include "retort/messages.hpp"
#include "retort/system.hpp"

namespace retort {

/// How long a `call` waits for its reply unless told otherwise (OTP's 5 s).
inline constexpr std::chrono::milliseconds default_call_timeout{5000};

/// Thrown by `call` when no reply comes: the callee was dead (`noproc`), died
/// while handling the call (its exit reason), or did not answer in time (`timeout`).
class CallError : public std::runtime_error {
 public:
  /// Makes an error for a call that failed with `reason`.
  explicit CallError(ExitReason reason)
      : std::runtime_error("call failed: " + reason.to_string()), reason_(std::move(reason)) {}
  /// Returns why the call failed.
  const ExitReason& reason() const { return reason_; }

 private:
  ExitReason reason_;
};

namespace detail {

// The reply of a settled slot as an `R`; throws CallError when the slot failed or
// the reply has another type.
template <class R>
R take_reply(ReplySlot& slot) {
  if (slot.is_failed()) throw CallError(slot.failure());
  auto reply = slot.take_reply();
  if (reply->type != type_tag<R>()) {
    throw CallError(ExitReason::error("reply type mismatch: expected " +
                                      std::string(type_name<R>()) + ", got " +
                                      std::string(reply->type->name)));
  }
  return std::move(static_cast<ValueEnvelope<R>&>(*reply).value);
}

}  // namespace detail

/// Returns the pid of the process whose handler is running; an empty pid outside one.
Pid self();

/// Returns true while the process named by `pid` has not ended.
bool is_alive(const Pid& pid);

/// Puts `message` in `pid`'s mailbox as a raw message (GenServer: `handle_info`).
/// Does nothing when the process has ended.
template <class M>
void send(const Pid& pid, M message) {
  if (!pid) return;
  detail::deliver(pid.process(),
                  new detail::ValueEnvelope<M>(detail::EnvelopeKind::info, std::move(message)));
}

/// Sends `message` as a cast (GenServer: `handle_cast`): fire and forget.
template <class M>
void cast(const Pid& pid, M message) {
  if (!pid) return;
  detail::deliver(pid.process(),
                  new detail::ValueEnvelope<M>(detail::EnvelopeKind::cast, std::move(message)));
}

/// Calls `pid` with `message` and waits up to `timeout` for a reply of type `R`.
/// For threads outside the runtime (main, tests); inside a handler it throws
/// `std::logic_error`, since it would block a scheduler thread. Returns the reply;
/// throws `CallError` with `noproc`, the callee's exit reason, or `timeout`.
template <class R, class M>
R call(const Pid& pid, M message, std::chrono::milliseconds timeout = default_call_timeout) {
  if (detail::current_process() != nullptr) {
    throw std::logic_error(
        "retort::call blocks; inside a process it would block a scheduler thread");
  }
  if (!pid) throw CallError(ExitReason::noproc());
  auto slot = std::make_shared<detail::ReplySlot>();
  detail::deliver(pid.process(), new detail::CallEnvelope<M>(std::move(message), slot));
  if (slot->wait_for(timeout, *pid.process()->system) == detail::ReplySlot::Outcome::timed_out)
    throw CallError(ExitReason::timeout());
  return detail::take_reply<R>(*slot);
}

/// Sends `message` to the process registered as `name` in `system`. Returns false
/// (and sends nothing) when no live process holds the name.
template <class M>
bool send(System& system, const std::string& name, M message) {
  Pid pid = system.whereis(name);
  if (pid) send(pid, std::move(message));
  return static_cast<bool>(pid);
}

/// Casts `message` to the process registered as `name`; false when there is none.
template <class M>
bool cast(System& system, const std::string& name, M message) {
  Pid pid = system.whereis(name);
  if (pid) cast(pid, std::move(message));
  return static_cast<bool>(pid);
}

/// Calls the process registered as `name` (see `call`); `noproc` when there is none.
template <class R, class M>
R call(System& system, const std::string& name, M message,
       std::chrono::milliseconds timeout = default_call_timeout) {
  return call<R>(system.whereis(name), std::move(message), timeout);
}

/// Links the calling process and `pid`: when either ends abnormally, the other gets
/// an exit signal. Linking to a dead process sends the caller `noproc` at once.
void link(const Pid& pid);

/// Monitors `pid` from the calling process: it gets a `Down` message when `pid`
/// ends (at once, with `noproc`, if it already has). Returns the monitor's ref.
MonitorRef monitor(const Pid& pid);

/// Sets whether the calling process traps exits: exit signals from links then
/// arrive as `Exit` messages instead of ending it (except `kill`).
void trap_exit(bool is_trapping);

/// Sends exit signal `reason` to `pid`, as Erlang's `exit/2`: `kill` ends it even
/// if it traps exits; `normal` is ignored unless it traps exits.
void exit(const Pid& pid, ExitReason reason);

/// Ends the calling process with `reason` once its current handler returns
/// (GenServer's `{stop, Reason, State}`); `terminate` runs.
void stop(ExitReason reason = ExitReason::normal());

}  // namespace retort
