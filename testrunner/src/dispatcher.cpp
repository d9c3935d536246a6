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
      queue_(plan->items.begin(), plan->items.end()) {
  system().register_name(dispatcher_name, self());
}

void Dispatcher::handle_cast(const WorkerReady& ready) {
  if (monitored_.insert(ready.worker).second) monitor(ready.worker);
  idle_.push_back(ready.worker);
  dispatch();
  finish_if_done();
}

bool Dispatcher::may_retry(std::size_t test, const TestAttempt& attempt) const {
  if (!is_failure(attempt.status) || is_draining()) return false;
  auto earlier = earlier_attempts_.find(test);
  std::size_t tried = earlier == earlier_attempts_.end() ? 0 : earlier->second.size();
  return tried < context_->options->retries;
}

void Dispatcher::settle(std::size_t test, TestAttempt attempt, const WorkItem& item) {
  if (may_retry(test, attempt)) {
    earlier_attempts_[test].push_back(std::move(attempt));
    requeue(item, {test});
    return;
  }
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
    if (limit && failures_ >= *limit) is_stopping_ = true;
  }
  cast(reporter_, TestFinished{result});
  results_[test] = std::move(result);
}

void Dispatcher::requeue(const WorkItem& item, std::vector<std::size_t> tests) {
  WorkItem again = item;
  again.tests = std::move(tests);
  queue_.push_front(std::move(again));
}

void Dispatcher::handle_cast(const ItemFinished& finished) {
  auto busy = busy_.find(finished.worker);
  if (busy == busy_.end()) return;
  WorkItem item = std::move(busy->second);
  busy_.erase(busy);
  if (item.is_serial) is_serial_running_ = false;
  for (const auto& [test, attempt] : finished.attempts) settle(test, attempt, item);
  if (!finished.unstarted.empty()) requeue(item, finished.unstarted);
  idle_.push_back(finished.worker);
  dispatch();
  finish_if_done();
}

void Dispatcher::handle_cast(const Interrupt&) {
  is_interrupted_ = true;
  for (const auto& [worker, item] : busy_) cast(worker, Interrupt{});
  finish_if_done();
}

void Dispatcher::handle_info(const Down& down) {
  std::erase(idle_, down.pid);
  auto busy = busy_.find(down.pid);
  if (busy == busy_.end()) return;
  WorkItem item = std::move(busy->second);
  busy_.erase(busy);
  if (item.is_serial) is_serial_running_ = false;
  TestAttempt attempt;
  attempt.status = TestStatus::failed;
  attempt.output = "retort: the executor running this test crashed (" + down.reason.to_string() +
                   "); its process group was killed\n";
  for (auto test : item.tests) settle(test, attempt, item);
  dispatch();
  finish_if_done();
}

void Dispatcher::dispatch() {
  while (!is_draining() && !idle_.empty()) {
    auto next = std::find_if(queue_.begin(), queue_.end(), [&](const WorkItem& item) {
      return !item.is_serial || !is_serial_running_;
    });
    if (next == queue_.end()) return;
    WorkItem item = std::move(*next);
    queue_.erase(next);
    Pid worker = idle_.back();
    idle_.pop_back();
    if (item.is_serial) is_serial_running_ = true;
    cast(reporter_, TestsStarted{item.tests});
    cast(worker, Assignment{item});
    busy_.emplace(worker, std::move(item));
  }
}

void Dispatcher::finish_if_done() {
  if (is_finished_ || !busy_.empty() || (!queue_.empty() && !is_draining())) return;
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
