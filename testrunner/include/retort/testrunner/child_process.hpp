#pragma once

/// @file
/// Child processes that run tests: each starts in its own process group with its
/// output on one pipe, and one watcher thread reports output and exits without
/// blocking any actor.

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <llvm/Support/Error.h>

namespace retort::testrunner {

/// How to start one child.
struct ChildCommand {
  /// The program and its arguments; `argv[0]` is a path or is searched on `PATH`.
  std::vector<std::string> argv;
  /// Where it starts; empty means the current directory.
  std::filesystem::path working_directory;
  /// Extra `NAME=value` entries for its environment.
  std::vector<std::string> extra_environment;
  /// `NAME=value` entries for this child alone (its own `TEST_TMPDIR`): a forked child
  /// gets them with its request, so they do not keep tests from sharing a server.
  std::vector<std::string> private_environment;
  /// True for a GoogleTest program: the child may be forked from the program's fork
  /// server (started once, waiting where `main` begins) instead of started with exec.
  bool may_fork_from_server = false;
};

/// What the watcher tells about one child. Both run on the watcher thread and must
/// be quick (the runner sends a message and returns).
struct ChildListener {
  /// Called with each chunk the child writes to stdout or stderr.
  std::function<void(std::string_view chunk)> on_output;
  /// Called once when it has exited, with its `waitpid` status.
  std::function<void(int wait_status)> on_exit;
};

/// Starts children and watches them on one thread (poll over their pipes, their
/// pidfds and their fork servers' channels). Destroying it kills every child's
/// process group that is still running, and every fork server.
class ChildWatcher {
 public:
  /// Starts the watcher thread. With a `fork_server_library` (retort's
  /// `libretort_fork_server.so`), children that allow it fork from their program's
  /// fork server; an empty path starts every child with exec.
  explicit ChildWatcher(std::filesystem::path fork_server_library = {});
  /// Kills what is left (SIGKILL to each process group) and joins the thread.
  ~ChildWatcher();
  ChildWatcher(const ChildWatcher&) = delete;
  ChildWatcher& operator=(const ChildWatcher&) = delete;

  /// Starts `spec` in a new process group; `listener` hears its output and exit.
  /// Returns its pid (also its process group id), or why it could not start.
  llvm::Expected<pid_t> start(const ChildCommand& spec, ChildListener listener);
  /// Sends `signal` to the process group of the child `pid` if it is still watched.
  void signal_group(pid_t pid, int signal);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Returns the name of `signal`, e.g. `SIGSEGV`, or `signal N` for an unknown one.
std::string signal_name(int signal);

}  // namespace retort::testrunner
