/* retort's fork server, preloaded (LD_PRELOAD) into a GoogleTest program.
 *
 * Starting a test process costs exec, the dynamic loader's relocations and the
 * program's static initialisers (GoogleTest registers every test there): about 2 ms
 * for googletest's own tests, most of a short test's time. The server pays that once
 * per program: it stops where `main` would start, and forks one process per test
 * from there, so every test still runs alone in a fresh copy of the program as it was
 * when `main` began.
 *
 * Written in C because it is loaded into programs that are not ours: it brings no C++
 * runtime or static constructors of its own, and only calls async-signal-safe
 * functions between fork and `main`.
 *
 * Without RETORT_FORK_SERVER_FD in its environment the program runs as usual. The
 * server refuses (and retort starts each test with exec) when a thread already runs
 * before `main`, since fork copies only the calling thread. */

#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fork_server_protocol.h"

typedef int (*main_function)(int, char**, char**);
typedef int (*start_main_function)(main_function, int, char**, void (*)(void), void (*)(void),
                                   void (*)(void), void*);

static main_function program_main;

struct live_children {
  pid_t* pids;
  size_t count;
  size_t capacity;
};

static void reply(int channel, int kind, pid_t pid, int value) {
  struct retort_fork_server_reply message = {kind, pid, value};
  while (send(channel, &message, sizeof message, MSG_NOSIGNAL) < 0 && errno == EINTR) {
  }
}

static int count_threads(void) {
  DIR* tasks = opendir("/proc/self/task");
  if (!tasks) return -1;
  int count = 0;
  for (struct dirent* entry; (entry = readdir(tasks));)
    if (entry->d_name[0] != '.') ++count;
  closedir(tasks);
  return count;
}

/* The tests see the environment the program was started with, minus the server's. */
static void restore_environment(void) {
  unsetenv(RETORT_FORK_SERVER_FD_VARIABLE);
  const char* preload = getenv(RETORT_FORK_SERVER_PRELOAD_VARIABLE);
  if (preload && *preload)
    setenv("LD_PRELOAD", preload, 1);
  else
    unsetenv("LD_PRELOAD");
  unsetenv(RETORT_FORK_SERVER_PRELOAD_VARIABLE);
}

/* Receives one request: its arguments into `buffer`, its output descriptor into
 * `output`. Returns the request's length, 0 when retort has gone, -1 on a bad one. */
