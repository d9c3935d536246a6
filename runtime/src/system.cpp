#include "retort/system.hpp"

#include <algorithm>
#include <array>
#include <thread>
#include <unordered_map>
#include <utility>

#include "retort/detail/process.hpp"
#include "retort/detail/scheduler.hpp"
#include "retort/detail/timer_service.hpp"
#include "retort/process.hpp"

namespace retort {

// The live processes, as intrusive doubly linked lists in shards, each under its own
// mutex: every spawn and every exit takes one, and with a single list the threads
// spawning at once queued on it (a quarter of tree spawn's time went to the kernel).
struct System::Registry {
  struct alignas(64) Shard {
    std::mutex mutex;
    detail::Process* first = nullptr;
    std::size_t live = 0;

    void add(detail::Process* process) {
      process->next_live = first;
      if (first != nullptr) first->previous_live = process;
      first = process;
      ++live;
    }
    bool remove(detail::Process* process) {
      bool is_listed = process->previous_live != nullptr || first == process;
      if (!is_listed) return false;
      if (process->previous_live != nullptr) process->previous_live->next_live = process->next_live;
      if (process->next_live != nullptr) process->next_live->previous_live = process->previous_live;
      if (first == process) first = process->next_live;
      process->previous_live = process->next_live = nullptr;
      --live;
      return true;
    }
  };
  static constexpr std::size_t shard_count = 32;
  std::array<Shard, shard_count> shards;
  std::atomic<std::uint64_t> spawned{0};

  Shard& shard_of(const detail::Process* process) { return shards[process->id % shard_count]; }
  // Adds every live process to `live`, and those without a parent to `roots`.
  void list(std::vector<Pid>& live, std::vector<Pid>& roots) {
    for (auto& shard : shards) {
      std::lock_guard lock(shard.mutex);
      for (auto* process = shard.first; process != nullptr; process = process->next_live) {
        live.emplace_back(process);
        if (!process->parent) roots.emplace_back(process);
      }
    }
  }
  // How many processes are alive, each shard counted under its lock.
  std::size_t live() {
    std::size_t total = 0;
    for (auto& shard : shards) {
      std::lock_guard lock(shard.mutex);
      total += shard.live;
    }
    return total;
  }
};

// Registered names and process groups.
struct System::Names {
  mutable std::mutex mutex;
  std::unordered_map<std::string, Pid> by_name;
  std::unordered_map<std::string, std::vector<Pid>> groups;

