#include "retort/detail/scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "retort/detail/spin_wait.hpp"

namespace retort::detail {

bool run_slice(Process* process, unsigned budget);  // process.cpp

namespace {

thread_local Scheduler* current_scheduler = nullptr;
thread_local unsigned current_worker = 0;

// A safety net only: wake-ups are signalled, this bounds the cost of a missed one.
constexpr auto idle_wait = std::chrono::milliseconds(10);
// The longest a thread that ran out of work watches for more before it sleeps.
constexpr std::chrono::microseconds longest_spin(50);
// A sleep this short after it began was a spin's worth of waiting.
constexpr std::chrono::microseconds short_sleep = longest_spin * 2;

}  // namespace

Scheduler::Scheduler(unsigned threads, unsigned budget, bool spins)
    : budget_(budget), spins_(spins) {
  for (unsigned i = 0; i < threads; ++i) workers_.push_back(std::make_unique<Worker>());
  for (unsigned i = 0; i < threads; ++i)
    workers_[i]->thread = std::thread([this, i] { run_worker(i); });
}

Scheduler::~Scheduler() { stop(); }

void Scheduler::schedule(Process* process) {
  process->retain();
  bool is_local = current_scheduler == this;
  if (is_local) {
    Worker& worker = *workers_[current_worker];
    std::swap(worker.next, process);
    if (process == nullptr) return;  // the slot was free: no queue, no lock
  }
  Worker& target = is_local ? *workers_[current_worker] : injected_;
  std::size_t length;
  {
    std::lock_guard lock(target.mutex);
    target.queue.push_back(process);
    length = target.queue.size();
  }
  queued_.fetch_add(1, std::memory_order_release);
  // Pairs with the sleeper's increment: either it sees our push, or we see it sleep.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  // A process queued locally behind nothing runs next on this thread; waking a
  // sleeper for it would only bounce it between cores.
  if (sleepers_.load(std::memory_order_seq_cst) > 0 && (!is_local || length > 1)) wake_one();
}

void Scheduler::wake_one() {
  {
    std::lock_guard lock(sleep_mutex_);
    ++wake_epoch_;
  }
  wake_up_.notify_one();
}

Process* Scheduler::steal(unsigned thief) {
  for (unsigned offset = 1; offset < workers_.size(); ++offset) {
    Worker& victim = *workers_[(thief + offset) % workers_.size()];
    std::lock_guard lock(victim.mutex);
    if (!victim.queue.empty()) {
      Process* process = victim.queue.front();
      victim.queue.pop_front();
      return process;
    }
  }
  return nullptr;
}

Process* Scheduler::next_process(unsigned index) {
  // Now and then look at the queues before the next slot, so neither a pair of
  // processes bouncing through the slot nor a thread whose own queue never empties
  // starves the others (Go's scheduler does the same every 61 picks).
  Worker& own = *workers_[index];
  bool is_queue_turn = ++own.picks % 61 == 0;
  if (!is_queue_turn && own.next != nullptr) return std::exchange(own.next, nullptr);
  Worker* first = is_queue_turn ? &injected_ : &own;
  Worker* second = is_queue_turn ? &own : &injected_;
  for (Worker* queue : {first, second}) {
    std::lock_guard lock(queue->mutex);
    if (!queue->queue.empty()) {
      Process* process = queue->queue.front();
      queue->queue.pop_front();
      return process;
    }
  }
  if (own.next != nullptr) return std::exchange(own.next, nullptr);
  return steal(index);
}

void Scheduler::run_process(Process* process) {
  if (run_slice(process, budget_)) {
    std::lock_guard lock(workers_[current_worker]->mutex);
    workers_[current_worker]->queue.push_back(process);  // keeps its reference
    return;
  }
  process->release();
}

// Spins while work tends to come within the spin: each spin that finds none halves
// the next, each that finds some (or a sleep that ends at once) doubles it. A ping of
// calls keeps its threads awake; a test runner whose workers wait milliseconds for
// child processes stops burning the cores those processes need.
bool Scheduler::spin_for_work(Worker& worker) {
  if (worker.spin.count() == 0) return false;
  std::uint64_t seen = queued_.load(std::memory_order_acquire);
  bool has_news = spin_until(
      [&] {
        return queued_.load(std::memory_order_acquire) != seen ||
               is_stopping_.load(std::memory_order_relaxed);
      },
      worker.spin);
  worker.spin = has_news ? std::min(worker.spin * 2, longest_spin) : worker.spin / 2;
  return has_news;
}

void Scheduler::sleep_until_woken(unsigned index) {
  Worker& worker = *workers_[index];
  std::unique_lock lock(sleep_mutex_);
  std::uint64_t epoch = wake_epoch_;
  sleepers_.fetch_add(1, std::memory_order_seq_cst);
  lock.unlock();
  if (Process* process = next_process(index)) {
    sleepers_.fetch_sub(1, std::memory_order_seq_cst);
    run_process(process);
    return;
  }
  auto asleep = std::chrono::steady_clock::now();
  lock.lock();
  wake_up_.wait_for(lock, idle_wait, [&] { return wake_epoch_ != epoch || is_stopping_.load(); });
  sleepers_.fetch_sub(1, std::memory_order_seq_cst);
  if (spins_ && std::chrono::steady_clock::now() - asleep < short_sleep)
    worker.spin = std::clamp(worker.spin * 2, std::chrono::microseconds(2), longest_spin);
}

void Scheduler::run_worker(unsigned index) {
  current_scheduler = this;
  current_worker = index;
  Worker& worker = *workers_[index];
  worker.spin = spins_ ? longest_spin : std::chrono::microseconds(0);
  while (!is_stopping_.load(std::memory_order_acquire)) {
    if (Process* process = next_process(index)) {
      run_process(process);
    } else if (!spin_for_work(worker)) {
      sleep_until_woken(index);
    }
  }
  current_scheduler = nullptr;
}

void Scheduler::stop() {
  if (is_stopping_.exchange(true)) return;
  {
    std::lock_guard lock(sleep_mutex_);
    ++wake_epoch_;
  }
  wake_up_.notify_all();
  for (auto& worker : workers_) {
    if (worker->thread.joinable()) worker->thread.join();
  }
  for (Worker* queue : {&injected_}) {
    for (Process* process : queue->queue) process->release();
    queue->queue.clear();
  }
  for (auto& worker : workers_) {
    for (Process* process : worker->queue) process->release();
    worker->queue.clear();
    if (worker->next != nullptr) std::exchange(worker->next, nullptr)->release();
  }
}

bool Scheduler::run_one() {
  Process* process = nullptr;
  {
    std::lock_guard lock(injected_.mutex);
    if (injected_.queue.empty()) return false;
    process = injected_.queue.front();
    injected_.queue.pop_front();
  }
  if (run_slice(process, budget_)) {
    std::lock_guard lock(injected_.mutex);
    injected_.queue.push_back(process);  // keeps its reference
  } else {
    process->release();
  }
  return true;
}

std::vector<std::size_t> Scheduler::run_queue_lengths() const {
  std::vector<std::size_t> lengths;
  for (const auto& worker : workers_) {
    std::lock_guard lock(worker->mutex);
    lengths.push_back(worker->queue.size());
  }
  return lengths;
}

}  // namespace retort::detail
