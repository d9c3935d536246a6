#pragma once

/// @file
/// `retort typecheck` as a library call: every translation unit of the project's
/// compilation database parsed once and summarised, then the summaries linked and
/// the warnings decided (`analysis.hpp`), then gated by a baseline and, for a change,
/// by what the program had before it. Nothing is printed.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/config.hpp"
#include "retort/core/diagnostic.hpp"
#include "retort/core/git.hpp"

namespace retort::typecheck {

/// What a typecheck run of a project is asked to do.
struct ProjectTypecheckOptions {
  /// The folder holding `compile_commands.json`; empty finds it as clangd does.
  std::filesystem::path build_directory;
  /// Worker threads; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// Parses every unit again instead of replaying the summaries of unchanged ones
  /// from `.retort/cache/typecheck`.
  bool is_cache_disabled = false;
  /// Reports the sends whose receiver could not be determined (`unresolved-target`),
  /// as `typecheck.unresolved_target` does.
  bool reports_unresolved_targets = false;
  /// A baseline file (`--baseline`, else `typecheck.baseline`): the warnings it
  /// records are not reported.
  std::filesystem::path baseline;
  /// `--since REV` or `--staged`: only the warnings the change brought, the program
  /// before it judged too (`--staged` reads the index's text of the files an
  /// unstaged edit has changed).
  ChangeScope changes;
};

/// A checked project.
struct ProjectTypecheck {
  /// The warnings, the `parse-error`s of units that do not compile and, when asked
  /// for, `unresolved-target` notes.
  std::vector<Diagnostic> warnings;
  /// How many translation units were summarised.
  std::size_t units_checked = 0;
  /// How many of them were replayed from the cache, unparsed.
  std::size_t units_cached = 0;
  /// How many actors and send sites the summaries hold (each once).
  std::size_t actors = 0, sends = 0, unresolved_sends = 0;
  /// How many units did not compile: their errors are `parse-error` findings, their
  /// summaries may miss sends (never add a wrong warning), and what is never sent is
  /// not judged.
  std::size_t units_not_compiling = 0;

  /// Returns 1 when there are warnings (notes do not count), 0 otherwise.
  int exit_code() const;
};

/// Type-checks `project`'s messages. Returns a `UsageError` when it has no
/// compilation database.
llvm::Expected<ProjectTypecheck> run_project_typecheck(const Project& project,
                                                       const ProjectTypecheckOptions& options);

}  // namespace retort::typecheck
