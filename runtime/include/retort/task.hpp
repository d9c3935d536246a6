#pragma once

/// @file
/// Tasks, like Elixir's `Task`: run one function in its own process and await its
/// result. `async_stream` maps a function over inputs with bounded concurrency.
///
/// ```cpp
/// auto task = retort::async(system, [] { return expensive(); });
/// auto value = task.await(std::chrono::seconds(1));        // from main or a test
/// auto value = co_await task;                               // inside a coroutine handler
/// ```

#include <chrono>
#include <memory>
#include <type_traits>
#include <vector>

#include "retort/async.hpp"
#include "retort/gen_server.hpp"
#include "retort/supervisor.hpp"

namespace retort {

namespace detail {

struct RunTask {};

// The process behind a task: runs the work once, settles the slot, and ends. An
// exception fails the slot and crashes the process (linked callers see it).
template <class Work>
class TaskProcess : public GenServer<TaskProcess<Work>> {
 public:
  using Protocol = retort::Protocol<Info<RunTask>>;
  using Result = std::invoke_result_t<Work&>;

  TaskProcess(Work work, std::shared_ptr<ReplySlot> slot)
      : work_(std::move(work)), slot_(std::move(slot)) {
    send(retort::self(), RunTask{});
  }

  void handle_info(const RunTask&) {
    try {
      slot_->complete(std::make_unique<ValueEnvelope<Result>>(EnvelopeKind::info, work_()));
    } catch (const std::exception& error) {
      slot_->fail(ExitReason::error(error.what()));
      throw;
    }
    stop();
  }

  void terminate(const ExitReason& reason) { slot_->fail(reason); }

 private:
  Work work_;
  std::shared_ptr<ReplySlot> slot_;
};

}  // namespace detail

/// A running task whose result is a `T`.
template <class T>
class TaskRef {
 public:
  /// Wraps a task's process and result slot (runtime internals).
  TaskRef(Pid pid, std::shared_ptr<detail::ReplySlot> slot)
      : pid_(std::move(pid)), slot_(std::move(slot)) {}

  /// Returns the task's process.
  const Pid& pid() const { return pid_; }

  /// Waits up to `timeout` for the result, from a thread outside the runtime.
  /// Returns it; throws `CallError` with the task's exit reason, or `timeout`, in
  /// which case the task is killed (as Elixir's `Task.await` leaves none behind).
  T await(std::chrono::milliseconds timeout = default_call_timeout) {
    if (detail::current_process() != nullptr) {
      throw std::logic_error("TaskRef::await blocks; inside a process, co_await the task");
    }
    if (slot_->wait_for(timeout, *pid_.process()->system) ==
        detail::ReplySlot::Outcome::timed_out) {
      exit(pid_, ExitReason::kill());
      throw CallError(ExitReason::timeout());
    }
    return detail::take_reply<T>(*slot_);
  }

  /// Awaits the result inside a coroutine handler without blocking the thread
  /// (with `default_call_timeout`).
  auto operator co_await() {
    struct Awaiter {
      std::shared_ptr<detail::ReplySlot> slot;
      bool await_ready() const { return false; }
      void await_suspend(std::coroutine_handle<> awaiting) {
        detail::suspend_until_settled(slot, awaiting, default_call_timeout);
      }
      T await_resume() { return detail::take_reply<T>(*slot); }
    };
    return Awaiter{slot_};
  }

 private:
  Pid pid_;
  std::shared_ptr<detail::ReplySlot> slot_;
};

/// Runs `work` (which returns a value) in a new process of `system`. Inside a
/// process the task is linked to it, as Elixir's `Task.async`. Returns its handle.
template <class Work>
auto async(System& system, Work work) {
  using Result = std::invoke_result_t<Work&>;
  static_assert(!std::is_void_v<Result>,
                "a task returns a value; return a status such as bool for side effects");
  auto slot = std::make_shared<detail::ReplySlot>();
  Ref<detail::TaskProcess<Work>> ref =
      detail::current_process() != nullptr
          ? system.spawn_link<detail::TaskProcess<Work>>(std::move(work), slot)
          : system.spawn<detail::TaskProcess<Work>>(std::move(work), slot);
  return TaskRef<Result>(ref.pid(), slot);
}

/// Runs `work` in a task that `task_supervisor` supervises (as a temporary child),
/// not linked to the caller (Elixir's `Task.Supervisor.async_nolink`): the caller
/// survives the task's crash and sees it as a `CallError` from `await`. Use
/// `start_dynamic_supervisor` for the supervisor. From a thread outside the runtime.
template <class Work>
auto async_nolink(const Ref<Supervisor>& task_supervisor, Work work) {
  using Result = std::invoke_result_t<Work&>;
  auto slot = std::make_shared<detail::ReplySlot>();
  ChildSpec spec;
  spec.id = "task";
  spec.restart = Restart::temporary;
  spec.shutdown = ShutdownPolicy::brutal_kill();
  spec.start = [work, slot]() {
    return detail::current_process()
        ->system->spawn_link<detail::TaskProcess<Work>>(work, slot)
        .pid();
  };
  Pid pid = task_supervisor.call(StartChild{std::move(spec)});
  if (!pid)
    slot->fail(ExitReason::error("the task supervisor did not start the task (at max_children?)"));
  return TaskRef<Result>(pid, slot);
}

/// Applies `work` to each of `inputs` in tasks, at most `max_concurrency` at once,
/// and returns the results in input order (Elixir's `Task.async_stream`), from a
/// thread outside the runtime. Each task has `timeout`; throws `CallError` for the
/// first that fails or times out.
template <class Input, class Work>
auto async_stream(System& system, const std::vector<Input>& inputs, Work work,
                  std::size_t max_concurrency,
                  std::chrono::milliseconds timeout = default_call_timeout) {
  using Result = std::invoke_result_t<Work&, const Input&>;
  std::vector<Result> results;
  results.reserve(inputs.size());
  std::vector<TaskRef<Result>> in_flight;
  std::size_t next = 0;
  auto start_next = [&] {
    const Input& input = inputs[next++];
    in_flight.push_back(async(system, [work, input]() mutable { return work(input); }));
  };
  while (next < inputs.size() && in_flight.size() < std::max<std::size_t>(1, max_concurrency))
    start_next();
  for (std::size_t done = 0; done < inputs.size(); ++done) {
    results.push_back(in_flight[done].await(timeout));
    if (next < inputs.size()) start_next();
  }
  return results;
}

}  // namespace retort
