// Children run in their own process group, so a timeout or Ctrl-C can signal a test
// together with everything it forked. A GoogleTest program's tests fork from its
// fork server when it has one (see fork_server_client.hpp), and start through
// posix_spawn otherwise. Exits are watched through pidfds, or told by the fork
// server, rather than SIGCHLD, so the runner installs no process-wide handler.

#include "retort/testrunner/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "fork_server_client.hpp"

namespace retort::testrunner {
namespace {

using detail::ForkServer;

// A fork server may take as long as a test program's start-up to answer.
constexpr std::chrono::milliseconds fork_server_patience{5000};

struct Watched {
  pid_t pid = -1;
  int pidfd = -1;  // -1 for a test forked by a fork server, which tells its exit
  int output = -1;
  ChildListener listener;
  ForkServer* server = nullptr;
};

// One program's fork server, launched by the first test that asks for it.
struct ServerSlot {
  std::mutex launching;
  bool is_launched = false;
  std::unique_ptr<ForkServer> server;
};

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// Tests of one program share a server only if they start alike.
std::string server_key(const ChildCommand& spec) {
  std::string key = spec.argv.front() + '\n' + spec.working_directory.string();
  for (const auto& entry : spec.extra_environment) key += '\n' + entry;
  return key;
}

detail::SpawnRequest spawn_request(const ChildCommand& spec, int output_end) {
  auto environment = spec.extra_environment;
  environment.insert(environment.end(), spec.private_environment.begin(),
                     spec.private_environment.end());
  return {spec.argv, spec.working_directory, std::move(environment), output_end, -1};
}

// The wait status of a process killed by SIGKILL, for a test whose server has gone.
constexpr int killed_status = SIGKILL;

// What each polled descriptor stands for, in the order they are polled.
struct PollTarget {
  enum Kind { wake, exit, output, fork_server } kind;
  pid_t pid = -1;
  ForkServer* server = nullptr;
};

}  // namespace

struct ChildWatcher::State {
  std::filesystem::path fork_server_library;
  std::mutex mutex;
  std::vector<Watched> pending;
  std::set<pid_t> live;
  std::vector<ForkServer*> serving;
  std::mutex servers_mutex;
  std::map<std::string, std::shared_ptr<ServerSlot>> servers;
  int wake_read = -1;
  int wake_write = -1;
  std::atomic<bool> is_stopping{false};
  std::thread thread;

  // The watcher thread's own: the children it watches, exits a server told before
  // their start reached the watcher, and what it polls.
  std::map<pid_t, Watched> children;
  std::map<pid_t, int> early_exits;
  std::vector<pollfd> polled;
  std::vector<PollTarget> targets;

  void wake() {
    char byte = 1;
    (void)!::write(wake_write, &byte, 1);
  }
  ForkServer* server_for(const ChildCommand& spec);
  void run();
  std::vector<ForkServer*> take_started();
  void prepare_poll(const std::vector<ForkServer*>& servers_now);
  void handle_polled();
  void settle_forked_exit(const detail::ForkedExit& ended);
  bool settle_exits_told_by(ForkServer& server);
  void stop_tests_of(const ForkServer* server);
  void read_output(Watched& child);
  void forget(pid_t pid);
  void finish(Watched& child);
  void report_exit(Watched& child, int wait_status);
  void kill_all(std::map<pid_t, Watched>& children);
};

ForkServer* ChildWatcher::State::server_for(const ChildCommand& spec) {
  std::shared_ptr<ServerSlot> slot;
  {
    std::lock_guard lock(servers_mutex);
    auto& entry = servers[server_key(spec)];
    if (!entry) entry = std::make_shared<ServerSlot>();
    slot = entry;
  }
  std::lock_guard launching(slot->launching);
  if (!slot->is_launched) {
    slot->is_launched = true;
    slot->server =
        ForkServer::launch(spawn_request(spec, -1), fork_server_library, fork_server_patience);
    if (slot->server) {
      std::lock_guard lock(mutex);
      serving.push_back(slot->server.get());
    }
  }
  return slot->server.get();
}

void ChildWatcher::State::read_output(Watched& child) {
  char buffer[65536];
  while (child.output >= 0) {
    ssize_t count = ::read(child.output, buffer, sizeof buffer);
    if (count > 0) {
      child.listener.on_output(std::string_view(buffer, static_cast<std::size_t>(count)));
      continue;
    }
    if (count < 0 && errno == EINTR) continue;
    if (count < 0 && errno == EAGAIN) return;
    ::close(child.output);
    child.output = -1;
  }
}

void ChildWatcher::State::forget(pid_t pid) {
  std::lock_guard lock(mutex);
  live.erase(pid);
}

void ChildWatcher::State::finish(Watched& child) {
  // Whatever the test forked dies with it; the zombie leader keeps the group id ours.
  ::kill(-child.pid, SIGKILL);
  int status = 0;
  while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
  }
  ::close(child.pidfd);
  report_exit(child, status);
}

