#pragma once

// Starting a child in a process group of its own, shared by the watcher's exec path
// and the fork servers it launches.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace retort::testrunner::detail {

/// What `spawn_in_own_group` starts.
struct SpawnRequest {
  /// The program and its arguments; `argv[0]` is a path or is searched on `PATH`.
  std::vector<std::string> argv;
  /// Where it starts; empty means the current directory.
  std::filesystem::path working_directory;
  /// `NAME=value` entries replacing same-named ones of the inherited environment.
  std::vector<std::string> environment;
  /// The descriptor that becomes the child's stdout and stderr.
  int output_end = -1;
  /// A descriptor the child keeps under the same number, or -1.
  int inherited_fd = -1;
};

/// Starts `request` with stdin from /dev/null, in a new process group, with SIGINT,
/// SIGTERM and SIGPIPE at their defaults and no signal blocked. Returns 0 and sets
/// `pid`, or returns the errno of the failure.
int spawn_in_own_group(const SpawnRequest& request, pid_t& pid);

}  // namespace retort::testrunner::detail
