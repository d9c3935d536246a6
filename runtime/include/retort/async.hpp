#pragma once

/// @file
/// Calls from inside a process that do not block its scheduler thread. A handler
/// that returns `retort::Async<T>` is a C++20 coroutine and may `co_await` calls:
/// while it waits, its process's other messages wait too (as in an OTP
/// `gen_server:call`), exit signals still act at once, and the thread runs others.
///
/// ```cpp
/// retort::Async<std::string> handle_call(const Run&, retort::From) {
///   std::string path = co_await retort::async_call<std::string>(allocator, Allocate{});
///   co_return "ran in " + path;
/// }
/// ```

#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "retort/process.hpp"
#include "retort/timer.hpp"

namespace retort {

namespace detail {

// Owns a coroutine frame: destroys it with the object, reports when it is done and
// rethrows what escaped it. Shared by Async<T> and Async<void>.
template <class Promise>
class CoroutineOwner {
 public:
  CoroutineOwner(CoroutineOwner&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  CoroutineOwner& operator=(CoroutineOwner&&) = delete;
  ~CoroutineOwner() {
    if (handle_) handle_.destroy();
  }
  bool is_done() const { return handle_.done(); }

 protected:
  explicit CoroutineOwner(std::coroutine_handle<Promise> handle) : handle_(handle) {}
  void rethrow_if_failed() const {
    if (handle_.promise().exception) std::rethrow_exception(handle_.promise().exception);
  }
  std::coroutine_handle<Promise> handle_;
};

// Runs eagerly until the first co_await, and keeps the frame after co_return so
// the runtime can read the result.
template <class Derived>
struct PromiseBase {
  std::exception_ptr exception;
  Derived get_return_object() {
    return Derived(std::coroutine_handle<typename Derived::promise_type>::from_promise(
        static_cast<typename Derived::promise_type&>(*this)));
  }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() { exception = std::current_exception(); }
};

}  // namespace detail

template <class T>
struct AsyncPromise;

/// The return type of a handler that is a coroutine; `T` is what it `co_return`s
/// (`void` for `handle_cast` and `handle_info`).
template <class T>
class Async : public detail::CoroutineOwner<AsyncPromise<T>> {
 public:
  /// The coroutine's promise (C++ machinery).
  using promise_type = AsyncPromise<T>;

  /// Returns the result of a finished coroutine, or rethrows what escaped it.
  T take_result() {
    this->rethrow_if_failed();
    if constexpr (!std::is_void_v<T>) return std::move(*this->handle_.promise().value);
  }

 private:
  friend struct detail::PromiseBase<Async>;
  explicit Async(std::coroutine_handle<promise_type> handle)
      : detail::CoroutineOwner<promise_type>(handle) {}
};

/// The promise of `Async<T>` (C++ machinery): keeps the `co_return`ed value.
template <class T>
struct AsyncPromise : detail::PromiseBase<Async<T>> {
  /// The value given to `co_return`.
  std::optional<T> value;
  /// Keeps `result`.
  void return_value(T result) { value = std::move(result); }
};

/// The promise of `Async<void>` (C++ machinery).
template <>
struct AsyncPromise<void> : detail::PromiseBase<Async<void>> {
  /// Nothing to keep.
  void return_void() {}
};

namespace detail {

template <class T>
struct IsAsync : std::false_type {};
template <class T>
struct IsAsync<Async<T>> : std::true_type {};

// Parks the calling process's handler coroutine `awaiting` until `slot` settles
// (or `timeout` fails it); the settling posts a Resume message (see process.cpp).
void suspend_until_settled(const std::shared_ptr<ReplySlot>& slot, std::coroutine_handle<> awaiting,
                           std::chrono::milliseconds timeout);

// Sends `call` to `target` and suspends until it is answered.
void send_async_call(const Pid& target, Envelope* call, const std::shared_ptr<ReplySlot>& slot,
                     std::coroutine_handle<> awaiting, std::chrono::milliseconds timeout);

// Keeps a suspended handler coroutine alive and finishes it when it is done.
void park_handler(std::function<bool()> finish_if_done,
                  std::shared_ptr<ReplySlot> call_being_handled);

template <class R, class M>
class CallAwaiter {
 public:
  CallAwaiter(Pid target, M message, std::chrono::milliseconds timeout)
      : target_(std::move(target)), message_(std::move(message)), timeout_(timeout) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> awaiting) {
    slot_ = std::make_shared<ReplySlot>();
    send_async_call(target_,
                    new CallEnvelope<M>(std::move(message_), slot_, Pid(current_process())), slot_,
                    awaiting, timeout_);
  }
  R await_resume() { return take_reply<R>(*slot_); }

 private:
  Pid target_;
  M message_;
  std::chrono::milliseconds timeout_;
  std::shared_ptr<ReplySlot> slot_;
};

}  // namespace detail

/// Calls `pid` with `message` from inside a coroutine handler and resumes it with
/// the reply of type `R`, without blocking the scheduler thread. Throws `CallError`
/// (inside the coroutine) with `noproc`, the callee's reason, or `timeout`; calling
/// the process itself fails at once (it would wait forever).
template <class R, class M>
detail::CallAwaiter<R, M> async_call(const Pid& pid, M message,
                                     std::chrono::milliseconds timeout = default_call_timeout) {
  return detail::CallAwaiter<R, M>(pid, std::move(message), timeout);
}

}  // namespace retort
