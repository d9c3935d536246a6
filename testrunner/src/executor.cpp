#include "executor.hpp"

#include <csignal>

#include <retort/system.hpp>

namespace retort::testrunner::detail {
namespace {

// Most tests take a few milliseconds; one that runs longer should not hold the item
// queued behind it while another executor may be idle.
constexpr std::chrono::milliseconds hand_back_after{20};

}  // namespace

Executor::Executor(RunContext* context)
    : context_(context),
      dispatcher_(system().whereis(dispatcher_name)),
      reporter_(system().whereis(reporter_name)) {
  cast(dispatcher_, WorkerReady{self()});
}

std::chrono::milliseconds Executor::timeout_for(const WorkItem& item) const {
  const auto& options = *context_->options;
  if (options.is_timeout_forced) return options.timeout;
  return context_->inventory->programs[item.program].timeout.value_or(options.timeout);
}

void Executor::arm_timeout() {
  cancel_timer(running_->timeout);
  running_->timeout = send_after(timeout_for(running_->item), self(),
                                 TestTimedOut{running_->child, running_->tests_started});
}

void Executor::handle_cast(const Assignment& assignment) {
  waiting_.push_back(assignment);
  if (!running_) start_next();
}

void Executor::start_next() {
  if (waiting_.empty()) return;
  Assignment assignment = std::move(waiting_.front());
  waiting_.pop_front();
  Running running;
  running.id = assignment.id;
  running.item = assignment.item;
  running.started = std::chrono::steady_clock::now();
  ChildCommand command;
  command.argv = item_command(*context_->inventory, assignment.item, context_->options->seed);
  const auto& program = context_->inventory->programs[assignment.item.program];
  command.working_directory = program.working_directory;
  command.extra_environment = program.environment;
  command.may_fork_from_server = program.is_gtest;
  running.temp_directory = TestTempDirectory::create();
  if (running.temp_directory)
    command.private_environment.push_back(running.temp_directory->environment_entry());
  Pid me = self();
  auto child = context_->watcher->start(
      command,
      ChildListener{[me](std::string_view chunk) {
                      send(me, ChildOutput{std::string(chunk), std::chrono::steady_clock::now()});
                    },
                    [me](int status) { send(me, ChildExited{status}); }});
  if (!child) {
    ItemFinished finished;
    finished.id = assignment.id;
    TestAttempt attempt;
    attempt.status = TestStatus::failed;
    attempt.output = "retort: " + llvm::toString(child.takeError()) + "\n";
    for (auto test : assignment.item.tests) finished.attempts.emplace_back(test, attempt);
    report(std::move(finished));
    start_next();
    return;
  }
  running.child = *child;
  cast(reporter_, TestsStarted{running.item.tests});
  send_after(hand_back_after, self(), HandBackIfStillRunning{running.child});
  running_ = std::move(running);
  arm_timeout();
}

void Executor::return_waiting() {
  for (auto& assignment : waiting_)
    report(ItemFinished{self(), assignment.id, {}, assignment.item.tests, std::nullopt, true});
  waiting_.clear();
}

void Executor::handle_cast(const ReturnWaiting&) { return_waiting(); }

void Executor::handle_cast(const Interrupt&) {
  return_waiting();
  if (!running_ || running_->is_interrupted) return;
  running_->is_interrupted = true;
  stop_child(SIGTERM);
  send_after(context_->options->kill_grace, self(), KillNow{running_->child});
}

void Executor::note_new_output() {
  // A one-process item gets a fresh timeout as each of its tests starts.
  constexpr std::string_view run_marker = "[ RUN      ] ";
  auto& output = running_->output;
  std::size_t found;
  while ((found = output.find(run_marker, running_->scanned)) != std::string::npos) {
    running_->scanned = found + run_marker.size();
    ++running_->tests_started;
    arm_timeout();
  }
  if (output.size() > context_->options->output_limit) {
    auto cut = output.size() - context_->options->output_limit / 2;
    output.erase(0, cut);
    running_->cut += cut;
    running_->scanned = running_->scanned > cut ? running_->scanned - cut : 0;
  }
}

void Executor::handle_info(const ChildOutput& output) {
  if (!running_) return;
  running_->output += output.chunk;
  running_->arrivals.push_back(
      {running_->cut + running_->output.size(),
       std::chrono::duration_cast<std::chrono::microseconds>(output.arrived - running_->started)});
  note_new_output();
}

void Executor::handle_info(const ChildExited& exited) {
  if (!running_) return;
  cancel_timer(running_->timeout);
  ProcessEnd end;
  end.output = std::move(running_->output);
  end.cut = running_->cut;
  end.arrivals = std::move(running_->arrivals);
  end.wait_status = exited.wait_status;
  end.is_timed_out = running_->is_timed_out;
  end.is_interrupted = running_->is_interrupted;
  end.duration = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - running_->started);
  auto verdict = judge_item(*context_->inventory, running_->item, end);
  auto id = running_->id;
  running_.reset();
  start_next();
  report(ItemFinished{self(), id, std::move(verdict.attempts), std::move(verdict.unstarted),
                      verdict.startup});
}

void Executor::handle_info(const TestTimedOut& timed_out) {
  if (!running_ || running_->child != timed_out.child ||
      running_->tests_started != timed_out.tests_started)
    return;
  running_->is_timed_out = true;
  stop_child(SIGTERM);
  send_after(context_->options->kill_grace, self(), KillNow{running_->child});
}

void Executor::handle_info(const HandBackIfStillRunning& check) {
  if (running_ && running_->child == check.child) return_waiting();
}

void Executor::handle_info(const KillNow& kill) {
  if (running_ && running_->child == kill.child) stop_child(SIGKILL);
}

void Executor::stop_child(int signal) { context_->watcher->signal_group(running_->child, signal); }

void Executor::report(ItemFinished finished) {
  finished.worker = self();
  cast(dispatcher_, std::move(finished));
}

void Executor::terminate(const ExitReason&) {
  if (running_) stop_child(SIGKILL);
}

}  // namespace retort::testrunner::detail
