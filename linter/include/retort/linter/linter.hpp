#pragma once

/// @file
/// `retort lint`: parses each translation unit of the compilation database once,
/// runs every enabled check on it, and reports findings in project files only.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "retort/core/diagnostic.hpp"
#include "retort/core/rule.hpp"
#include "retort/core/source_texts.hpp"
#include "retort/linter/check.hpp"
#include "retort/linter/settings.hpp"

namespace clang::tooling {
class CompilationDatabase;
}

namespace retort::lint {

/// Returns every registered check, in the registry's order.
const std::vector<std::unique_ptr<Check>>& registered_checks();

/// Returns the check with `id`, or nullptr.
const Check* find_check(std::string_view id);

/// Returns the rules of every check (and of parse errors), for SARIF.
RuleCatalog lint_rules();

/// Returns the text `retort lint explain <id>` prints for `check`.
std::string explain(const Check& check);

/// Returns the Markdown page listing every check with its explanation and params
/// (`docs/lint-checks.md`, printed by `retort lint docs`).
std::string checks_markdown();

/// Returns the CONFIGURATION OPTIONS section for the check `info` describes: the
/// `.retort.yaml` entry with every setting and param at its default, and how to
/// silence one finding.
std::string configuration_text(const CheckInfo& info);

/// One `retort lint` run.
struct LintRequest {
  /// The translation units to parse (source files of the compilation database).
  std::vector<std::filesystem::path> translation_units;
  /// The database that knows how to compile them.
  const clang::tooling::CompilationDatabase* database = nullptr;
  /// Only files below this directory are reported.
  std::filesystem::path project_root;
  /// Paths in diagnostics are shown relative to this directory.
  std::filesystem::path display_root;
  /// Worker threads; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// Called after each translation unit (from one thread at a time), so a long run
  /// can say how far it is; may be empty.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
  /// Which checks run, with which params, severity and priority.
  LintSettings settings;
  /// The result cache's root (usually `<project>/.retort/cache`); empty disables it.
  std::filesystem::path cache_root;
  /// Files read with another text than the disk's: with `--staged`, the index's.
  SourceTexts replaced_texts;
};

/// What a run found.
struct LintRun {
  /// Findings, sorted by file and line, each reported once.
  std::vector<Diagnostic> diagnostics;
  /// The project files that were checked (main files and included headers).
  std::size_t files_checked = 0;
  /// Translation units parsed in this run.
  std::size_t units_parsed = 0;
  /// Translation units whose findings were replayed from the cache.
  std::size_t units_cached = 0;
  /// Vendored folders left out (set by the caller that chose the units).
  std::size_t vendored_folders_skipped = 0;
  /// Safe fixes applied before this run (`--fix`), and the files they changed.
  std::size_t fixes_applied = 0;
  /// The files those fixes changed.
  std::size_t files_fixed = 0;
};

/// Lints `request.translation_units` in parallel. Code that does not parse yields
/// `lint/parse-error` diagnostics; the other units are still linted.
LintRun lint(const LintRequest& request);

}  // namespace retort::lint
