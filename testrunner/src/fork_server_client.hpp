#pragma once

// retort's side of a test program's fork server (fork_server/fork_server.c): the
// program runs once up to `main`, and each test is a process forked from there.

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <llvm/Support/Error.h>

#include "spawn.hpp"

namespace retort::testrunner::detail {

/// A test that ended under a fork server: its pid and `waitpid` status.
struct ForkedExit {
  pid_t pid = -1;
  int wait_status = 0;
};

/// One test program waiting at `main` to fork tests. Its methods may be called from
/// any thread.
class ForkServer {
 public:
  /// Starts `program` (its `argv[0]`, directory and environment) with `library`
  /// preloaded and waits up to `patience` for it to serve. Returns nullptr when it
  /// does not (a static or sanitizer-instrumented program, threads before `main`,
  /// no answer): its tests then start with exec.
  static std::unique_ptr<ForkServer> launch(const SpawnRequest& program,
                                            const std::filesystem::path& library,
                                            std::chrono::milliseconds patience);
  /// Closes the channel: the server kills the tests it still runs and exits.
  ~ForkServer();
  ForkServer(const ForkServer&) = delete;
  ForkServer& operator=(const ForkServer&) = delete;

  /// Forks a test running `argv` with `environment`'s `NAME=value` entries set and
  /// stdout and stderr on `output_end`, in a process group of its own. Returns its
  /// pid, or why it could not start (then it may still start with exec). Fails at once
  /// for a command line too long to send.
  llvm::Expected<pid_t> start(const std::vector<std::string>& argv,
                              const std::vector<std::string>& environment, int output_end);
  /// Returns the tests that ended since the last call, reading what the server sent.
  std::vector<ForkedExit> take_exits();
  /// True once the server has gone: its tests' exits will never be told.
  bool is_lost() const;
  /// True when `start` read exits that `take_exits` has not returned yet.
  bool has_exits_read() const { return has_exits_read_.load(); }
  /// The descriptor to poll for the server's messages.
  int channel() const { return channel_; }
  /// What the program wrote while it started (static initialisers): started with
  /// exec, each test would have written it first.
  const std::string& start_up_output() const { return start_up_output_; }

 private:
  ForkServer(pid_t pid, int channel) : pid_(pid), channel_(channel) {}
  bool await_ready(int output, std::chrono::milliseconds patience);
  bool receive_greeting(int output);
  bool read_start_up_output(int output);
  void read_available();

  pid_t pid_;
  int channel_;
  mutable std::mutex mutex_;
  std::vector<ForkedExit> exits_;
  std::atomic<bool> has_exits_read_{false};
  bool is_lost_ = false;
  std::string start_up_output_;
};

}  // namespace retort::testrunner::detail
