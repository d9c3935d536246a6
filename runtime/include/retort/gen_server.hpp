#pragma once

/// @file
/// `retort::GenServer`: OTP's generic server. An actor declares its `Protocol` of
/// `Call`, `Cast` and `Info` entries and the handlers for them; `Ref<Actor>` only
/// compiles for messages in that protocol.
///
/// ```cpp
/// struct Get {};
/// struct Add { int amount; };
/// class Counter : public retort::GenServer<Counter> {
///  public:
///   using Protocol = retort::Protocol<retort::Call<Get, int>, retort::Cast<Add>>;
///   explicit Counter(int start) : value_(start) {}
///   int handle_call(const Get&, retort::From) { return value_; }
///   void handle_cast(const Add& add) { value_ += add.amount; }
///  private:
///   int value_;
/// };
/// ```

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "retort/async.hpp"
#include "retort/process.hpp"

namespace retort {

/// Who made a call: handed to `handle_call` (OTP's `From`).
class From {
 public:
  /// Wraps one call's reply slot and caller (runtime internals).
  From(std::shared_ptr<detail::ReplySlot> slot, Pid caller)
      : slot_(std::move(slot)), caller_(std::move(caller)) {}

  /// Returns the calling process, to monitor or link it; empty when the caller is
  /// a thread outside the runtime (a blocking `call` from main or a test).
  const Pid& caller() const { return caller_; }

 private:
  std::shared_ptr<detail::ReplySlot> slot_;
  Pid caller_;
};

namespace detail {

// A coroutine handler's task and the message it was given. The envelope is freed
// once the handler first returns, and a handler that takes `const M&` may read its
// message after any co_await: so the message is moved here, beside the coroutine,
// and lives as long as it.
template <class M, class Task>
struct RunningHandler {
  explicit RunningHandler(M&& value) : message(std::move(value)) {}
  M message;
  // Declared after the message, so the coroutine frame goes first.
  std::optional<Task> task;
};

// Runs `start(message)`, a coroutine handler returning `Task`, with `message` kept
// beside it; `finish(task)` is called once it is done (at once, or after it is
// parked and resumed), `reply` is the call it answers (null for a cast or info).
template <class Task, class M, class Start, class Finish>
void run_coroutine_handler(M& message, Start start, Finish finish,
                           std::shared_ptr<ReplySlot> reply) {
  auto running = std::make_shared<RunningHandler<M, Task>>(std::move(message));
  running->task.emplace(start(std::as_const(running->message)));
  auto finish_if_done = [running, finish]() -> bool {
    if (!running->task->is_done()) return false;
    finish(*running->task);
    return true;
  };
  if (!finish_if_done()) park_handler(finish_if_done, std::move(reply));
}

// Runs `handler` on a cast or info envelope of kind `kind` holding an `M`; false
// when the envelope is something else. A coroutine handler (returning
// Async<void>) is parked until done when it awaits.
template <class M, class Handler>
bool try_one_way(Envelope& envelope, EnvelopeKind kind, Handler handler) {
  if (envelope.kind != kind || envelope.type != type_tag<M>()) return false;
  M& value = static_cast<ValueEnvelope<M>&>(envelope).value;
  using Result = decltype(handler(std::as_const(value)));
  if constexpr (IsAsync<Result>::value) {
    run_coroutine_handler<Result>(
        value, handler, [](Result& task) { task.take_result(); }, nullptr);
  } else {
    handler(std::as_const(value));
  }
  return true;
}

}  // namespace detail

/// A request `M` answered with a reply `R`; handled by `R handle_call(const M&, From)`.
template <class M, class R>
struct Call {
  /// The request type.
  using message = M;
  /// The reply type.
  using reply = R;

  /// Runs the handler when `envelope` holds this call (runtime internals).
  template <class Actor>
  static bool try_handle(Actor& actor, detail::Envelope& envelope) {
    if (envelope.kind != detail::EnvelopeKind::call || envelope.type != detail::type_tag<M>())
      return false;
    auto& call = static_cast<detail::CallEnvelope<M>&>(envelope);
    using Result =
        decltype(actor.handle_call(std::as_const(call.value), From(call.reply, call.caller)));
    if constexpr (detail::IsAsync<Result>::value) {
      // A coroutine handler replies when it finishes, which may be after awaits.
      From from(call.reply, call.caller);
      detail::run_coroutine_handler<Result>(
          call.value, [&](const M& message) { return actor.handle_call(message, from); },
          [slot = call.reply](Result& task) {
            slot->complete(std::make_unique<detail::ValueEnvelope<R>>(detail::EnvelopeKind::info,
                                                                      task.take_result()));
          },
          call.reply);
    } else {
      R reply = actor.handle_call(std::as_const(call.value), From(call.reply, call.caller));
      call.reply->complete(
          std::make_unique<detail::ValueEnvelope<R>>(detail::EnvelopeKind::info, std::move(reply)));
    }
    return true;
  }
};

/// A fire-and-forget message `M`; handled by `void handle_cast(const M&)`.
template <class M>
struct Cast {
  /// The message type.
  using message = M;

