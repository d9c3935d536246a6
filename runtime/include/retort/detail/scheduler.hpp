#pragma once

// Work-stealing scheduler: one run queue per thread, plus a lock-free "next" slot. A process made
// runnable by a scheduler thread goes to that thread's queue (so a ping-pong pair stays on one
// core, hot in cache); idle threads steal from the others; threads outside the
// runtime inject into a shared queue. A process runs at most `budget` messages, then
// goes to the back of the queue. A thread out of work spins a little before it sleeps.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "retort/detail/process.hpp"

namespace retort::detail {

class Scheduler {
 public:
  // With 0 threads, nothing runs until `run_one` is called (a deterministic
  // system's): every runnable process waits in one queue, in the order it became
  // runnable.
  // `spins` lets an idle thread spin for work before it sleeps.
  Scheduler(unsigned threads, unsigned budget, bool spins = true);
  ~Scheduler();

  // `process` has just moved from idle to scheduled; takes a reference to it.
  void schedule(Process* process);
  void stop();
  std::vector<std::size_t> run_queue_lengths() const;
  // With 0 threads: runs one slice of the first runnable process on the calling
  // thread; false when none is runnable.
  bool run_one();

 private:
  struct Worker {
    mutable std::mutex mutex;
    std::deque<Process*> queue;
    std::thread thread;
    // The process this thread made runnable last; it runs next, without a lock
    // (Go's runnext). Only the owning thread touches it, so it cannot be stolen.
    Process* next = nullptr;
    unsigned picks = 0;
    // How long it spins for work before it sleeps; adapts (see spin_for_work).
    std::chrono::microseconds spin{0};
  };

  void run_worker(unsigned index);
  bool spin_for_work(Worker& worker);
  void sleep_until_woken(unsigned index);
  Process* next_process(unsigned index);
  Process* steal(unsigned thief);
  void run_process(Process* process);
  void wake_one();

  unsigned budget_;
  bool spins_;
  std::vector<std::unique_ptr<Worker>> workers_;
  Worker injected_;
  std::atomic<bool> is_stopping_{false};
  std::atomic<int> sleepers_{0};
  // Counts processes queued (not put in a next slot), so a thread spinning before
  // it sleeps sees new work without taking a queue's lock.
  std::atomic<std::uint64_t> queued_{0};
  std::mutex sleep_mutex_;
  std::condition_variable wake_up_;
  std::uint64_t wake_epoch_ = 0;
};

}  // namespace retort::detail
