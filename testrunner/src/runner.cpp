#include "retort/testrunner/runner.hpp"

#include <sys/resource.h>

#include <atomic>
#include <csignal>
#include <stdexcept>
#include <thread>

#include <retort/inbox.hpp>
#include <retort/process.hpp>
#include <retort/supervisor.hpp>
#include <retort/system.hpp>

#include "dispatcher.hpp"
#include "executor.hpp"

namespace retort::testrunner {
namespace {

// Set from a signal handler, so a lock-free atomic flag and nothing else.
std::atomic<bool> is_interrupt_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

constexpr std::chrono::milliseconds owner_poll_interval{50};

unsigned worker_count(const RunOptions& options, std::size_t items) {
  return static_cast<unsigned>(std::clamp<std::size_t>(items, 1, resolve_jobs(options.jobs)));
}

std::vector<TestResult> disabled_results(const WorkPlan& plan, RunListener& listener) {
  std::vector<TestResult> results;
  for (auto test : plan.disabled) {
    TestResult result;
    result.test = test;
    result.status = TestStatus::skipped;
    result.attempts.push_back(TestAttempt{.status = TestStatus::skipped});
    listener.on_finished(result);
    results.push_back(std::move(result));
  }
  return results;
}

std::vector<ChildSpec> runner_children(detail::RunContext* context, const WorkPlan& plan,
                                       unsigned workers) {
  auto reporter = child<detail::Reporter>("reporter", context);
  auto dispatcher =
      child<detail::Dispatcher>("dispatcher", context, std::make_shared<const WorkPlan>(plan));
  // Restarting a dispatcher would forget the run; its crash ends the run instead.
  dispatcher.restart = Restart::temporary;
  std::vector<ChildSpec> children{reporter, dispatcher};
  for (unsigned i = 0; i < workers; ++i)
    children.push_back(child<detail::Executor>("executor-" + std::to_string(i + 1), context));
  return children;
}

// Waits for the dispatcher's RunFinished, passing Ctrl-C on and noticing a crash of
// the runner itself.
detail::RunFinished await_run(System& system, Inbox& inbox) {
  bool is_interrupt_sent = false;
  while (true) {
    if (auto finished = inbox.receive<detail::RunFinished>(owner_poll_interval)) return *finished;
    if (is_interrupt_requested.load() && !is_interrupt_sent) {
      cast(system, detail::dispatcher_name, detail::Interrupt{});
      is_interrupt_sent = true;
    }
    if (auto down = inbox.receive<Down>(std::chrono::milliseconds(0)))
      throw std::runtime_error("the test runner's own process ended: " + down->reason.to_string());
  }
}

std::chrono::milliseconds own_cpu_time() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  auto milliseconds = [](const timeval& time) { return time.tv_sec * 1000 + time.tv_usec / 1000; };
  return std::chrono::milliseconds(milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime));
}

}  // namespace

void request_interrupt() { is_interrupt_requested.store(true); }

void clear_interrupt() { is_interrupt_requested.store(false); }

std::filesystem::path default_fork_server_library() {
  std::error_code error;
  auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
  auto installed = executable.parent_path() / RETORT_FORK_SERVER_INSTALLED;
  if (!error && std::filesystem::exists(installed, error)) return installed.lexically_normal();
  std::filesystem::path built = RETORT_FORK_SERVER_BUILT;
  if (std::filesystem::exists(built, error)) return built;
  return {};
}

RunOutcome run_tests(const TestInventory& inventory, const WorkPlan& plan,
                     const RunOptions& options, RunListener& listener) {
  auto started = std::chrono::steady_clock::now();
  RunOutcome outcome;
  outcome.started_at = std::chrono::system_clock::now();
  outcome.workers = worker_count(options, plan.items.size());
  outcome.results = disabled_results(plan, listener);
  {
    // Executors block only while a child starts (a fork server's answer, or once per
    // program its start-up), so two scheduler threads serve any number of them.
    // No spinning: the tests run on the same cores, and need them.
    System system(SystemOptions{.threads = 2, .spins_when_idle = false});
    ChildWatcher watcher(options.fork_server_library);
    Inbox inbox(system);
    detail::RunContext context{&inventory, &options,    &listener,
                               &watcher,   inbox.pid(), outcome.workers};
    auto supervisor = system.spawn<Supervisor>(
        SupervisorFlags{.strategy = Strategy::one_for_one, .intensity = 10},
        runner_children(&context, plan, outcome.workers));
    inbox.monitor(supervisor.pid());
    inbox.monitor(system.whereis(detail::dispatcher_name));
    auto finished = await_run(system, inbox);
    call<bool>(system, detail::reporter_name, detail::Reporter::Flush{});
    outcome.is_interrupted = finished.is_interrupted;
    outcome.startup = std::move(finished.startup);
    for (auto& result : finished.results) outcome.results.push_back(std::move(result));
  }
  std::sort(outcome.results.begin(), outcome.results.end(),
            [](const auto& a, const auto& b) { return a.test < b.test; });
  for (const auto& result : outcome.results)
    for (const auto& attempt : result.attempts) outcome.test_time += attempt.duration;
  outcome.runner_cpu_time = own_cpu_time();
  outcome.wall_time = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  return outcome;
}

}  // namespace retort::testrunner
