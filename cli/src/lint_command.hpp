#pragma once

// `retort lint`'s pieces shared between its files: linting a project
// (lint_command.cpp) and explaining the findings at one place (lint_explain.cpp).

#include <string>

#include "commands.hpp"
#include "retort/linter/linter.hpp"

namespace retort::cli {

/// Lints `project` as `retort lint` would (settings, cache, `--fix`), before any
/// gating by baseline, `--since` or priority; with `changes` (may be null), its
/// files read as the changes have them (`--staged`: as the index does).
llvm::Expected<lint::LintRun> lint_project(const Project& project,
                                           const LintCommandOptions& options,
                                           const Changes* changes);

/// Prints every finding at `file`:`position.line` (and at `position.column` when it
/// is not 0); returns the exit code.
int explain_findings_at(const Project& project, const LintCommandOptions& options,
                        const std::string& file, SourcePosition position);

}  // namespace retort::cli
