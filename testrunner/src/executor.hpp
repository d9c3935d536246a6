#pragma once

// An executor process: runs one work item at a time in a child process group and
// reports each test's attempt to the dispatcher.

#include <chrono>
#include <deque>
#include <optional>

#include <retort/gen_server.hpp>
#include <retort/timer.hpp>

#include "outcome.hpp"
#include "run_messages.hpp"
#include "test_temp_directory.hpp"

namespace retort::testrunner::detail {

class Executor : public GenServer<Executor> {
 public:
  using Protocol = retort::Protocol<Cast<Assignment>, Cast<Interrupt>, Cast<ReturnWaiting>,
                                    Info<ChildOutput>, Info<ChildExited>, Info<TestTimedOut>,
                                    Info<KillNow>, Info<HandBackIfStillRunning>>;

  // Tells the dispatcher it is ready (also after a restart).
  explicit Executor(RunContext* context);

  void handle_cast(const Assignment& assignment);
  void handle_cast(const Interrupt& interrupt);
  void handle_cast(const ReturnWaiting& request);
  void handle_info(const ChildOutput& output);
  void handle_info(const ChildExited& exited);
  void handle_info(const TestTimedOut& timed_out);
  void handle_info(const KillNow& kill);
  void handle_info(const HandBackIfStillRunning& check);
  // Kills a running child's process group, so a crashed executor leaves none behind.
  void terminate(const ExitReason& reason);

 private:
  struct Running {
    std::uint64_t id = 0;
    WorkItem item;
    pid_t child = -1;
    std::string output;
    std::size_t cut = 0;
    std::vector<OutputArrival> arrivals;
    std::size_t scanned = 0;
    std::size_t tests_started = 0;
    bool is_timed_out = false;
    bool is_interrupted = false;
    std::chrono::steady_clock::time_point started;
    TimerRef timeout;
    // The item's TEST_TMPDIR, removed with what its tests left in it when it ends.
    std::optional<TestTempDirectory> temp_directory;
  };

  std::chrono::milliseconds timeout_for(const WorkItem& item) const;
  void arm_timeout();
  void stop_child(int signal);
  void note_new_output();
  void report(ItemFinished finished);
  void start_next();
  void return_waiting();

  RunContext* context_;
  Pid dispatcher_;
  Pid reporter_;
  std::optional<Running> running_;
  std::deque<Assignment> waiting_;
};

}  // namespace retort::testrunner::detail
