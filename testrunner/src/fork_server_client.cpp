#include "fork_server_client.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "../fork_server/fork_server_protocol.h"

namespace retort::testrunner::detail {
namespace {

using Reply = retort_fork_server_reply;

// A server answers a request at once (it forks and replies); one that does not
// within this long is treated as gone.
constexpr std::chrono::milliseconds reply_patience{10000};

llvm::Error start_error(const std::string& why) {
  return llvm::createStringError(std::errc::io_error, "fork server: %s", why.c_str());
}

// The test program's own LD_PRELOAD: its CTest ENVIRONMENT's, else retort's.
std::string own_preload(const std::vector<std::string>& environment) {
  constexpr std::string_view prefix = "LD_PRELOAD=";
  for (const auto& entry : environment)
    if (entry.starts_with(prefix)) return entry.substr(prefix.size());
  const char* inherited = std::getenv("LD_PRELOAD");
  return inherited ? inherited : "";
}

// Waits up to `patience` for one reply. Returns false when none came or the server
// has gone.
bool receive_reply(int channel, Reply& reply, std::chrono::milliseconds patience) {
  pollfd readable{channel, POLLIN, 0};
  int ready;
  while ((ready = ::poll(&readable, 1, static_cast<int>(patience.count()))) < 0 && errno == EINTR) {
  }
  if (ready <= 0) return false;
  ssize_t length;
  while ((length = ::recv(channel, &reply, sizeof reply, 0)) < 0 && errno == EINTR) {
  }
  return length == sizeof reply;
}

bool send_request(int channel, const std::string& arguments, int output_end) {
  iovec data{const_cast<char*>(arguments.data()), arguments.size()};
  union {
    cmsghdr header;
    char space[CMSG_SPACE(sizeof(int))];
  } control{};
  msghdr message{};
  message.msg_iov = &data;
  message.msg_iovlen = 1;
  message.msg_control = control.space;
  message.msg_controllen = sizeof control.space;
  cmsghdr* attached = CMSG_FIRSTHDR(&message);
  attached->cmsg_level = SOL_SOCKET;
  attached->cmsg_type = SCM_RIGHTS;
  attached->cmsg_len = CMSG_LEN(sizeof(int));
  std::memcpy(CMSG_DATA(attached), &output_end, sizeof(int));
  ssize_t sent;
  while ((sent = ::sendmsg(channel, &message, MSG_NOSIGNAL)) < 0 && errno == EINTR) {
  }
  return sent == static_cast<ssize_t>(arguments.size());
}

// The server's end of the channel, at 3 or above so the child's stdio leaves it be.
int server_end_above_stdio(int descriptor) {
  if (descriptor > STDERR_FILENO) return descriptor;
  int moved = ::fcntl(descriptor, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
  ::close(descriptor);
  return moved;
}

}  // namespace

std::unique_ptr<ForkServer> ForkServer::launch(const SpawnRequest& program,
                                               const std::filesystem::path& library,
                                               std::chrono::milliseconds patience) {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends) != 0) return nullptr;
  int server_end = server_end_above_stdio(ends[1]);
  int output[2];
  if (::pipe2(output, O_CLOEXEC) != 0) output[0] = output[1] = -1;
  SpawnRequest request = program;
  // Should the preload be ignored (a static program), this lists tests and exits.
  request.argv = {program.argv.front(), "--gtest_list_tests"};
  request.output_end = output[1];
  request.inherited_fd = server_end;
  auto preload = own_preload(program.environment);
  request.environment.push_back("LD_PRELOAD=" + library.string() +
                                (preload.empty() ? "" : ":" + preload));
  request.environment.push_back(std::string(RETORT_FORK_SERVER_PRELOAD_VARIABLE) + "=" + preload);
  request.environment.push_back(std::string(RETORT_FORK_SERVER_FD_VARIABLE) + "=" +
                                std::to_string(server_end));
  pid_t pid = -1;
  int status = server_end < 0 || output[1] < 0 ? EBADF : spawn_in_own_group(request, pid);
  ::close(server_end);
  ::close(output[1]);
  if (status != 0) {
    ::close(ends[0]);
    ::close(output[0]);
    return nullptr;
  }
  // The constructor is private, out of std::make_unique's reach.
  // retort: disable-next-line warning/raw-new-delete
  std::unique_ptr<ForkServer> server(new ForkServer(pid, ends[0]));
  bool is_ready = server->await_ready(output[0], patience);
  ::close(output[0]);
  return is_ready ? std::move(server) : nullptr;
}

