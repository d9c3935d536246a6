#pragma once

/// @file
/// `retort format` as a library call: a project's source files chosen (the files
/// settings, vendored folders, the requested paths), read as a change has them
/// (`--since`, `--staged`), formatted, checked or diffed. Nothing is printed: the
/// command reports what this returns.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/config.hpp"
#include "retort/core/git.hpp"
#include "retort/formatter/formatter.hpp"

namespace retort::format {

/// What a format run of a project is asked to do: the command line's flags; the
/// style comes from `.retort.yaml`.
struct ProjectFormatOptions {
  /// Files or folders to format; empty formats the whole project.
  std::vector<std::filesystem::path> paths;
  /// Write the files, or only check or diff them.
  FormatMode mode = FormatMode::in_place;
  /// `--since REV` or `--staged`: only the changed lines, files read as the change
  /// has them.
  ChangeScope changes;
  /// Worker threads; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// Neither read nor update `.retort/cache`.
  bool is_cache_disabled = false;
  /// Called after each file; may be empty.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
};

/// A project's format run.
struct ProjectFormat {
  /// Each file's result and the findings.
  FormatRun run;
  /// How many files were formatted or checked.
  std::size_t files_checked = 0;
  /// How many vendored folders the project's files settings left out.
  std::size_t vendored_folders_skipped = 0;
  /// Requested paths left alone because they are not C or C++ by their extension.
  std::vector<std::filesystem::path> left_alone;

  /// Returns the command's exit code: 3 when a file would have changed meaning, 1 on
  /// findings, 0 otherwise.
  int exit_code() const;
};

/// Formats `project`'s files as `retort format` does. Returns a `UsageError` for a
/// path that does not exist, a bad revision, or `--staged` in place (writing the
/// index's text back would undo unstaged edits).
llvm::Expected<ProjectFormat> run_project_format(const Project& project,
                                                 const ProjectFormatOptions& options);

}  // namespace retort::format
