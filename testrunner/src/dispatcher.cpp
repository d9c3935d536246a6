#include "dispatcher.hpp"

#include <retort/system.hpp>
#include <retort/timer.hpp>

namespace retort::testrunner::detail {
namespace {

constexpr std::chrono::milliseconds tick_interval{100};

}  // namespace

Dispatcher::Dispatcher(RunContext* context, std::shared_ptr<const WorkPlan> plan)
    : context_(context),
      reporter_(system().whereis(reporter_name)),
      queue_(plan->items.begin(), plan->items.end()),
      prerequisites_(prerequisites_of(*context->inventory)),
      unsettled_(context->inventory->programs.size(), 0) {
  system().register_name(dispatcher_name, self());
  for (const auto& item : plan->items) unsettled_[item.program] += item.tests.size();
}

void Dispatcher::handle_cast(const WorkerReady& ready) {
  if (monitored_.insert(ready.worker).second) monitor(ready.worker);
  // With --max-failures no item waits in an executor: a waiting item starts the
  // moment the one before it ends, before a failure there could stop it.
  auto slots = context_->options->max_failures ? 1 : items_per_worker;
  free_slots_.insert(free_slots_.end(), slots, ready.worker);
  dispatch();
  finish_if_done();
}

bool Dispatcher::may_retry(std::size_t test, const TestAttempt& attempt) const {
  if (!is_failure(attempt.status) || is_draining()) return false;
  auto earlier = earlier_attempts_.find(test);
  std::size_t tried = earlier == earlier_attempts_.end() ? 0 : earlier->second.size();
  // The run alone after failing in a batch is the test's first attempt, not a retry.
  tried -= rerun_alone_.count(test);
  return tried < context_->options->retries;
}

void Dispatcher::settle(std::size_t test, TestAttempt attempt, const WorkItem& item) {
  if (item.is_batch && is_failure(attempt.status) && !is_draining()) {
    earlier_attempts_[test].push_back(std::move(attempt));
    rerun_alone_.insert(test);
    requeue_alone(item, test);
    return;
  }
  if (may_retry(test, attempt)) {
    earlier_attempts_[test].push_back(std::move(attempt));
    requeue(item, {test});
    return;
  }
  record_result(test, std::move(attempt));
}

void Dispatcher::record_result(std::size_t test, TestAttempt attempt) {
  TestResult result;
  result.test = test;
  result.attempts = std::move(earlier_attempts_[test]);
  result.status = attempt.status;
  if (attempt.status == TestStatus::passed && !result.attempts.empty())
    result.status = TestStatus::flaky;
  result.attempts.push_back(std::move(attempt));
  if (is_failure(result.status)) {
    ++failures_;
    const auto& limit = context_->options->max_failures;
    if (limit && failures_ >= *limit && !is_stopping_) enter_draining();
  }
  cast(reporter_, TestFinished{result});
  auto program = context_->inventory->tests[test].program;
  --unsettled_[program];
  if (is_failure(result.status) && !context_->inventory->programs[program].fixtures_setup.empty())
    failed_setups_.insert(program);
  results_[test] = std::move(result);
}

bool Dispatcher::is_ready(const WorkItem& item) const {
  const auto& before = prerequisites_.before[item.program];
  return std::all_of(before.begin(), before.end(),
                     [&](std::size_t program) { return unsettled_[program] == 0; });
}

// The name of a failed setup that `item` needs, if one failed.
std::optional<std::string> Dispatcher::failed_setup_of(const WorkItem& item) const {
  for (auto setup : prerequisites_.setups[item.program])
    if (failed_setups_.count(setup)) return context_->inventory->programs[setup].display_name;
  return std::nullopt;
}

void Dispatcher::fail_unrun(const WorkItem& item, const std::string& why) {
  for (auto test : item.tests) {
    TestAttempt attempt;
    attempt.status = TestStatus::failed;
    attempt.output = "retort: not run: " + why + "\n";
    record_result(test, std::move(attempt));
  }
}

// Items whose fixture's setup failed do not run (as CTest's); each such item settled
// may make others ready, so this goes round until none is left.
void Dispatcher::settle_blocked_items() {
  bool has_settled = true;
  while (has_settled) {
    has_settled = false;
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
      if (!is_ready(*it)) continue;
      auto setup = failed_setup_of(*it);
      if (!setup) continue;
      WorkItem item = std::move(*it);
      queue_.erase(it);
      fail_unrun(item, "the test that sets up its fixture, " + *setup + ", failed");
      has_settled = true;
      break;
    }
  }
}

void Dispatcher::requeue(const WorkItem& item, std::vector<std::size_t> tests) {
  WorkItem again = item;
  again.tests = std::move(tests);
  queue_.push_front(std::move(again));
}

void Dispatcher::requeue_alone(const WorkItem& item, std::size_t test) {
  WorkItem alone = item;
  alone.tests = {test};
  alone.is_batch = false;
  alone.expected.reset();
  queue_.push_front(std::move(alone));
}

void Dispatcher::enter_draining() {
  is_stopping_ = true;
  for (const auto& [worker, items] : in_flight_)
    if (!items.empty()) cast(worker, ReturnWaiting{});
}

bool Dispatcher::is_serial_in_flight() const {
  for (const auto& [worker, items] : in_flight_)
    for (const auto& [id, item] : items)
      if (item.is_serial) return true;
  return false;
}

