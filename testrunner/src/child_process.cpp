// Children run through posix_spawn in their own process group, so a timeout or
// Ctrl-C can signal a test together with everything it forked. Exits are watched
// through pidfds rather than SIGCHLD, so the runner installs no process-wide handler.

#include "retort/testrunner/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
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

extern char** environ;

namespace retort::testrunner {
namespace {

struct Watched {
  pid_t pid = -1;
  int pidfd = -1;
  int output = -1;
  ChildListener listener;
};

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// The inherited environment with `extra` entries replacing same-named ones.
std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
  std::map<std::string, std::string> by_name;
  for (char** entry = environ; *entry; ++entry) {
    std::string_view text(*entry);
    by_name[std::string(text.substr(0, text.find('=')))] = text;
  }
  for (const auto& entry : extra) by_name[entry.substr(0, entry.find('='))] = entry;
  std::vector<std::string> result;
  for (auto& [name, entry] : by_name) result.push_back(std::move(entry));
  return result;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Spawns `spec` with stdout and stderr on `output_end` and stdin from /dev/null.
int spawn_child(const ChildCommand& spec, int output_end, pid_t& pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, output_end, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, output_end, STDERR_FILENO);
  if (!spec.working_directory.empty())
    posix_spawn_file_actions_addchdir_np(&actions, spec.working_directory.c_str());
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attributes, 0);
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&attributes, &signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGPIPE);
  posix_spawnattr_setsigdefault(&attributes, &signals);
  auto argv_storage = spec.argv;
  auto environment = child_environment(spec.extra_environment);
  auto argv = pointers_to(argv_storage);
  auto envp = pointers_to(environment);
  int status = posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return status;
}

}  // namespace

struct ChildWatcher::State {
  std::mutex mutex;
  std::vector<Watched> pending;
  std::set<pid_t> live;
  int wake_read = -1;
  int wake_write = -1;
  std::atomic<bool> is_stopping{false};
  std::thread thread;

  void wake() {
    char byte = 1;
    (void)!::write(wake_write, &byte, 1);
  }
  void run();
  void read_output(Watched& child);
  void finish(Watched& child);
  void kill_all(std::map<pid_t, Watched>& children);
};

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

void ChildWatcher::State::finish(Watched& child) {
  // Whatever the test forked dies with it; the zombie leader keeps the group id ours.
  ::kill(-child.pid, SIGKILL);
  read_output(child);
  if (child.output >= 0) ::close(child.output);
  int status = 0;
  while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
  }
  ::close(child.pidfd);
  {
    std::lock_guard lock(mutex);
    live.erase(child.pid);
  }
  child.listener.on_exit(status);
}

void ChildWatcher::State::kill_all(std::map<pid_t, Watched>& children) {
  for (auto& [pid, child] : children) {
    ::kill(-pid, SIGKILL);
    if (child.output >= 0) ::close(child.output);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::close(child.pidfd);
  }
  children.clear();
}

void ChildWatcher::State::run() {
  std::map<pid_t, Watched> children;
  std::vector<pollfd> polled;
  while (true) {
    {
      std::lock_guard lock(mutex);
      for (auto& child : pending) children.emplace(child.pid, std::move(child));
      pending.clear();
    }
    if (is_stopping.load()) break;
    polled.assign(1, pollfd{wake_read, POLLIN, 0});
    for (auto& [pid, child] : children) {
      polled.push_back({child.pidfd, POLLIN, 0});
      if (child.output >= 0) polled.push_back({child.output, POLLIN, 0});
    }
    if (::poll(polled.data(), polled.size(), -1) < 0 && errno != EINTR) break;
    if (polled[0].revents) {
      char drain[256];
      while (::read(wake_read, drain, sizeof drain) > 0) {
      }
    }
    std::size_t index = 1;
    for (auto it = children.begin(); it != children.end();) {
      Watched& child = it->second;
      bool has_exited = polled[index++].revents != 0;
      if (child.output >= 0 && polled[index++].revents) read_output(child);
      if (has_exited) {
        finish(child);
        it = children.erase(it);
      } else {
        ++it;
      }
    }
  }
  kill_all(children);
}

ChildWatcher::ChildWatcher() : state_(std::make_unique<State>()) {
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
  ::close(state_->wake_read);
  ::close(state_->wake_write);
}

llvm::Expected<pid_t> ChildWatcher::start(const ChildCommand& spec, ChildListener listener) {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0)
    return llvm::createStringError(std::errc::io_error, errno_text("pipe2").c_str());
  pid_t pid = -1;
  int status = spawn_child(spec, ends[1], pid);
  ::close(ends[1]);
  if (status != 0) {
    ::close(ends[0]);
    return llvm::createStringError(std::errc::io_error, "cannot start '%s': %s",
                                   spec.argv.front().c_str(), std::strerror(status));
  }
  ::fcntl(ends[0], F_SETFL, O_NONBLOCK);
  int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) {
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    ::close(ends[0]);
    return llvm::createStringError(std::errc::io_error, errno_text("pidfd_open").c_str());
  }
  {
    std::lock_guard lock(state_->mutex);
    state_->pending.push_back(Watched{pid, pidfd, ends[0], std::move(listener)});
    state_->live.insert(pid);
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
