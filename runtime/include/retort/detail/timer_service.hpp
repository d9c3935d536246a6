#pragma once

// One thread per system that fires timers in deadline order. Cancelled timers stay
// in the heap and are skipped when they come due. The thread is woken only when a
// new timer is due before every other: a call's deadline, set on every call and
// rarely the earliest, costs no wake-up.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <unordered_map>
#include <vector>

namespace retort::detail {

class TimerService {
 public:
  using Clock = std::chrono::steady_clock;

  // With `is_manual`, no thread and a virtual clock: timers fire only through
  // `fire_next`, which moves the clock to each one's deadline (a deterministic
  // system's).
  explicit TimerService(bool is_manual = false);
  ~TimerService();
  // A timer `cancel_timer` can find by its id alone (`send_after`'s).
  std::uint64_t schedule(std::chrono::milliseconds delay, std::function<void()> fire);
  bool cancel(std::uint64_t id);
  // A timer only the runtime cancels, through this service (a call's deadline): it
  // skips the registry of ids, which every call would otherwise pay twice for.
  std::uint64_t schedule_internal(std::chrono::milliseconds delay, std::function<void()> fire);
  void cancel_internal(std::uint64_t id);

  // The service's clock: steady_clock's, or the virtual one.
  Clock::time_point now() const;
  // Manual only: fires the earliest pending timer when it is due by `deadline`,
  // first moving the virtual clock to its deadline; false when none is.
  bool fire_next(Clock::time_point deadline);
  // Manual only: moves the virtual clock to `when` unless it is already past it.
  void advance_to(Clock::time_point when);
  void stop();

 private:
  struct Due {
    Clock::time_point when;
    std::uint64_t id;
    bool operator>(const Due& other) const { return when > other.when; }
  };
  void run();
  // now(), with mutex_ held.
  Clock::time_point now_locked() const;
  // Queues `fire` as timer `id`; false once the service is stopping.
  bool add(std::uint64_t id, std::chrono::milliseconds delay, std::function<void()> fire);

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::priority_queue<Due, std::vector<Due>, std::greater<>> due_;
  std::unordered_map<std::uint64_t, std::function<void()>> pending_;
  std::uint64_t next_id_ = 1;
  bool is_stopping_ = false;
  const bool is_manual_;
  Clock::time_point virtual_now_ = Clock::now();
  std::thread thread_;
};

// Which service owns a timer id, so cancel_timer needs no pid.
TimerService* service_of_timer(std::uint64_t id);

}  // namespace retort::detail
