#pragma once

/// @file
/// `retort::Supervisor`: OTP's supervisor. It starts its children in order, restarts
/// them by its strategy when they end, gives up when restarts exceed its intensity,
/// and stops them in reverse order, each within its shutdown policy.
///
/// ```cpp
/// auto supervisor = system.spawn<retort::Supervisor>(
///     retort::SupervisorFlags{.strategy = retort::Strategy::one_for_one},
///     std::vector{retort::child<Cache>("cache"), retort::child<Server>("server", 8080)});
/// ```

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "retort/gen_server.hpp"
#include "retort/timer.hpp"

namespace retort {

/// Which children a supervisor restarts when one ends.
enum class Strategy {
  /// Only the child that ended.
  one_for_one,
  /// Every child: the others are stopped (in reverse order) and all restarted.
  one_for_all,
  /// The child that ended and the children started after it.
  rest_for_one,
};

/// When a child is restarted.
enum class Restart {
  /// Always.
  permanent,
  /// Only when it ended abnormally (not `normal` or `shutdown`).
  transient,
  /// Never; its spec is dropped when it ends.
  temporary,
};

/// How a supervisor stops a child.
struct ShutdownPolicy {
  /// The three policies of OTP.
  enum class Kind { timeout, brutal_kill, infinity };
  /// Which policy.
  Kind kind = Kind::timeout;
  /// With `timeout`: how long the child has to stop after `shutdown` before it is killed.
  std::chrono::milliseconds timeout{5000};

  /// Returns the policy: `shutdown`, then `kill` after `timeout`.
  static ShutdownPolicy after(std::chrono::milliseconds timeout) {
    return {Kind::timeout, timeout};
  }
  /// Returns the policy: `kill` at once; `terminate` does not run.
  static ShutdownPolicy brutal_kill() { return {Kind::brutal_kill, {}}; }
  /// Returns the policy: `shutdown`, and wait as long as it takes (for supervisors).
  static ShutdownPolicy infinity() { return {Kind::infinity, {}}; }
};

/// Whether a child is a worker or itself a supervisor.
enum class ChildType { worker, supervisor };

/// How to start and look after one child.
struct ChildSpec {
  /// Unique among the supervisor's children.
  std::string id;
  /// Starts the child linked to the calling supervisor; returns its pid.
  std::function<Pid()> start;
  /// When it is restarted.
  Restart restart = Restart::permanent;
  /// How it is stopped.
  ShutdownPolicy shutdown;
  /// Worker or supervisor.
  ChildType type = ChildType::worker;
};

/// Returns a spec that starts an `Actor` constructed with `args`, named `id`.
template <class Actor, class... Args>
ChildSpec child(std::string id, Args... args) {
  ChildSpec spec;
  spec.id = std::move(id);
  spec.start = [args...]() {
    return detail::current_process()->system->template spawn_link<Actor>(args...).pid();
  };
  return spec;
}

/// A supervisor's strategy and restart intensity.
struct SupervisorFlags {
  /// Which children restart together.
  Strategy strategy = Strategy::one_for_one;
  /// At most this many restarts in `period`; one more shuts the supervisor down.
  int intensity = 1;
  /// The window for `intensity`.
  std::chrono::milliseconds period{5000};
  /// With `StartChild`: the most children at once; 0 means no limit.
  std::size_t max_children = 0;
};

/// Asks a supervisor to start one more child (`ChildSpec`); replies with its pid.
struct StartChild {
  /// The child to add.
  ChildSpec spec;
};
/// Asks a supervisor to stop and forget the child `id`; replies whether it had one.
struct TerminateChild {
  /// The child's id.
  std::string id;
};
/// Asks a supervisor for its children, in start order.
struct WhichChildren {};

/// One child as `WhichChildren` reports it.
struct ChildStatus {
  /// Its spec's id.
  std::string id;
  /// Its pid; empty while it is not running.
  Pid pid;
  /// Worker or supervisor.
  ChildType type = ChildType::worker;
};

namespace detail {
struct StopTimeout {
  Pid child;
};
}  // namespace detail

/// OTP's supervisor, as a GenServer.
class Supervisor : public GenServer<Supervisor> {
 public:
  /// The calls a supervisor answers; exits and timers arrive as infos.
  using Protocol =
      retort::Protocol<Info<Exit>, Info<detail::StopTimeout>, Call<StartChild, Pid>,
                       Call<TerminateChild, bool>, Call<WhichChildren, std::vector<ChildStatus>>>;

  /// Starts `children` in order (OTP's `init`). Throws when one fails to start,
  /// after killing those already started.
  Supervisor(SupervisorFlags flags, std::vector<ChildSpec> children);

  /// A child ended: restarts by the strategy, or shuts down past the intensity.
  void handle_info(const Exit& exit);
  /// A child did not stop within its shutdown timeout: kills it.
  void handle_info(const detail::StopTimeout& timeout);
  /// Starts the child in `request` and returns its pid; an empty pid when it fails
  /// to start or `max_children` are running.
  Pid handle_call(const StartChild& request, From);
  /// Stops the child `request.id` (asynchronously) and forgets it; returns whether it existed.
  bool handle_call(const TerminateChild& request, From);
  /// Returns every child in start order.
  std::vector<ChildStatus> handle_call(const WhichChildren&, From);

  /// Stops the children in reverse order, then ends with `reason` (runtime internals).
  bool begin_shutdown(const ExitReason& reason) override;

 private:
  struct Child {
    ChildSpec spec;
    Pid pid;
  };
  void start(Child& child);
  bool restart(Child& child);
  bool should_restart(const Child& child, const ExitReason& reason) const;
  bool is_within_intensity();
  void restart_after(std::size_t index);
  void stop_then(std::vector<std::size_t> indices, std::function<void()> then);
  void stop_next();
  Child* find(const Pid& pid);

  SupervisorFlags flags_;
  std::vector<Child> children_;
  std::deque<std::chrono::steady_clock::time_point> restarts_;
  // The stop sequence under way: children still to stop (last first), the one being
  // stopped, its timeout timer, and what to do when all have stopped.
  struct Stopping {
    Pid pid;
    ShutdownPolicy policy;
  };
  std::vector<Stopping> to_stop_;
  Pid stopping_;
  TimerRef stopping_timer_;
  std::function<void()> after_stop_;
};

/// Starts a dynamic supervisor (Elixir's `DynamicSupervisor`): no children at first,
/// `one_for_one`, children added with `StartChild` up to `max_children`.
Ref<Supervisor> start_dynamic_supervisor(
    System& system, std::size_t max_children = 0, int intensity = 3,
    std::chrono::milliseconds period = std::chrono::seconds(5));

}  // namespace retort
