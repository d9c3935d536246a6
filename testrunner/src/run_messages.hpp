#pragma once

// The messages between the runner's processes, and what they share.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <retort/pid.hpp>

#include "retort/testrunner/child_process.hpp"
#include "retort/testrunner/runner.hpp"

namespace retort::testrunner::detail {

inline constexpr const char* dispatcher_name = "retort.test.dispatcher";
inline constexpr const char* reporter_name = "retort.test.reporter";

// What every process of one run reads; owned by run_tests, which outlives them.
struct RunContext {
  const TestInventory* inventory = nullptr;
  const RunOptions* options = nullptr;
  RunListener* listener = nullptr;
  ChildWatcher* watcher = nullptr;
  Pid owner;
  // Executors in the run: the dispatcher hands out work once all have reported.
  unsigned workers = 1;
};

// Executor -> dispatcher: ready for work (once at start, again after each item).
struct WorkerReady {
  Pid worker;
};
// Dispatcher -> executor. An executor holds up to two: one running, the next ready
// to start the moment the first exits (no round trip through the dispatcher).
struct Assignment {
  std::uint64_t id;
  WorkItem item;
};
// Executor -> dispatcher: how each test of item `id` went. Tests that never started
// (a shared process died first, or the item was handed back) are `unstarted`;
// `startup` is the time the process spent outside its tests, when it ran them all.
struct ItemFinished {
  Pid worker;
  std::uint64_t id;
  std::vector<std::pair<std::size_t, TestAttempt>> attempts;
  std::vector<std::size_t> unstarted;
  std::optional<std::chrono::microseconds> startup;
  // True when the item was handed back before it started.
  bool is_returned = false;
};
// Owner -> dispatcher (Ctrl-C), and dispatcher -> busy executors: stop the running
// child and hand back the waiting item.
struct Interrupt {};
// Dispatcher -> executors (--max-failures reached): hand back the waiting item.
struct ReturnWaiting {};
// Dispatcher -> owner.
struct RunFinished {
  std::vector<TestResult> results;
  std::map<std::size_t, std::chrono::microseconds> startup;
  bool is_interrupted = false;
};
// Dispatcher -> reporter.
struct TestsStarted {
  std::vector<std::size_t> tests;
};
struct TestFinished {
  TestResult result;
};
struct Tick {};
// Watcher -> executor. One executor runs one child at a time, and the watcher
// sends a child's exit after all its output, so these need no child id.
struct ChildOutput {
  std::string chunk;
  // When the watcher read it: the runner times the tests of a shared process by it.
  std::chrono::steady_clock::time_point arrived;
};
struct ChildExited {
  int wait_status;
};
// Executor -> itself (timers).
struct TestTimedOut {
  pid_t child;
  std::size_t tests_started;
};
struct KillNow {
  pid_t child;
};
// Executor -> itself: the running item is taking long, so an item waiting behind it
// goes back to the dispatcher for an idler executor.
struct HandBackIfStillRunning {
  pid_t child;
};

}  // namespace retort::testrunner::detail
