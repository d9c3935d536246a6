#include "retort/supervisor.hpp"

#include <algorithm>

namespace retort {

Supervisor::Supervisor(SupervisorFlags flags, std::vector<ChildSpec> children) : flags_(flags) {
  trap_exit(true);
  for (auto& spec : children) {
    children_.push_back({std::move(spec), Pid()});
    try {
      start(children_.back());
    } catch (...) {
      for (auto& started : children_) {
        if (started.pid) exit(started.pid, ExitReason::kill());
      }
      throw;
    }
  }
}

void Supervisor::start(Child& child) { child.pid = child.spec.start(); }

Supervisor::Child* Supervisor::find(const Pid& pid) {
  auto found = std::find_if(children_.begin(), children_.end(),
                            [&](const Child& c) { return c.pid == pid; });
  return found == children_.end() ? nullptr : &*found;
}

bool Supervisor::should_restart(const Child& child, const ExitReason& reason) const {
  switch (child.spec.restart) {
    case Restart::permanent:
      return true;
    case Restart::temporary:
      return false;
    case Restart::transient:
      return !reason.is_normal() && reason.kind() != ExitReason::Kind::shutdown;
  }
  return false;
}

bool Supervisor::is_within_intensity() {
  auto now = system().now();  // a deterministic system's virtual time in tests
  restarts_.push_back(now);
  while (!restarts_.empty() && restarts_.front() < now - flags_.period) restarts_.pop_front();
  return static_cast<int>(restarts_.size()) <= flags_.intensity;
}

void Supervisor::handle_info(const Exit& exit) {
  if (stopping_ && exit.from == stopping_) {
    cancel_timer(stopping_timer_);
    stopping_ = Pid();
    return stop_next();
  }
  auto queued = std::find_if(to_stop_.begin(), to_stop_.end(),
                             [&](const Stopping& s) { return s.pid == exit.from; });
  if (queued != to_stop_.end()) {
    to_stop_.erase(queued);  // it ended by itself before its turn
    return;
  }
  Child* child = find(exit.from);
  if (child == nullptr) return;  // not one of ours, or one being stopped on purpose
  child->pid = Pid();
  if (!should_restart(*child, exit.reason)) {
    if (child->spec.restart == Restart::temporary) {
      std::erase_if(children_, [&](const Child& c) { return &c == child; });
    }
    return;
  }
  if (!is_within_intensity()) {
    begin_shutdown(ExitReason::shutdown());
    return;
  }
  restart_after(static_cast<std::size_t>(child - children_.data()));
}

// A restart that fails to start counts as one more crash: it is retried until the
// intensity is exceeded, and then the supervisor shuts down (as OTP's does).
bool Supervisor::restart(Child& child) {
  while (true) {
    try {
      start(child);
      return true;
    } catch (...) {
      if (!is_within_intensity()) {
        begin_shutdown(ExitReason::shutdown());
        return false;
      }
    }
  }
}

void Supervisor::restart_after(std::size_t index) {
  std::size_t first = 0;
  switch (flags_.strategy) {
    case Strategy::one_for_one:
      restart(children_[index]);
      return;
    case Strategy::one_for_all:
      first = 0;
      break;
    case Strategy::rest_for_one:
      first = index;
      break;
  }
  std::vector<std::size_t> running;
  for (std::size_t i = first; i < children_.size(); ++i) {
    if (children_[i].pid) running.push_back(i);
  }
  stop_then(running, [this, first] {
    std::erase_if(children_,
                  [&](const Child& c) { return !c.pid && c.spec.restart == Restart::temporary; });
    for (std::size_t i = first; i < children_.size(); ++i) {
      if (!children_[i].pid && !restart(children_[i])) return;
    }
  });
}

void Supervisor::stop_then(std::vector<std::size_t> indices, std::function<void()> then) {
  // Stopped last-started first: to_stop_ is popped from the back.
  for (std::size_t index : indices) {
    to_stop_.push_back({children_[index].pid, children_[index].spec.shutdown});
    children_[index].pid = Pid();  // its Exit is expected, not a crash to restart
  }
  after_stop_ = std::move(then);
  if (!stopping_) stop_next();
}

void Supervisor::stop_next() {
  while (!to_stop_.empty()) {
    auto [pid, policy] = to_stop_.back();
    to_stop_.pop_back();
    if (!is_alive(pid)) continue;
    stopping_ = pid;
    if (policy.kind == ShutdownPolicy::Kind::brutal_kill) {
      exit(pid, ExitReason::kill());
    } else {
      exit(pid, ExitReason::shutdown());
      if (policy.kind == ShutdownPolicy::Kind::timeout) {
        stopping_timer_ = send_after(policy.timeout, self(), detail::StopTimeout{pid});
      }
    }
    return;
  }
  if (auto then = std::exchange(after_stop_, nullptr)) then();
}

void Supervisor::handle_info(const detail::StopTimeout& timeout) {
  if (stopping_ && timeout.child == stopping_) exit(stopping_, ExitReason::kill());
}

Pid Supervisor::handle_call(const StartChild& request, From) {
  auto running =
      std::count_if(children_.begin(), children_.end(), [](const Child& c) { return c.pid; });
  if (flags_.max_children != 0 && static_cast<std::size_t>(running) >= flags_.max_children)
    return Pid();
  children_.push_back({request.spec, Pid()});
  try {
    start(children_.back());
  } catch (...) {
    children_.pop_back();
    return Pid();
  }
  return children_.back().pid;
}

bool Supervisor::handle_call(const TerminateChild& request, From) {
  auto found = std::find_if(children_.begin(), children_.end(),
                            [&](const Child& c) { return c.spec.id == request.id; });
  if (found == children_.end()) return false;
  std::size_t index = static_cast<std::size_t>(found - children_.begin());
  if (found->pid) stop_then({index}, std::exchange(after_stop_, nullptr));
  children_.erase(children_.begin() + static_cast<std::ptrdiff_t>(index));
  return true;
}

std::vector<ChildStatus> Supervisor::handle_call(const WhichChildren&, From) {
  std::vector<ChildStatus> statuses;
  for (const auto& child : children_)
    statuses.push_back({child.spec.id, child.pid, child.spec.type});
  return statuses;
}

bool Supervisor::begin_shutdown(const ExitReason& reason) {
  std::vector<std::size_t> running;
  for (std::size_t i = 0; i < children_.size(); ++i) {
    if (children_[i].pid) running.push_back(i);
  }
  stop_then(running, [reason] { stop(reason); });
  return true;
}

}  // namespace retort

namespace retort {

Ref<Supervisor> start_dynamic_supervisor(System& system, std::size_t max_children, int intensity,
                                         std::chrono::milliseconds period) {
  SupervisorFlags flags{.strategy = Strategy::one_for_one,
                        .intensity = intensity,
                        .period = period,
                        .max_children = max_children};
  return system.spawn<Supervisor>(flags, std::vector<ChildSpec>{});
}

}  // namespace retort
