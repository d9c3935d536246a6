#pragma once

/// @file
/// `retort::System`: the scheduler threads and the processes running on them.
///
/// ```cpp
/// retort::System system;                       // one scheduler thread per core
/// auto counter = system.spawn<Counter>(0);     // a Ref<Counter>
/// int value = counter.call(Get{});             // blocking call from main
/// ```

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "retort/detail/behaviour.hpp"
#include "retort/exit_reason.hpp"
#include "retort/pid.hpp"

namespace retort {

template <class Actor>
class Ref;

namespace detail {
class Scheduler;
class Process;
class TimerService;
}  // namespace detail

/// How a `System` runs.
struct SystemOptions {
  /// Scheduler threads; 0 means one per hardware thread.
  unsigned threads = 0;
  /// Messages a process handles before it yields its thread to others (fairness).
  unsigned budget = 64;
  /// Lets a scheduler thread that ran out of work spin for more (up to 50 µs,
  /// adapting to how often that pays) before it sleeps, as the BEAM's schedulers do
  /// (`+sbwt`): a call between threads then costs no wake-up. Turn it off for a
  /// system that shares its cores with other busy processes (`retort test` runs
  /// the tests beside its own).
  bool spins_when_idle = true;
  /// Runs no thread: processes run one message at a time on the thread that waits
  /// for them, in the order they became runnable, and timers follow a virtual
  /// clock. What `retort::TestSystem` is; `threads` and `budget` are then ignored.
  bool is_deterministic = false;
};

/// Observes the runtime; every hook is optional. Hooks run on scheduler threads and
/// must be quick and thread-safe.
class Tracer {
 public:
  virtual ~Tracer() = default;
  /// Called when `pid` starts running an actor of type `actor_type`.
  virtual void on_spawn(const Pid& pid, std::string_view actor_type) {
    (void)pid, (void)actor_type;
  }
  /// Called when a message of type `message_type` is put in `to`'s mailbox.
  virtual void on_send(const Pid& to, std::string_view message_type) {
    (void)to, (void)message_type;
  }
  /// Called when `pid` takes a message of type `message_type` from its mailbox.
  virtual void on_receive(const Pid& pid, std::string_view message_type) {
    (void)pid, (void)message_type;
  }
  /// Called when `pid` ends with `reason`.
  virtual void on_exit(const Pid& pid, const ExitReason& reason) { (void)pid, (void)reason; }
};

/// A snapshot of the runtime's counters.
struct Counters {
  /// Processes spawned and not yet ended.
  std::uint64_t live_processes = 0;
  /// Processes spawned since the system started.
  std::uint64_t spawned_processes = 0;
  /// Runnable processes waiting in each scheduler thread's queue.
  std::vector<std::size_t> run_queue_lengths;
};

/// The actor system: scheduler threads and the processes they run. Destroying it
/// shuts every process down and joins every thread.
class System {
 public:
  /// Starts the scheduler threads described by `options`.
  explicit System(SystemOptions options = {});
  /// Shuts down (see `shutdown`).
  ~System();
  System(const System&) = delete;
  System& operator=(const System&) = delete;

  /// Starts an actor of type `Actor`, constructing it with `args` (its `init`).
  /// Returns its typed handle; throws what the constructor throws.
  template <class Actor, class... Args>
  Ref<Actor> spawn(Args&&... args);

  /// Like `spawn`, and links the new process to the calling process (which must be
  /// a process of this system).
  template <class Actor, class... Args>
  Ref<Actor> spawn_link(Args&&... args);

  /// Ends every process with reason `shutdown` (processes that trap exits run
  /// `terminate`), waits up to `grace` for them, kills the rest, and joins the
  /// scheduler threads. Called by the destructor; idempotent.
  void shutdown(std::chrono::milliseconds grace = std::chrono::seconds(5));

  /// Registers `pid` under the unique `name`, as Erlang's `register/2`. Returns
  /// false when a live process already holds the name. The name is freed when the
  /// process ends.
  bool register_name(const std::string& name, const Pid& pid);
  /// Removes `name`; returns whether it was registered.
  bool unregister_name(const std::string& name);
  /// Returns the pid registered under `name`, or an empty pid.
  Pid whereis(const std::string& name) const;

  /// Adds `pid` to the process group `group` (a process may be in many groups);
  /// it leaves every group when it ends.
  void join_group(const std::string& group, const Pid& pid);
  /// Removes `pid` from `group`.
  void leave_group(const std::string& group, const Pid& pid);
  /// Returns the live members of `group`, in the order they joined.
  std::vector<Pid> group_members(const std::string& group) const;

  /// Returns a snapshot of the counters.
  Counters counters() const;

  /// Returns how many messages wait in `pid`'s mailbox.
  static std::size_t mailbox_length(const Pid& pid);

  /// Returns the system's clock: `steady_clock`'s, or on a deterministic system the
  /// virtual one, which moves only when the system waits for a timer.
  std::chrono::steady_clock::time_point now() const;

  /// Returns true for a system of `SystemOptions::is_deterministic`.
  bool is_deterministic() const { return is_deterministic_; }

  /// On a deterministic system, runs processes and fires timers (moving the
  /// virtual clock to each one's deadline) on the calling thread until `is_done()`
  /// holds or `timeout` of virtual time has passed, and returns `is_done()`. Every
  /// wait from outside the runtime (a call, an Inbox's receive, shutdown) runs
  /// through it; on another system it returns `is_done()` at once.
  bool run_until(const std::function<bool()>& is_done, std::chrono::milliseconds timeout);

  /// Installs `tracer` (or removes it with nullptr); it must outlive the system.
  void set_tracer(Tracer* tracer);

  /// Returns the installed tracer, or nullptr (runtime internals).
  Tracer* tracer() const { return tracer_.load(std::memory_order_acquire); }

  /// Runtime internals: starts a process running what `make` builds.
  Pid spawn_behaviour(const std::function<std::unique_ptr<detail::Behaviour>()>& make,
                      const detail::TypeTag* type, bool is_linked);
  /// Runtime internals: the scheduler.
  detail::Scheduler& scheduler() { return *scheduler_; }
  /// Runtime internals: a process ended.
  void forget(detail::Process* process);
  /// Runtime internals: the timer thread.
  detail::TimerService& timers() { return *timers_; }

 private:
  struct Registry;
  struct Names;
  void wait_for_processes(const std::function<bool()>& is_done, std::chrono::milliseconds timeout);
  std::unique_ptr<Names> names_;
  std::unique_ptr<detail::Scheduler> scheduler_;
  std::unique_ptr<detail::TimerService> timers_;
  std::unique_ptr<Registry> processes_;
  std::atomic<Tracer*> tracer_{nullptr};
  std::atomic<std::uint64_t> next_id_{1};
  std::atomic<bool> is_shut_down_{false};
  bool is_deterministic_ = false;
};

}  // namespace retort