bool Dispatcher::holds_a_lock_of(const WorkItem& item) const {
  const auto& wanted = context_->inventory->programs[item.program].resource_locks;
  if (wanted.empty()) return false;
  for (const auto& [worker, items] : in_flight_)
    for (const auto& [id, running] : items)
      for (const auto& held : context_->inventory->programs[running.program].resource_locks)
        if (std::find(wanted.begin(), wanted.end(), held) != wanted.end()) return true;
  return false;
}

bool Dispatcher::is_anything_in_flight() const {
  return std::any_of(in_flight_.begin(), in_flight_.end(),
                     [](const auto& worker) { return !worker.second.empty(); });
}

void Dispatcher::handle_cast(const ItemFinished& finished) {
  auto& items = in_flight_[finished.worker];
  auto found = items.find(finished.id);
  if (found == items.end()) return;
  WorkItem item = std::move(found->second);
  items.erase(found);
  if (finished.startup) startup_[item.program] = *finished.startup;
  for (const auto& [test, attempt] : finished.attempts) settle(test, attempt, item);
  // A batch's tests left unjudged by its process run alone, so a second crash names
  // its own test; a handed-back item never started and goes back whole.
  if (item.is_batch && !finished.is_returned)
    for (auto test : finished.unstarted) requeue_alone(item, test);
  else if (!finished.unstarted.empty())
    requeue(item, finished.unstarted);
  if (finished.is_returned) {
    ++withheld_slots_[finished.worker];
  } else {
    auto& withheld = withheld_slots_[finished.worker];
    free_slots_.insert(free_slots_.end(), 1 + withheld, finished.worker);
    withheld = 0;
  }
  dispatch();
  finish_if_done();
}

void Dispatcher::handle_cast(const Interrupt&) {
  is_interrupted_ = true;
  for (const auto& [worker, items] : in_flight_)
    if (!items.empty()) cast(worker, Interrupt{});
  finish_if_done();
}

void Dispatcher::handle_info(const Down& down) {
  std::erase(free_slots_, down.pid);
  withheld_slots_.erase(down.pid);
  auto found = in_flight_.find(down.pid);
  if (found == in_flight_.end()) return;
  auto items = std::move(found->second);
  in_flight_.erase(found);
  TestAttempt attempt;
  attempt.status = TestStatus::failed;
  attempt.output = "retort: the executor running this test crashed (" + down.reason.to_string() +
                   "); its process group was killed\n";
  for (auto& [id, item] : items)
    for (auto test : item.tests) settle(test, attempt, item);
  dispatch();
  finish_if_done();
}

void Dispatcher::dispatch() {
  // Before every executor has reported, the first would get every first item.
  if (monitored_.size() < context_->workers) return;
  if (!is_draining()) settle_blocked_items();
  while (!is_draining() && !free_slots_.empty()) {
    bool is_serial_running = is_serial_in_flight();
    auto next = std::find_if(queue_.begin(), queue_.end(), [&](const WorkItem& item) {
      return (!item.is_serial || !is_serial_running) && !holds_a_lock_of(item) && is_ready(item);
    });
    if (next == queue_.end()) break;
    WorkItem item = std::move(*next);
    queue_.erase(next);
    // The least loaded worker first, so no item waits behind another while a worker
    // is idle.
    auto slot = std::min_element(
        free_slots_.begin(), free_slots_.end(),
        [&](const Pid& a, const Pid& b) { return in_flight_[a].size() < in_flight_[b].size(); });
    Pid worker = *slot;
    free_slots_.erase(slot);
    auto id = next_item_id_++;
    cast(worker, Assignment{id, item});
    in_flight_[worker].emplace(id, std::move(item));
  }
  // Nothing running and nothing ready: what is left waits on itself.
  if (!is_draining() && !queue_.empty() && !is_anything_in_flight())
    while (!queue_.empty()) {
      WorkItem item = std::move(queue_.front());
      queue_.pop_front();
      fail_unrun(item, "its CTest fixtures or DEPENDS wait on each other (a cycle)");
    }
}

void Dispatcher::finish_if_done() {
  if (is_finished_ || is_anything_in_flight() || (!queue_.empty() && !is_draining())) return;
  is_finished_ = true;
  for (const auto& item : queue_)
    for (auto test : item.tests) {
      TestResult result;
      result.test = test;
      result.status = TestStatus::not_run;
      result.attempts = std::move(earlier_attempts_[test]);
      if (result.attempts.empty()) result.attempts.emplace_back();
      cast(reporter_, TestFinished{result});
      results_[test] = std::move(result);
    }
  RunFinished finished;
  finished.is_interrupted = is_interrupted_;
  finished.startup = startup_;
  for (auto& [test, result] : results_) finished.results.push_back(std::move(result));
  send(context_->owner, std::move(finished));
}

Reporter::Reporter(RunContext* context) : context_(context) {
  system().register_name(reporter_name, self());
  send_after(tick_interval, self(), Tick{});
}

void Reporter::handle_cast(const TestsStarted& started) {
  context_->listener->on_started(started.tests);
}

void Reporter::handle_cast(const TestFinished& finished) {
  context_->listener->on_finished(finished.result);
}

void Reporter::handle_info(const Tick&) {
  context_->listener->on_tick();
  send_after(tick_interval, self(), Tick{});
}

bool Reporter::handle_call(const Flush&, From) { return true; }

}  // namespace retort::testrunner::detail
