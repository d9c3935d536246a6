#pragma once

/// @file
/// The exit-code contract every `retort` command honours. CI systems and pre-commit
/// hooks depend on these values, so they change only deliberately.

namespace retort {

/// Process exit codes shared by every `retort` subcommand.
enum ExitCode : int {
  /// Nothing to report: the code is clean or the command succeeded.
  exit_clean = 0,
  /// The tool ran and found problems (unformatted files, lint findings, failing tests).
  exit_findings = 1,
  /// The command line or `.retort.yaml` is wrong; nothing was run.
  exit_usage = 2,
  /// retort itself failed (for example the formatter would have changed the code's
  /// meaning); nothing was written.
  exit_internal = 3,
  /// `retort test`: no test matched the filters.
  exit_no_tests = 4,
  /// Stopped by Ctrl-C (128 + SIGINT, as shells report it).
  exit_interrupted = 130,
};

}  // namespace retort