static ssize_t receive_request(int channel, char* buffer, int* output) {
  struct iovec data = {buffer, RETORT_FORK_SERVER_MAX_REQUEST};
  union {
    struct cmsghdr header;
    char space[CMSG_SPACE(sizeof(int))];
  } control;
  struct msghdr message = {0};
  message.msg_iov = &data;
  message.msg_iovlen = 1;
  message.msg_control = control.space;
  message.msg_controllen = sizeof control.space;
  ssize_t length;
  while ((length = recvmsg(channel, &message, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR) {
  }
  if (length <= 0) return length < 0 ? 0 : length;
  struct cmsghdr* attached = CMSG_FIRSTHDR(&message);
  if (!attached || attached->cmsg_type != SCM_RIGHTS) return -1;
  memcpy(output, CMSG_DATA(attached), sizeof(int));
  return length;
}

/* Splits a request into a NULL-terminated argument vector (allocated). */
static char** split_arguments(char* buffer, ssize_t length, int* count) {
  *count = 0;
  for (ssize_t i = 0; i < length; ++i) *count += buffer[i] == '\0';
  char** arguments = calloc((size_t)*count + 1, sizeof(char*));
  if (!arguments) return NULL;
  char* next = buffer;
  for (int i = 0; i < *count; ++i) {
    arguments[i] = next;
    next += strlen(next) + 1;
  }
  return arguments;
}

static void remember(struct live_children* live, pid_t pid) {
  if (live->count == live->capacity) {
    size_t capacity = live->capacity ? live->capacity * 2 : 16;
    pid_t* grown = realloc(live->pids, capacity * sizeof(pid_t));
    if (!grown) return;
    live->pids = grown;
    live->capacity = capacity;
  }
  live->pids[live->count++] = pid;
}

static void forget(struct live_children* live, pid_t pid) {
  for (size_t i = 0; i < live->count; ++i)
    if (live->pids[i] == pid) {
      live->pids[i] = live->pids[--live->count];
      return;
    }
}

/* In the forked child: becomes the test, as if the program had just reached main,
 * with the request's environment entries (its own TEST_TMPDIR) set. */
static void become_test(int channel, int signals, int output, char** arguments, int count,
                        const sigset_t* original_mask) {
  close(channel);
  close(signals);
  setpgid(0, 0);
  int entries = count > 0 ? atoi(arguments[0]) : 0;
  if (entries < 0 || entries >= count) _exit(127);
  for (int i = 1; i <= entries; ++i) putenv(arguments[i]);
  arguments += entries + 1;
  count -= entries + 1;
  dup2(output, STDOUT_FILENO);
  dup2(output, STDERR_FILENO);
  if (output > STDERR_FILENO) close(output);
  sigprocmask(SIG_SETMASK, original_mask, NULL);
  exit(program_main(count, arguments, environ));
}

static void start_test(int channel, int signals, char* buffer, ssize_t length, int output,
                       struct live_children* live, const sigset_t* original_mask) {
  int count = 0;
  char** arguments = split_arguments(buffer, length, &count);
  /* At least the entry count and a program name. */
  pid_t pid = arguments && count > 1 ? fork() : -1;
  if (pid == 0) become_test(channel, signals, output, arguments, count, original_mask);
  int fork_error = errno;
  close(output);
  free(arguments);
  if (pid < 0) {
    reply(channel, RETORT_FORK_SERVER_START_FAILED, 0, arguments ? fork_error : ENOMEM);
    return;
  }
  /* Also here, so the group exists before retort can signal it. */
  setpgid(pid, pid);
  remember(live, pid);
  reply(channel, RETORT_FORK_SERVER_STARTED, pid, 0);
}

/* Reports every test that ended. Like retort's own watcher, it kills what the test
 * left in its process group before reaping it, while the group id is still its own. */
static void reap_ended(int channel, struct live_children* live) {
  while (1) {
    siginfo_t ended;
    memset(&ended, 0, sizeof ended);
    if (waitid(P_ALL, 0, &ended, WEXITED | WNOHANG | WNOWAIT) != 0 || ended.si_pid == 0) return;
    pid_t pid = ended.si_pid;
    kill(-pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    forget(live, pid);
    reply(channel, RETORT_FORK_SERVER_EXITED, pid, status);
  }
}

/* retort has gone or closed the server: nothing the server started outlives it. */
_Noreturn static void shut_down(struct live_children* live) {
  for (size_t i = 0; i < live->count; ++i) kill(-live->pids[i], SIGKILL);
  for (size_t i = 0; i < live->count; ++i)
    while (waitpid(live->pids[i], NULL, 0) < 0 && errno == EINTR) {
    }
  _exit(0);
}

_Noreturn static void serve(int channel) {
  restore_environment();
  int threads = count_threads();
  if (threads != 1) {
    reply(channel, RETORT_FORK_SERVER_REFUSED, 0, RETORT_FORK_SERVER_HAS_THREADS);
    _exit(0);
  }
  sigset_t child_signal, original_mask;
  sigemptyset(&child_signal);
  sigaddset(&child_signal, SIGCHLD);
  sigprocmask(SIG_BLOCK, &child_signal, &original_mask);
  int signals = signalfd(-1, &child_signal, SFD_CLOEXEC | SFD_NONBLOCK);
  char* buffer = malloc(RETORT_FORK_SERVER_MAX_REQUEST + 1);
  struct live_children live = {0};
  if (signals < 0 || !buffer) {
    reply(channel, RETORT_FORK_SERVER_START_FAILED, 0, errno);
    _exit(0);
  }
  reply(channel, RETORT_FORK_SERVER_READY, 0, 0);
  while (1) {
    struct pollfd watched[2] = {{channel, POLLIN, 0}, {signals, POLLIN, 0}};
    if (poll(watched, 2, -1) < 0 && errno != EINTR) shut_down(&live);
    if (watched[1].revents) {
      struct signalfd_siginfo drained;
      while (read(signals, &drained, sizeof drained) > 0) {
      }
      reap_ended(channel, &live);
    }
    if (!watched[0].revents) continue;
    int output = -1;
    ssize_t length = receive_request(channel, buffer, &output);
    if (length == 0) shut_down(&live);
    if (length > 0) start_test(channel, signals, buffer, length, output, &live, &original_mask);
  }
}

static int serve_or_run_main(int argc, char** argv, char** environment) {
  const char* channel = getenv(RETORT_FORK_SERVER_FD_VARIABLE);
  if (channel) serve(atoi(channel));
  return program_main(argc, argv, environment);
}

/* The dynamic loader finds this before libc's: it runs the program's static
 * initialisers through libc as usual and calls the server where `main` would run. */
__attribute__((visibility("default"))) int __libc_start_main(main_function main, int argc,
                                                             char** argv, void (*init)(void),
                                                             void (*fini)(void),
                                                             void (*rtld_fini)(void),
                                                             void* stack_end) {
  start_main_function libc_start_main = (start_main_function)dlsym(RTLD_NEXT, "__libc_start_main");
  program_main = main;
  return libc_start_main(serve_or_run_main, argc, argv, init, fini, rtld_fini, stack_end);
}
