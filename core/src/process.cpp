#include "retort/core/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <string_view>

#include "retort/core/errors.hpp"

extern char** environ;

// Written on posix_spawn rather than llvm::sys::ExecuteAndWait because that API can
// neither set the child's working directory nor feed its standard input from memory.

namespace retort {
namespace {

struct Pipe {
  int read_end = -1;
  int write_end = -1;
};

llvm::Expected<Pipe> make_pipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    return internal_error(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  return Pipe{fds[0], fds[1]};
}

void close_fd(int& fd) {
  if (fd >= 0) {
    close(fd);
    fd = -1;
  }
}

// Pumps stdin, stdout and stderr together so a child that fills one pipe while we
// wait on another cannot deadlock.
void pump(int& stdin_fd, std::string_view input, int& stdout_fd, int& stderr_fd,
          ProcessResult& result) {
  std::size_t input_written = 0;
  if (input.empty()) close_fd(stdin_fd);
  std::array<char, 65536> buffer;
  while (stdin_fd >= 0 || stdout_fd >= 0 || stderr_fd >= 0) {
    std::array<pollfd, 3> polled{
        {{stdin_fd, POLLOUT, 0}, {stdout_fd, POLLIN, 0}, {stderr_fd, POLLIN, 0}}};
    if (poll(polled.data(), polled.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (stdin_fd >= 0 && polled[0].revents != 0) {
      // Non-blocking: a partial write returns, so we get back to draining output.
      ssize_t written = write(stdin_fd, input.data() + input_written, input.size() - input_written);
      if (written > 0) input_written += static_cast<std::size_t>(written);
      bool is_retryable = written < 0 && (errno == EAGAIN || errno == EINTR);
      if ((written < 0 && !is_retryable) || input_written == input.size()) close_fd(stdin_fd);
    }
    for (auto [fd, sink] : {std::pair{&stdout_fd, &result.standard_output},
                            std::pair{&stderr_fd, &result.standard_error}}) {
      pollfd& entry = fd == &stdout_fd ? polled[1] : polled[2];
      if (*fd < 0 || entry.revents == 0) continue;
      ssize_t got = read(*fd, buffer.data(), buffer.size());
      if (got > 0) {
        sink->append(buffer.data(), static_cast<std::size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close_fd(*fd);
      }
    }
  }
}

}  // namespace

std::vector<std::string> environment_with(const std::vector<std::string>& extra) {
  // getenv finds the first entry of a name, so an added one must replace, not follow.
  std::map<std::string, std::string> by_name;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    by_name[std::string(text.substr(0, text.find('=')))] = text;
  }
  for (const auto& entry : extra) by_name[entry.substr(0, entry.find('='))] = entry;
  std::vector<std::string> entries;
  for (auto& [name, entry] : by_name) entries.push_back(std::move(entry));
  return entries;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

llvm::Expected<ProcessResult> run_process(const std::vector<std::string>& argv,
                                          const ProcessOptions& options) {
  if (argv.empty()) return internal_error("run_process: empty command");
  auto in = make_pipe();
  if (!in) return in.takeError();
  auto out = make_pipe();
  if (!out) return out.takeError();
  auto err = make_pipe();
  if (!err) return err.takeError();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (options.standard_input) {
    posix_spawn_file_actions_adddup2(&actions, in->read_end, STDIN_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, out->write_end, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err->write_end, STDERR_FILENO);
  if (!options.working_directory.empty()) {
    posix_spawn_file_actions_addchdir_np(&actions, options.working_directory.c_str());
  }

  std::vector<std::string> arguments = argv;
  std::vector<std::string> environment = environment_with(options.extra_environment);
  auto argument_pointers = c_strings(arguments);
  auto environment_pointers = c_strings(environment);
  pid_t child = 0;
  int spawn_status = posix_spawnp(&child, argv.front().c_str(), &actions, nullptr,
                                  argument_pointers.data(), environment_pointers.data());
  posix_spawn_file_actions_destroy(&actions);
  close_fd(in->read_end);
  close_fd(out->write_end);
  close_fd(err->write_end);
  if (spawn_status != 0) {
    close_fd(in->write_end);
    close_fd(out->read_end);
    close_fd(err->read_end);
    return internal_error("cannot run '" + argv.front() + "': " + std::strerror(spawn_status));
  }

  // A child that exits without reading its input must not kill us with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  fcntl(in->write_end, F_SETFL, fcntl(in->write_end, F_GETFL) | O_NONBLOCK);
  ProcessResult result;
  pump(in->write_end, options.standard_input.value_or(""), out->read_end, err->read_end, result);

  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace retort
