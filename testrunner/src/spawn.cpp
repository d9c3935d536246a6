#include "spawn.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <csignal>

#include "retort/core/process.hpp"

namespace retort::testrunner::detail {
namespace {

void set_signal_attributes(posix_spawnattr_t& attributes) {
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
}

}  // namespace

int spawn_in_own_group(const SpawnRequest& request, pid_t& pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, request.output_end, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, request.output_end, STDERR_FILENO);
  // glibc clears close-on-exec when a descriptor is duplicated onto itself.
  if (request.inherited_fd >= 0)
    posix_spawn_file_actions_adddup2(&actions, request.inherited_fd, request.inherited_fd);
  if (!request.working_directory.empty())
    posix_spawn_file_actions_addchdir_np(&actions, request.working_directory.c_str());
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  set_signal_attributes(attributes);
  auto argv_storage = request.argv;
  auto environment = environment_with(request.environment);
  auto argv = c_strings(argv_storage);
  auto envp = c_strings(environment);
  int status = posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return status;
}

}  // namespace retort::testrunner::detail