  /// Runs the handler when `envelope` holds this cast (runtime internals).
  template <class Actor>
  static bool try_handle(Actor& actor, detail::Envelope& envelope) {
    return detail::try_one_way<M>(envelope, detail::EnvelopeKind::cast,
                                  [&](const M& value) { return actor.handle_cast(value); });
  }
};

/// A raw message `M` (from `send`, monitors, timers, trapped exits); handled by
/// `void handle_info(const M&)`.
template <class M>
struct Info {
  /// The message type.
  using message = M;

  /// Runs the handler when `envelope` holds this message (runtime internals).
  template <class Actor>
  static bool try_handle(Actor& actor, detail::Envelope& envelope) {
    return detail::try_one_way<M>(envelope, detail::EnvelopeKind::info,
                                  [&](const M& value) { return actor.handle_info(value); });
  }
};

namespace detail {

template <class Entry, class M>
constexpr bool is_call_for() {
  if constexpr (requires { typename Entry::reply; }) {
    return std::is_same_v<typename Entry::message, M>;
  } else {
    return false;
  }
}

template <class T>
struct TypeHolder {
  using type = T;
};

template <class M, class First, class... Rest>
constexpr auto find_reply() {
  if constexpr (is_call_for<First, M>()) {
    return TypeHolder<typename First::reply>{};
  } else if constexpr (sizeof...(Rest) > 0) {
    return find_reply<M, Rest...>();
  } else {
    return TypeHolder<void>{};
  }
}

}  // namespace detail

/// The messages an actor handles, as `Call`, `Cast` and `Info` entries.
template <class... Entries>
struct Protocol {
  /// Dispatches `envelope` to the first entry that matches; false when none does.
  template <class Actor>
  static bool dispatch(Actor& actor, detail::Envelope& envelope) {
    return (Entries::try_handle(actor, envelope) || ...);
  }

  /// True when `M` is the request of a `Call` entry.
  template <class M>
  static constexpr bool has_call = (detail::is_call_for<Entries, M>() || ...);
  /// True when `M` is the message of a `Cast` entry.
  template <class M>
  static constexpr bool has_cast = (std::is_same_v<Entries, Cast<M>> || ...);

  /// The reply type of the `Call` entry for `M`.
  template <class M>
  using reply_of = typename decltype(detail::find_reply<M, Entries...>())::type;
};

/// The base of a generic server. `Derived` declares `using Protocol = ...` and the
/// handlers; its constructor is OTP's `init`, and `terminate(const ExitReason&)` may
/// be declared to clean up.
template <class Derived>
class GenServer : public detail::Behaviour {
 public:
  /// Dispatches one message through `Derived::Protocol` (runtime internals).
  bool receive(std::unique_ptr<detail::Envelope>& envelope) override {
    return Derived::Protocol::dispatch(static_cast<Derived&>(*this), *envelope);
  }

  /// Calls `Derived::terminate` when it declares one (runtime internals).
  void run_terminate(const ExitReason& reason) override {
    if constexpr (requires(Derived& d) { d.terminate(reason); })
      static_cast<Derived&>(*this).terminate(reason);
  }

  /// Returns this process's pid.
  Pid self() const { return retort::self(); }

  /// Returns the system this process runs in (inside its handlers and constructor).
  System& system() const { return *detail::current_process()->system; }
};

/// A typed handle to an actor: `call` and `cast` compile only for messages in the
/// actor's `Protocol`.
template <class Actor>
class Ref {
 public:
  /// Names no process.
  Ref() = default;
  /// Wraps `pid`, which must run an `Actor`.
  explicit Ref(Pid pid) : pid_(std::move(pid)) {}

  /// Calls the actor with `message` and returns its reply (see `retort::call`).
  template <class M>
  auto call(M message, std::chrono::milliseconds timeout = default_call_timeout) const {
    static_assert(
        Actor::Protocol::template has_call<M>,
        "this message is not a Call in the actor's Protocol; add retort::Call<M, Reply> to it");
    using Reply = typename Actor::Protocol::template reply_of<M>;
    return retort::call<Reply>(pid_, std::move(message), timeout);
  }

  /// Casts `message` to the actor (see `retort::cast`).
  template <class M>
  void cast(M message) const {
    static_assert(Actor::Protocol::template has_cast<M>,
                  "this message is not a Cast in the actor's Protocol; add retort::Cast<M> to it");
    retort::cast(pid_, std::move(message));
  }

  /// Returns the untyped pid.
  const Pid& pid() const { return pid_; }

 private:
  Pid pid_;
};

template <class Actor, class... Args>
Ref<Actor> System::spawn(Args&&... args) {
  auto make = [&]() -> std::unique_ptr<detail::Behaviour> {
    return std::make_unique<Actor>(std::forward<Args>(args)...);
  };
  return Ref<Actor>(spawn_behaviour(make, detail::type_tag<Actor>(), false));
}

template <class Actor, class... Args>
Ref<Actor> System::spawn_link(Args&&... args) {
  auto make = [&]() -> std::unique_ptr<detail::Behaviour> {
    return std::make_unique<Actor>(std::forward<Args>(args)...);
  };
  return Ref<Actor>(spawn_behaviour(make, detail::type_tag<Actor>(), true));
}

}  // namespace retort