// Tells the listener the rest of the child's output, then its end. A fork server has
// killed its test's process group before it told the exit.
void ChildWatcher::State::report_exit(Watched& child, int wait_status) {
  read_output(child);
  if (child.output >= 0) ::close(child.output);
  forget(child.pid);
  child.listener.on_exit(wait_status);
}

void ChildWatcher::State::kill_all(std::map<pid_t, Watched>& children) {
  for (auto& [pid, child] : children) {
    ::kill(-pid, SIGKILL);
    if (child.output >= 0) ::close(child.output);
    if (child.pidfd < 0) continue;  // its server reaps it
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::close(child.pidfd);
  }
  children.clear();
}

namespace {

void drain(int descriptor) {
  char drained[256];
  while (::read(descriptor, drained, sizeof drained) > 0) {
  }
}

}  // namespace

std::vector<ForkServer*> ChildWatcher::State::take_started() {
  std::vector<ForkServer*> servers_now;
  std::vector<Watched> started;
  {
    std::lock_guard lock(mutex);
    started.swap(pending);
    servers_now = serving;
  }
  for (auto& child : started) {
    if (child.server && !child.server->start_up_output().empty())
      child.listener.on_output(child.server->start_up_output());
    auto pid = child.pid;
    children.emplace(pid, std::move(child));
    auto told = early_exits.find(pid);
    if (told == early_exits.end()) continue;
    report_exit(children[pid], told->second);
    children.erase(pid);
    early_exits.erase(told);
  }
  return servers_now;
}

void ChildWatcher::State::prepare_poll(const std::vector<ForkServer*>& servers_now) {
  polled.assign(1, pollfd{wake_read, POLLIN, 0});
  targets.assign(1, PollTarget{PollTarget::wake});
  for (auto& [pid, child] : children) {
    if (child.pidfd >= 0) {
      polled.push_back({child.pidfd, POLLIN, 0});
      targets.push_back({PollTarget::exit, pid});
    }
    if (child.output >= 0) {
      polled.push_back({child.output, POLLIN, 0});
      targets.push_back({PollTarget::output, pid});
    }
  }
  for (auto* server : servers_now)
    if (!server->is_lost()) {
      polled.push_back({server->channel(), POLLIN, 0});
      targets.push_back({PollTarget::fork_server, -1, server});
    }
}

void ChildWatcher::State::settle_forked_exit(const detail::ForkedExit& ended) {
  auto child = children.find(ended.pid);
  if (child == children.end()) {
    early_exits[ended.pid] = ended.wait_status;
    return;
  }
  report_exit(child->second, ended.wait_status);
  children.erase(child);
}

// Returns false when the server has gone.
bool ChildWatcher::State::settle_exits_told_by(ForkServer& server) {
  for (const auto& ended : server.take_exits()) settle_forked_exit(ended);
  return !server.is_lost();
}

namespace {

// Kills the group of a test whose fork server has gone and waits, at most a second,
// for its leader to end: the orphan is not ours to reap (init is its parent now), yet
// the run must not end while it still runs.
void kill_orphaned_test(pid_t pid) {
  constexpr int longest_wait_ms = 1000;
  // Opened before the kill, so the pid cannot be another process's by the time it
  // is watched.
  int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  ::kill(-pid, SIGKILL);
  if (pidfd < 0) return;  // already gone
  pollfd ended{pidfd, POLLIN, 0};
  while (::poll(&ended, 1, longest_wait_ms) < 0 && errno == EINTR) {
  }
  ::close(pidfd);
}

}  // namespace

// A server that has gone will tell no exit: its tests are stopped and reported killed.
void ChildWatcher::State::stop_tests_of(const ForkServer* server) {
  for (auto it = children.begin(); it != children.end();) {
    if (it->second.server != server) {
      ++it;
      continue;
    }
    kill_orphaned_test(it->first);
    it->second.listener.on_output("retort: this test's fork server ended; the test was stopped\n");
    report_exit(it->second, killed_status);
    it = children.erase(it);
  }
}

