#pragma once

/// @file
/// Runs a child process to completion and captures what it prints.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

namespace retort {

/// How to start a child process.
struct ProcessOptions {
  /// Where the child starts; empty means the current directory.
  std::filesystem::path working_directory;
  /// Bytes written to the child's standard input; none means `/dev/null`.
  std::optional<std::string> standard_input;
  /// Extra `NAME=value` entries added to the inherited environment.
  std::vector<std::string> extra_environment;
};

/// What a finished child process left behind.
struct ProcessResult {
  /// Its exit status, or 128 plus the signal number when a signal ended it.
  int exit_code = 0;
  /// Everything it wrote to standard output.
  std::string standard_output;
  /// Everything it wrote to standard error.
  std::string standard_error;
};

/// Runs `argv` (searched on `PATH`) with `options` and waits for it.
/// Returns its result, or an error when it could not be started.
///
/// ```cpp
/// auto result = retort::run_process({"git", "--version"});
/// ```
llvm::Expected<ProcessResult> run_process(const std::vector<std::string>& argv,
                                          const ProcessOptions& options = {});

/// Returns the inherited environment with the `NAME=value` entries of `extra` added,
/// each replacing an inherited entry of the same name.
std::vector<std::string> environment_with(const std::vector<std::string>& extra);

/// Returns pointers to the characters of each of `strings`, then a null pointer: the
/// `argv`/`envp` form that exec and posix_spawn take. They live as long as `strings`.
std::vector<char*> c_strings(std::vector<std::string>& strings);

}  // namespace retort
