#pragma once

/// @file
/// `retort doc-grade` as a library call: a project's headers chosen (the files and
/// doc settings, the requested paths, a change's headers), their public API extracted
/// and graded, and the gates applied, the options merged with `.retort.yaml` here.
/// Nothing is printed: the command reports what this returns.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/config.hpp"
#include "retort/core/git.hpp"
#include "retort/docgen/extract.hpp"
#include "retort/docgen/gates.hpp"
#include "retort/docgen/report.hpp"

namespace retort::doc {

/// What a doc-grade run of a project is asked to do: the command line's flags; what
/// they leave unset comes from `.retort.yaml`.
struct ProjectGradeOptions {
  /// Headers or folders to grade; empty grades the whole project.
  std::vector<std::filesystem::path> paths;
  /// The folder holding `compile_commands.json`; empty finds it as clangd does, and
  /// without one the headers are parsed with `doc.flags`.
  std::filesystem::path build_directory;
  /// `--since REV` or `--staged`: only the changed headers, and of them only the
  /// symbols declared on changed lines.
  ChangeScope changes;
  /// The worst grade allowed (`A`, `B`, `C` or `none`); empty takes `doc.min_grade`.
  std::string min_grade;
  /// The least share graded B or better, in percent; unset takes `doc.fail_under`.
  std::optional<double> fail_under;
  /// Worker threads; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// Neither read nor update `.retort/cache`.
  bool is_cache_disabled = false;
};

/// A graded and gated run.
struct ProjectGrade {
  /// What extraction found; its symbols are moved into `graded`.
  Extraction extraction;
  /// The graded symbols (with a change, those declared on changed lines).
  std::vector<GradedSymbol> graded;
  /// The gates as the options and `.retort.yaml` set them.
  GateSettings settings;
  /// What fails them; its pointers point into `graded`.
  GateResult gates;
  /// The failed gates and the headers that do not compile, as findings.
  std::vector<Diagnostic> diagnostics;

  /// Returns how many headers were graded, parsed or replayed from the cache.
  std::size_t headers_checked() const;
  /// Returns 0 when the gates pass and every header compiles, 1 otherwise.
  int exit_code() const;
};

/// Grades `project` as `retort doc-grade` does. Returns a `UsageError` for a path
/// that does not exist, a `min_grade` that is not a grade, or a bad revision.
llvm::Expected<ProjectGrade> run_project_grade(const Project& project,
                                               const ProjectGradeOptions& options);

}  // namespace retort::doc
