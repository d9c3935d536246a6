#pragma once

/// @file
/// `retort lint` as library calls: a project's translation units chosen, linted (with
/// the cache, `--fix`, and `--staged`'s texts) and gated (baseline, changed lines,
/// priority), its options merged with `.retort.yaml` here. Nothing is printed: the
/// command reports what these return.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/config.hpp"
#include "retort/core/git.hpp"
#include "retort/linter/linter.hpp"

namespace retort::lint {

/// What a lint run of a project is asked to do: the command line's flags; what they
/// leave unset comes from `.retort.yaml`.
struct ProjectLintOptions {
  /// Files or folders to lint; empty lints the whole project.
  std::vector<std::filesystem::path> paths;
  /// The folder holding `compile_commands.json`; empty finds it as clangd does.
  std::filesystem::path build_directory;
  /// Worker threads; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// Also gate on low-priority findings (or `lint.strict`).
  bool is_strict = false;
  /// `--since REV` or `--staged`: only findings on changed lines, files read as the
  /// change has them.
  ChangeScope changes;
  /// A baseline whose findings are not gated on (or `lint.baseline`).
  std::filesystem::path baseline;
  /// Apply the safe fixes, then lint again.
  bool is_fixing = false;
  /// Neither read nor update `.retort/cache`.
  bool is_cache_disabled = false;
  /// Called after each translation unit; may be empty.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
};

/// A gated run.
struct ProjectLint {
  /// The run, with `diagnostics` holding every finding before gating.
  LintRun run;
  /// The findings it gates on: new against the baseline, on changed lines, and of
  /// normal priority or above unless strict.
  std::vector<Diagnostic> gated;
  /// How many low-priority findings were left out of `gated`.
  std::size_t hidden_low_priority = 0;
};

/// Lints `project` as `retort lint` does, before any gating; with `changes` (may be
/// null) its files are read as the change has them. Returns a `UsageError` for a
/// path that does not exist or a bad setting.
llvm::Expected<LintRun> lint_project(const Project& project, const ProjectLintOptions& options,
                                     const Changes* changes);

/// Lints `project` and gates the findings. `--fix` with `--staged` is a `UsageError`:
/// the fixes would be written to files whose staged text was linted.
llvm::Expected<ProjectLint> run_project_lint(const Project& project,
                                             const ProjectLintOptions& options);

}  // namespace retort::lint