bool ForkServer::await_ready(int output, std::chrono::milliseconds patience) {
  auto deadline = std::chrono::steady_clock::now() + patience;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    // A negative descriptor is one poll skips: start-up closed its output.
    pollfd watched[2] = {{channel_, POLLIN, 0}, {output, POLLIN, 0}};
    int ready = ::poll(watched, 2, static_cast<int>(std::max<long>(left.count(), 0)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    if (watched[1].revents && !read_start_up_output(output)) output = -1;
    // What start-up wrote comes before the greeting: the greeting waits for it.
    if (watched[1].revents || !watched[0].revents) continue;
    return receive_greeting(output);
  }
}

bool ForkServer::receive_greeting(int output) {
  Reply greeting{};
  if (!receive_reply(channel_, greeting, std::chrono::milliseconds(0))) return false;
  while (output >= 0 && read_start_up_output(output)) {
  }
  return greeting.kind == RETORT_FORK_SERVER_READY;
}

// Reads what start-up wrote and is waiting in `output`; false when nothing is.
bool ForkServer::read_start_up_output(int output) {
  char buffer[4096];
  pollfd readable{output, POLLIN, 0};
  if (::poll(&readable, 1, 0) <= 0 || !(readable.revents & POLLIN)) return false;
  ssize_t count = ::read(output, buffer, sizeof buffer);
  if (count <= 0) return false;
  start_up_output_.append(buffer, static_cast<std::size_t>(count));
  return true;
}

ForkServer::~ForkServer() {
  ::close(channel_);
  // The watcher has killed every test the server started; the server itself has
  // nothing left worth a graceful end.
  ::kill(-pid_, SIGKILL);
  while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
  }
}

llvm::Expected<pid_t> ForkServer::start(const std::vector<std::string>& argv,
                                        const std::vector<std::string>& environment,
                                        int output_end) {
  // The request: how many environment entries, the entries, then the arguments.
  std::string arguments = std::to_string(environment.size());
  arguments.push_back('\0');
  for (const auto& entry : environment) arguments.append(entry).push_back('\0');
  for (const auto& argument : argv) arguments.append(argument).push_back('\0');
  if (arguments.size() > RETORT_FORK_SERVER_MAX_REQUEST)
    return start_error("the command line is too long to send");
  std::lock_guard lock(mutex_);
  if (is_lost_) return start_error("the server has gone");
  if (!send_request(channel_, arguments, output_end)) {
    is_lost_ = true;
    return start_error(std::strerror(errno));
  }
  while (true) {
    Reply reply{};
    if (!receive_reply(channel_, reply, reply_patience)) {
      is_lost_ = true;
      return start_error("the server has gone");
    }
    if (reply.kind == RETORT_FORK_SERVER_EXITED) {
      exits_.push_back({reply.pid, reply.value});
      has_exits_read_.store(true);
    } else if (reply.kind == RETORT_FORK_SERVER_STARTED) {
      return reply.pid;
    } else if (reply.kind == RETORT_FORK_SERVER_START_FAILED) {
      return start_error(std::strerror(reply.value));
    }
  }
}

void ForkServer::read_available() {
  while (!is_lost_) {
    Reply reply{};
    ssize_t length = ::recv(channel_, &reply, sizeof reply, MSG_DONTWAIT);
    if (length < 0 && errno == EINTR) continue;
    if (length < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (length != sizeof reply) {
      is_lost_ = true;
      return;
    }
    if (reply.kind == RETORT_FORK_SERVER_EXITED) exits_.push_back({reply.pid, reply.value});
  }
}

std::vector<ForkedExit> ForkServer::take_exits() {
  std::lock_guard lock(mutex_);
  read_available();
  has_exits_read_.store(false);
  return std::exchange(exits_, {});
}

bool ForkServer::is_lost() const {
  std::lock_guard lock(mutex_);
  return is_lost_;
}

}  // namespace retort::testrunner::detail
