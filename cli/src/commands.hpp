#pragma once

// The `retort` command line: argument parsing and dispatch only. Each command's work
// lives in its tool library.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "retort/core/config.hpp"
#include "retort/core/git.hpp"
#include "retort/core/reporters.hpp"
#include "retort/coverage/project_cover.hpp"
#include "retort/docgen/project_grade.hpp"
#include "retort/formatter/project_format.hpp"
#include "retort/linter/project_lint.hpp"
#include "retort/testrunner/project_test.hpp"
#include "retort/typecheck/project_typecheck.hpp"

namespace retort::cli {

/// Where a command run as a step of `ensure-consistency` puts what it would print:
/// its human report, shown when the step ends, and its findings, which go into the
/// gate's one document. Commands run alone print instead.
struct StepSink {
  /// The human report (text, no colour).
  std::ostringstream human;
  /// The findings and the run they came from.
  ToolFindings findings;
};

/// Options every subcommand shares.
struct GlobalOptions {
  /// `-C DIR`: run as if started in DIR.
  std::filesystem::path directory = ".";
  /// `--color auto|always|never`.
  std::string color = "auto";

  /// Returns whether text output may be coloured.
  bool use_color() const;
  /// Returns whether text written to file descriptor `fd` may be coloured.
  bool use_color_on(int fd) const;
};

/// `retort format`'s options.
struct FormatCommandOptions {
  /// What the library's run is asked (its mode comes from the two flags below).
  format::ProjectFormatOptions run;
  bool is_check = false;
  bool is_diff = false;
  bool is_stdin = false;
  std::string assume_filename;
  std::string report_format = "text";
  bool is_print_style = false;
  // Set when the command runs as a step of ensure-consistency.
  StepSink* step = nullptr;
};

/// `retort ensure-consistency`'s options.
struct EnsureConsistencyOptions {
  ChangeScope changes;
  std::vector<std::string> only_steps;
  std::string report_format = "text";
  std::filesystem::path output_file;
  std::filesystem::path junit_file;
};

/// `retort lint`'s options.
struct LintCommandOptions {
  /// What the library's run is asked.
  lint::ProjectLintOptions run;
  std::string report_format = "text";
  std::string explained_subject;
  std::filesystem::path write_baseline;
  bool is_printing_stats = false;
  // Set when the command runs as a step of ensure-consistency.
  StepSink* step = nullptr;
};

/// Runs `retort lint` for `project`.
int run_lint(const Project& project, const LintCommandOptions& options,
             const GlobalOptions& global);

/// Adds `retort lint` (with `list` and `explain`) to `app`.
void add_lint_command(CLI::App& app, LintCommandOptions& options, std::function<int()>& action,
                      const GlobalOptions& global);

/// `retort test`'s options.
struct TestCommandOptions {
  /// What the library's run is asked.
  testrunner::ProjectTestOptions run;
  std::size_t slowest = 0;
  std::filesystem::path junit_file;
  std::filesystem::path json_file;
  bool is_verbose = false;
  bool is_listing = false;
  std::string report_format = "text";
  // Set by `retort cover` when its own report takes standard output.
  bool is_progress_on_stderr = false;
  // Set when the command runs as a step of ensure-consistency.
  StepSink* step = nullptr;
};

/// Runs `retort test` for `project`.
int run_test(const Project& project, const TestCommandOptions& options,
             const GlobalOptions& global);

/// Adds `retort test` to `app`.
void add_test_command(CLI::App& app, TestCommandOptions& options, std::function<int()>& action,
                      const GlobalOptions& global);

/// `retort cover`'s options.
struct CoverCommandOptions {
  /// What the library's collection and gates are asked.
  coverage::ProjectCoverOptions run;
  /// The report files to write.
  coverage::CoverReportFiles reports;
  bool is_skipping_tests = false;
  std::string partition;
  bool is_detailed = false;
  std::string filter;
  std::string report_format = "text";
  // Set when the command runs as a step of ensure-consistency.
  StepSink* step = nullptr;
};

/// Runs `retort cover` for `project`.
int run_cover(const Project& project, const CoverCommandOptions& options,
              const GlobalOptions& global);

/// Adds `retort cover` to `app`.
void add_cover_command(CLI::App& app, CoverCommandOptions& options, std::function<int()>& action,
                       const GlobalOptions& global);

/// `retort doc-grade`'s options.
struct DocGradeCommandOptions {
  /// What the library's run is asked.
  doc::ProjectGradeOptions run;
  bool is_all = false;
  std::string report_format = "text";
  std::filesystem::path lcov_file;
  std::string explained_symbol;
  // Set when the command runs as a step of ensure-consistency.
  StepSink* step = nullptr;
};

/// Runs `retort doc-grade` for `project`.
int run_doc_grade(const Project& project, const DocGradeCommandOptions& options,
                  const GlobalOptions& global);

/// Adds `retort doc-grade` (with `explain`) to `app`.
void add_doc_grade_command(CLI::App& app, DocGradeCommandOptions& options,
                           std::function<int()>& action, const GlobalOptions& global);

/// `retort typecheck`'s options.
struct TypecheckCommandOptions {
  /// What the library's run is asked.
  typecheck::ProjectTypecheckOptions run;
  std::string report_format = "text";
  std::string explained_warning;
  /// `--write-baseline FILE`: records every warning instead of reporting.
  std::filesystem::path write_baseline;
  // Set when the command runs as a step of ensure-consistency.
  StepSink* step = nullptr;
};

/// Runs `retort typecheck` for `project`.
int run_typecheck(const Project& project, const TypecheckCommandOptions& options,
                  const GlobalOptions& global);

/// Adds `retort typecheck` (with `explain`) to `app`.
void add_typecheck_command(CLI::App& app, TypecheckCommandOptions& options,
                           std::function<int()>& action, const GlobalOptions& global);

/// `retort install-hook`'s options.
struct InstallHookOptions {
  bool is_forced = false;
};

/// Every command's options, alive while the command line is parsed and run.
struct CommandOptions {
  /// `retort format`'s.
  FormatCommandOptions format;
  /// `retort ensure-consistency`'s.
  EnsureConsistencyOptions ensure;
  /// `retort install-hook`'s.
  InstallHookOptions hook;
  /// `retort lint`'s.
  LintCommandOptions lint;
  /// `retort test`'s.
  TestCommandOptions test;
  /// `retort cover`'s.
  CoverCommandOptions cover;
  /// `retort doc-grade`'s.
  DocGradeCommandOptions doc_grade;
  /// `retort typecheck`'s.
  TypecheckCommandOptions typecheck;
};

/// Adds an executable's subcommands to `app`; each sets `action` when chosen.
using CommandAdder = void (*)(CLI::App& app, CommandOptions& options, std::function<int()>& action,
                              const GlobalOptions& global);

/// Adds every subcommand (the `retort-clang` executable).
void add_every_command(CLI::App& app, CommandOptions& options, std::function<int()>& action,
                       const GlobalOptions& global);

/// Adds `retort test` and `retort cover`, which need no Clang (the `retort` executable,
/// which hands every other command to `retort-clang`).
void add_test_commands(CLI::App& app, CommandOptions& options, std::function<int()>& action,
                       const GlobalOptions& global);

/// Runs the command line with the subcommands `add_commands` adds; returns the process
/// exit code.
int run(int argc, char** argv, CommandAdder add_commands);

/// Adds `retort format` to `app`; `action` is set to the command to run.
void add_format_command(CLI::App& app, FormatCommandOptions& options, std::function<int()>& action,
                        const GlobalOptions& global);
/// Runs `retort format` for `project`.
int run_format(const Project& project, const FormatCommandOptions& options,
               const GlobalOptions& global);

/// Adds `retort ensure-consistency` to `app`.
void add_ensure_consistency_command(CLI::App& app, EnsureConsistencyOptions& options,
                                    std::function<int()>& action, const GlobalOptions& global);

/// Adds `retort config` (with `defaults`) to `app`.
void add_config_command(CLI::App& app, std::function<int()>& action);

/// Adds `retort install-hook` to `app`.
void add_install_hook_command(CLI::App& app, InstallHookOptions& options,
                              std::function<int()>& action, const GlobalOptions& global);

/// Returns the context a reporter needs for `tool`'s run that began at `start`.
ReportContext make_report_context(std::string tool, RuleCatalog rules, std::size_t files_checked,
                                  std::chrono::steady_clock::time_point start,
                                  const GlobalOptions& global);

/// Hands a command's findings to its step when it runs as one, with its text report
/// for the step's human report; otherwise writes them in `format` to `out`.
void deliver_findings(StepSink* step, ReportFormat format,
                      const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                      std::ostream& out);

/// Adds `--since REV` and `--staged` to `command`, into `scope`; `what` says what
/// they narrow, e.g. "Report only findings on the lines changed".
void add_change_options(CLI::App& command, ChangeScope& scope, const std::string& what);

/// Returns the report format named `name`, or throws a CLI11 validation error.
ReportFormat report_format_or_throw(const std::string& name);

/// Loads the project that holds `global.directory`; a bad config is a usage error.
llvm::Expected<Project> load_project_for(const GlobalOptions& global);

/// What a command runs on its loaded project: the tool's run and its report; returns
/// the exit code.
using ProjectRun = std::function<int(const Project& project)>;

/// Returns the action every project command shares: load the project (a bad
/// `.retort.yaml` is exit 2), run `run` on it, exit with its code.
std::function<int()> project_action(const GlobalOptions& global, ProjectRun run);

/// Makes `command`, once parsed, set `action` to `project_action(global, run)`.
void on_project(CLI::App& command, std::function<int()>& action, const GlobalOptions& global,
                ProjectRun run);

}  // namespace retort::cli
