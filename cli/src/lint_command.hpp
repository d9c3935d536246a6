#pragma once

// `retort lint`'s pieces shared between its files: linting a project
// (lint_command.cpp) and explaining the findings at one place (lint_explain.cpp).

#include <string>

#include "commands.hpp"
#include "retort/linter/project_lint.hpp"

namespace retort::cli {

/// Returns the library's options for `options` (progress on a terminal unless a step).
lint::ProjectLintOptions project_lint_options(const LintCommandOptions& options);

/// Prints every finding at `file`:`position.line` (and at `position.column` when it
/// is not 0); returns the exit code.
int explain_findings_at(const Project& project, const LintCommandOptions& options,
                        const std::string& file, SourcePosition position);

}  // namespace retort::cli
