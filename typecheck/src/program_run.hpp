#pragma once

// One run of the checker over a project: what it reads the units with, and how one
// version of the program (its units' summaries) is judged. A run judges two versions
// when it is asked for what a change brought (`before_change.cpp`).

#include <cstddef>
#include <filesystem>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/compile_commands.hpp"
#include "retort/core/config.hpp"
#include "retort/core/source_files.hpp"
#include "retort/core/source_texts.hpp"
#include "retort/typecheck/project_typecheck.hpp"
#include "unit_summaries.hpp"

namespace retort::typecheck {

// What every part of one run reads the project with.
struct RunContext {
  const Project& project;
  const ProjectTypecheckOptions& options;
  const CompileCommands& commands;
  const FileSelection& selection;
  const ProjectPath& project_path;
  // The database's units in the project's files, not left out.
  std::vector<std::filesystem::path> units;
  // Where summaries are cached; empty with `--no-cache`.
  std::filesystem::path cache_root;
};

// What one version of the program is judged to have.
struct Judgement {
  // Its warnings and its units' parse errors, ordered, suppressions applied.
  std::vector<Diagnostic> warnings;
  std::size_t unresolved_sends = 0;
  // Each actor and send site once (headers repeat them).
  std::size_t actors = 0, sends = 0;
  std::size_t units_not_compiling = 0;
};

// Judges the program `outcomes` make, whose files read as `texts` has them (may be
// null: as on disk) for their suppression comments.
Judgement judge_program(const RunContext& context, const std::vector<const UnitOutcome*>& outcomes,
                        const SourceTexts* texts);

// Returns `warnings` (the program's now, read as `texts_now` has it) without those
// the program already had before the change `context.options.changes` names: the
// units that read a changed file are summarised as they were, the others are the
// same in both.
llvm::Expected<std::vector<Diagnostic>> warnings_the_change_brought(
    const RunContext& context, std::vector<Diagnostic> warnings,
    const std::vector<UnitOutcome>& outcomes, const SourceTexts& texts_now);

}  // namespace retort::typecheck