void ChildWatcher::State::handle_polled() {
  std::vector<pid_t> exited;
  std::vector<ForkServer*> lost;
  for (std::size_t i = 0; i < polled.size(); ++i) {
    const auto& target = targets[i];
    // A start on another thread may have read exits from a server's channel, then
    // woken this thread to settle them.
    bool has_exits_read = target.kind == PollTarget::fork_server && target.server->has_exits_read();
    if (!polled[i].revents && !has_exits_read) continue;
    switch (target.kind) {
      case PollTarget::wake:
        drain(wake_read);
        break;
      case PollTarget::output:
        read_output(children[target.pid]);
        break;
      case PollTarget::exit:
        exited.push_back(target.pid);
        break;
      case PollTarget::fork_server:
        if (!settle_exits_told_by(*target.server)) lost.push_back(target.server);
        break;
    }
  }
  for (auto pid : exited) {
    finish(children[pid]);
    children.erase(pid);
  }
  for (const auto* server : lost) stop_tests_of(server);
}

void ChildWatcher::State::run() {
  while (true) {
    auto servers_now = take_started();
    if (is_stopping.load()) break;
    prepare_poll(servers_now);
    if (::poll(polled.data(), polled.size(), -1) < 0 && errno != EINTR) break;
    handle_polled();
  }
  kill_all(children);
}

ChildWatcher::ChildWatcher(std::filesystem::path fork_server_library)
    : state_(std::make_unique<State>()) {
  state_->fork_server_library = std::move(fork_server_library);
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error(errno_text("pipe2"));
  state_->wake_read = ends[0];
  state_->wake_write = ends[1];
  state_->thread = std::thread([state = state_.get()] { state->run(); });
}

ChildWatcher::~ChildWatcher() {
  state_->is_stopping.store(true);
  state_->wake();
  state_->thread.join();
  std::map<pid_t, Watched> never_watched;
  for (auto& child : state_->pending) never_watched.emplace(child.pid, std::move(child));
  state_->kill_all(never_watched);
  state_->servers.clear();
  ::close(state_->wake_read);
  ::close(state_->wake_write);
}

namespace {

// Starts `spec` with exec; returns its pidfd through `pidfd`.
llvm::Expected<pid_t> spawn_watched(const ChildCommand& spec, int output_end, int& pidfd) {
  pid_t pid = -1;
  int status = detail::spawn_in_own_group(spawn_request(spec, output_end), pid);
  if (status != 0)
    return llvm::createStringError(std::errc::io_error, "cannot start '%s': %s",
                                   spec.argv.front().c_str(), std::strerror(status));
  pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) {
    auto error = errno_text("pidfd_open");
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    return llvm::createStringError(std::errc::io_error, error.c_str());
  }
  return pid;
}

}  // namespace

llvm::Expected<pid_t> ChildWatcher::start(const ChildCommand& spec, ChildListener listener) {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0)
    return llvm::createStringError(std::errc::io_error, errno_text("pipe2").c_str());
  Watched child;
  if (spec.may_fork_from_server && !state_->fork_server_library.empty()) {
    if (auto* server = state_->server_for(spec)) {
      auto forked = server->start(spec.argv, spec.private_environment, ends[1]);
      if (forked) {
        child.pid = *forked;
        child.server = server;
      } else {
        llvm::consumeError(forked.takeError());  // exec can still start it
      }
    }
  }
  if (!child.server) {
    auto spawned = spawn_watched(spec, ends[1], child.pidfd);
    if (!spawned) {
      ::close(ends[0]);
      ::close(ends[1]);
      return spawned.takeError();
    }
    child.pid = *spawned;
  }
  ::close(ends[1]);
  ::fcntl(ends[0], F_SETFL, O_NONBLOCK);
  pid_t pid = child.pid;
  child.output = ends[0];
  child.listener = std::move(listener);
  {
    std::lock_guard lock(state_->mutex);
    state_->live.insert(child.pid);
    state_->pending.push_back(std::move(child));
  }
  state_->wake();
  return pid;
}

void ChildWatcher::signal_group(pid_t pid, int signal) {
  std::lock_guard lock(state_->mutex);
  if (state_->live.count(pid)) ::kill(-pid, signal);
}

std::string signal_name(int signal) {
  if (const char* abbreviation = sigabbrev_np(signal)) return std::string("SIG") + abbreviation;
  return "signal " + std::to_string(signal);
}

}  // namespace retort::testrunner
