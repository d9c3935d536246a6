#include "retort/timer.hpp"

#include <algorithm>
#include <atomic>

#include "retort/detail/timer_service.hpp"

namespace retort::detail {
namespace {

// cancel_timer takes only a ref, as in Erlang; this map from each pending timer's
// id to its system's service answers which service to ask. Ids leave it when they
// fire, are cancelled, or their system stops.
std::mutex services_mutex;
std::unordered_map<std::uint64_t, TimerService*> service_by_timer;
std::atomic<std::uint64_t> next_timer_id{1};

}  // namespace

TimerService::TimerService(bool is_manual) : is_manual_(is_manual) {
  if (!is_manual_) thread_ = std::thread([this] { run(); });
}

TimerService::~TimerService() { stop(); }

bool TimerService::add(std::uint64_t id, std::chrono::milliseconds delay,
                       std::function<void()> fire) {
  bool is_earliest = false;
  {
    std::lock_guard lock(mutex_);
    if (is_stopping_) return false;
    auto when = now_locked() + delay;
    is_earliest = due_.empty() || when < due_.top().when;
    pending_.emplace(id, std::move(fire));
    due_.push({when, id});
  }
  if (is_earliest) changed_.notify_one();
  return true;
}

std::uint64_t TimerService::schedule(std::chrono::milliseconds delay, std::function<void()> fire) {
  std::uint64_t id = next_timer_id.fetch_add(1, std::memory_order_relaxed);
  {
    // Registered first: a timer that fires at once leaves the registry after this.
    std::lock_guard lock(services_mutex);
    service_by_timer[id] = this;
  }
  if (add(id, delay, std::move(fire))) return id;
  std::lock_guard lock(services_mutex);
  service_by_timer.erase(id);
  return 0;
}

bool TimerService::cancel(std::uint64_t id) {
  {
    std::lock_guard lock(services_mutex);
    service_by_timer.erase(id);
  }
  std::lock_guard lock(mutex_);
  return pending_.erase(id) == 1;
}

std::uint64_t TimerService::schedule_internal(std::chrono::milliseconds delay,
                                              std::function<void()> fire) {
  std::uint64_t id = next_timer_id.fetch_add(1, std::memory_order_relaxed);
  return add(id, delay, std::move(fire)) ? id : 0;
}

void TimerService::cancel_internal(std::uint64_t id) {
  std::function<void()> cancelled;  // destroyed outside the lock
  std::lock_guard lock(mutex_);
  auto found = pending_.find(id);
  if (found == pending_.end()) return;
  cancelled = std::move(found->second);
  pending_.erase(found);
}

void TimerService::stop() {
  {
    std::lock_guard lock(mutex_);
    if (is_stopping_) return;
    is_stopping_ = true;
  }
  changed_.notify_one();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(services_mutex);
  std::erase_if(service_by_timer, [this](const auto& entry) { return entry.second == this; });
}

void TimerService::run() {
  std::unique_lock lock(mutex_);
  while (!is_stopping_) {
    if (due_.empty()) {
      changed_.wait(lock);
      continue;
    }
    Due next = due_.top();
    if (changed_.wait_until(lock, next.when) != std::cv_status::timeout &&
        std::chrono::steady_clock::now() < next.when) {
      continue;  // woken early: an earlier timer or a stop
    }
    due_.pop();
    auto found = pending_.find(next.id);
    if (found == pending_.end()) continue;  // cancelled
    auto fire = std::move(found->second);
    pending_.erase(found);
    lock.unlock();
    {
      std::lock_guard services(services_mutex);
      service_by_timer.erase(next.id);
    }
    fire();
    lock.lock();
  }
}

TimerService::Clock::time_point TimerService::now_locked() const {
  return is_manual_ ? virtual_now_ : Clock::now();
}

TimerService::Clock::time_point TimerService::now() const {
  if (!is_manual_) return Clock::now();
  std::lock_guard lock(mutex_);
  return virtual_now_;
}

bool TimerService::fire_next(Clock::time_point deadline) {
  std::function<void()> fire;
  std::uint64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    while (!due_.empty() && pending_.count(due_.top().id) == 0) due_.pop();  // cancelled
    if (is_stopping_ || due_.empty() || due_.top().when > deadline) return false;
    Due next = due_.top();
    due_.pop();
    virtual_now_ = std::max(virtual_now_, next.when);
    auto found = pending_.find(next.id);
    fire = std::move(found->second);
    pending_.erase(found);
    id = next.id;
  }
  {
    std::lock_guard services(services_mutex);
    service_by_timer.erase(id);
  }
  fire();
  return true;
}

void TimerService::advance_to(Clock::time_point when) {
  std::lock_guard lock(mutex_);
  virtual_now_ = std::max(virtual_now_, when);
}

TimerService* service_of_timer(std::uint64_t id) {
  std::lock_guard lock(services_mutex);
  auto found = service_by_timer.find(id);
  return found == service_by_timer.end() ? nullptr : found->second;
}

}  // namespace retort::detail

namespace retort {

namespace detail {
TimerRef schedule_timer(const Pid& pid, std::chrono::milliseconds delay,
                        std::function<void()> fire) {
  if (!pid) return {};
  return TimerRef{pid.process()->system->timers().schedule(delay, std::move(fire))};
}
}  // namespace detail

bool cancel_timer(TimerRef ref) {
  detail::TimerService* service = detail::service_of_timer(ref.value);
  return service != nullptr && service->cancel(ref.value);
}

}  // namespace retort