  void forget(detail::Process* process) {
    std::lock_guard lock(mutex);
    std::erase_if(by_name, [&](const auto& entry) { return entry.second.process() == process; });
    for (auto& [group, members] : groups) {
      std::erase_if(members, [&](const Pid& member) { return member.process() == process; });
    }
    std::erase_if(groups, [](const auto& entry) { return entry.second.empty(); });
  }
};

System::System(SystemOptions options)
    : names_(std::make_unique<Names>()),
      processes_(std::make_unique<Registry>()),
      is_deterministic_(options.is_deterministic) {
  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // Deterministic: no thread, one message per turn, so a test can step through.
  scheduler_ = is_deterministic_
                   ? std::make_unique<detail::Scheduler>(0, 1)
                   : std::make_unique<detail::Scheduler>(threads, std::max(1u, options.budget),
                                                         options.spins_when_idle);
  timers_ = std::make_unique<detail::TimerService>(is_deterministic_);
}

std::chrono::steady_clock::time_point System::now() const { return timers_->now(); }

bool System::run_until(const std::function<bool()>& is_done, std::chrono::milliseconds timeout) {
  if (!is_deterministic_) return is_done();
  auto deadline = timers_->now() + timeout;
  while (!is_done()) {
    if (scheduler_->run_one()) continue;
    // Nothing can run: only a timer can change anything, so time moves to it.
    if (!timers_->fire_next(deadline)) {
      timers_->advance_to(deadline);
      return is_done();
    }
  }
  return true;
}

System::~System() { shutdown(); }

Pid System::spawn_behaviour(const std::function<std::unique_ptr<detail::Behaviour>()>& make,
                            const detail::TypeTag* type, bool is_linked) {
  detail::Process* parent = detail::current_process();
  if (is_linked && parent == nullptr)
    throw std::logic_error("retort::System::spawn_link outside a process");
  auto* process = new detail::Process(this, next_id_.fetch_add(1, std::memory_order_relaxed));
  Pid pid(process);
  // Scheduled (not idle) while the constructor runs, so messages it sends to itself
  // wait until the behaviour exists.
  process->state.store(detail::ProcessState::scheduled, std::memory_order_relaxed);
  detail::set_current_process(process);
  try {
    process->behaviour = make();
  } catch (const std::exception& error) {
    // A failed init ends the process like any other: children it already linked
    // get the exit signal, and nothing it touched is left holding it.
    detail::set_current_process(parent);
    detail::end_process(process, ExitReason::error(std::string("init failed: ") + error.what()),
                        false);
    throw;
  } catch (...) {
    detail::set_current_process(parent);
    detail::end_process(process, ExitReason::error("init failed"), false);
    throw;
  }
  detail::set_current_process(parent);
  process->behaviour_type = type;
  {
    auto& shard = processes_->shard_of(process);
    std::lock_guard lock(shard.mutex);
    process->retain();
    shard.add(process);
  }
  processes_->spawned.fetch_add(1, std::memory_order_relaxed);
  if (is_linked) {
    process->parent = Pid(parent);
    detail::link_processes(parent, process);
  }
  if (Tracer* installed = tracer()) installed->on_spawn(pid, type->name);
  std::size_t popped = process->mailbox.popped_count();
  process->state.store(detail::ProcessState::idle, std::memory_order_seq_cst);
  if (process->mailbox.has_pushed_beyond(popped)) {
    detail::ProcessState expected = detail::ProcessState::idle;
    if (process->state.compare_exchange_strong(expected, detail::ProcessState::scheduled)) {
      scheduler_->schedule(process);
    }
  }
  return pid;
}

void System::forget(detail::Process* process) {
  Pid parent;  // released after unlocking: it may be the last reference to the parent
  bool was_listed = false;
  {
    auto& shard = processes_->shard_of(process);
    std::lock_guard lock(shard.mutex);
    was_listed = shard.remove(process);
    // A dead child must not keep its parent alive; shutdown reads `parent` under
    // this lock, so it is cleared under it too.
    parent = std::exchange(process->parent, Pid());
  }
  if (process->is_named.load(std::memory_order_acquire)) names_->forget(process);
  if (was_listed) process->release();
}

bool System::register_name(const std::string& name, const Pid& pid) {
  if (!is_alive(pid)) return false;
  std::lock_guard lock(names_->mutex);
  auto [entry, is_new] = names_->by_name.try_emplace(name, pid);
  if (!is_new) {
    if (is_alive(entry->second)) return false;
    entry->second = pid;  // the old holder ended and has not been forgotten yet
  }
  pid.process()->is_named.store(true, std::memory_order_release);
  return true;
}

bool System::unregister_name(const std::string& name) {
  std::lock_guard lock(names_->mutex);
  return names_->by_name.erase(name) == 1;
}

Pid System::whereis(const std::string& name) const {
  std::lock_guard lock(names_->mutex);
  auto found = names_->by_name.find(name);
  return found != names_->by_name.end() && is_alive(found->second) ? found->second : Pid();
}

void System::join_group(const std::string& group, const Pid& pid) {
  if (!is_alive(pid)) return;
  std::lock_guard lock(names_->mutex);
  auto& members = names_->groups[group];
  if (std::find(members.begin(), members.end(), pid) == members.end()) members.push_back(pid);
  pid.process()->is_named.store(true, std::memory_order_release);
}

void System::leave_group(const std::string& group, const Pid& pid) {
  std::lock_guard lock(names_->mutex);
  auto found = names_->groups.find(group);
  if (found == names_->groups.end()) return;
  std::erase(found->second, pid);
  if (found->second.empty()) names_->groups.erase(found);
}

std::vector<Pid> System::group_members(const std::string& group) const {
  std::lock_guard lock(names_->mutex);
  auto found = names_->groups.find(group);
  if (found == names_->groups.end()) return {};
  std::vector<Pid> members;
  for (const auto& member : found->second) {
    if (is_alive(member)) members.push_back(member);
  }
  return members;
}

// Waits up to `timeout` for `is_done`: on a deterministic system by running the
// processes, else by looking every millisecond.
void System::wait_for_processes(const std::function<bool()>& is_done,
                                std::chrono::milliseconds timeout) {
  if (is_deterministic_) {
    run_until(is_done, timeout);
    return;
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!is_done() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void System::shutdown(std::chrono::milliseconds grace) {
  if (is_shut_down_.exchange(true)) return;
  timers_->stop();  // no timer fires into a system that is going away
  // Only the roots are told: supervisors stop their children in reverse start
  // order, and linked children follow their parents.
  std::vector<Pid> live;
  std::vector<Pid> roots;
  processes_->list(live, roots);
  for (const auto& pid : roots)
    detail::send_exit_signal(pid.process(), Pid(), ExitReason::shutdown());
  auto is_empty = [&] { return processes_->live() == 0; };
  wait_for_processes(is_empty, grace);
  for (const auto& pid : live) detail::send_exit_signal(pid.process(), Pid(), ExitReason::kill());
  wait_for_processes(is_empty, std::chrono::seconds(1));
  scheduler_->stop();
}

Counters System::counters() const {
  Counters counters;
  counters.live_processes = processes_->live();
  counters.spawned_processes = processes_->spawned.load(std::memory_order_relaxed);
  counters.run_queue_lengths = scheduler_->run_queue_lengths();
  return counters;
}

std::size_t System::mailbox_length(const Pid& pid) {
  return pid ? pid.process()->mailbox.length() : 0;
}

void System::set_tracer(Tracer* tracer) { tracer_.store(tracer, std::memory_order_release); }

}  // namespace retort
