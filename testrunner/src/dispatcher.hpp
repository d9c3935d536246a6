#pragma once

// The dispatcher process: hands work items to idle executors (serial items never
// two at once), runs alone each test a batch could not pass, retries failures,
// counts toward --max-failures, and tells the owner when the run is over.

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <retort/gen_server.hpp>
#include <retort/messages.hpp>

#include "prerequisites.hpp"
#include "run_messages.hpp"

namespace retort::testrunner::detail {

class Dispatcher : public GenServer<Dispatcher> {
 public:
  using Protocol =
      retort::Protocol<Cast<WorkerReady>, Cast<ItemFinished>, Cast<Interrupt>, Info<Down>>;
  // Items an executor holds at once: one running and one waiting to start.
  static constexpr std::size_t items_per_worker = 2;

  Dispatcher(RunContext* context, std::shared_ptr<const WorkPlan> plan);

  void handle_cast(const WorkerReady& ready);
  void handle_cast(const ItemFinished& finished);
  void handle_cast(const Interrupt& interrupt);
  // An executor crashed: the tests it was running fail with the reason.
  void handle_info(const Down& down);

 private:
  bool is_draining() const { return is_stopping_ || is_interrupted_; }
  bool may_retry(std::size_t test, const TestAttempt& attempt) const;
  void settle(std::size_t test, TestAttempt attempt, const WorkItem& item);
  // The final result of `test`: reported, counted, and its program's count of tests
  // left to settle brought down.
  void record_result(std::size_t test, TestAttempt attempt);
  // Whether every program `item`'s must wait for has settled all its tests.
  bool is_ready(const WorkItem& item) const;
  std::optional<std::string> failed_setup_of(const WorkItem& item) const;
  // Settles `item`'s tests as failed without running them, saying `why`.
  void fail_unrun(const WorkItem& item, const std::string& why);
  void settle_blocked_items();
  void requeue(const WorkItem& item, std::vector<std::size_t> tests);
  // Puts `test` of the batch `item` first in the queue, in a process of its own.
  void requeue_alone(const WorkItem& item, std::size_t test);
  void dispatch();
  void finish_if_done();
  bool is_anything_in_flight() const;
  bool is_serial_in_flight() const;
  // Whether a running item holds one of the resource locks `item` needs.
  bool holds_a_lock_of(const WorkItem& item) const;
  void enter_draining();

  RunContext* context_;
  Pid reporter_;
  std::deque<WorkItem> queue_;
  std::vector<Pid> free_slots_;
  // Slots of workers that handed their waiting items back because the item they run
  // is long: given back when that item ends, so the items go to another worker.
  std::map<Pid, std::size_t> withheld_slots_;
  std::map<Pid, std::map<std::uint64_t, WorkItem>> in_flight_;
  std::uint64_t next_item_id_ = 1;
  std::set<Pid> monitored_;
  std::map<std::size_t, TestResult> results_;
  std::map<std::size_t, std::vector<TestAttempt>> earlier_attempts_;
  // Tests that failed in a batch and were queued to run alone.
  std::set<std::size_t> rerun_alone_;
  std::map<std::size_t, std::chrono::microseconds> startup_;
  Prerequisites prerequisites_;
  // Per program, its tests not yet settled.
  std::vector<std::size_t> unsettled_;
  // Programs that set up a fixture and had a test fail.
  std::set<std::size_t> failed_setups_;
  unsigned failures_ = 0;
  bool is_stopping_ = false;
  bool is_interrupted_ = false;
  bool is_finished_ = false;
};

// The reporter process: passes the run's events to the listener, one at a time.
class Reporter : public GenServer<Reporter> {
 public:
  // Answered once every earlier event has reached the listener.
  struct Flush {};
  using Protocol =
      retort::Protocol<Cast<TestsStarted>, Cast<TestFinished>, Info<Tick>, Call<Flush, bool>>;

  explicit Reporter(RunContext* context);

  void handle_cast(const TestsStarted& started);
  void handle_cast(const TestFinished& finished);
  void handle_info(const Tick& tick);
  bool handle_call(const Flush& flush, From from);

 private:
  RunContext* context_;
};

}  // namespace retort::testrunner::detail
