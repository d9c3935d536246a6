#include "lint_command.hpp"

#include <chrono>
#include <iostream>
#include <regex>

#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "progress.hpp"
#include "retort/core/baseline.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/linter/project_lint.hpp"

namespace retort::cli {

namespace fs = std::filesystem;

lint::ProjectLintOptions project_lint_options(const LintCommandOptions& options) {
  lint::ProjectLintOptions lint = options.run;
  // As a step of the gate, the board shows that the step is running.
  if (!options.step) lint.on_progress = progress_printer("lint", "translation units");
  return lint;
}

namespace {

// `--write-baseline FILE`: every finding, ungated, recorded.
int write_baseline(const Project& project, const LintCommandOptions& options) {
  auto run = lint::lint_project(project, project_lint_options(options), nullptr);
  if (!run) return report_error(run.takeError(), llvm::errs());
  if (auto error = Baseline::write(options.write_baseline, "lint", run->diagnostics, project.root))
    return report_error(std::move(error), llvm::errs());
  std::cout << "Wrote " << run->diagnostics.size() << " finding(s) to "
            << options.write_baseline.string() << "; `retort lint --baseline "
            << options.write_baseline.string() << "` now reports only new ones.\n";
  return exit_clean;
}

void print_run_notes(const lint::LintRun& run, const LintCommandOptions& options) {
  if (run.fixes_applied > 0)
    std::cerr << "retort: applied " << run.fixes_applied << " fix(es) in " << run.files_fixed
              << " file(s)\n";
  if (options.is_printing_stats)
    std::cerr << "lint: " << run.units_parsed << " translation unit(s) parsed, " << run.units_cached
              << " replayed from the cache\n";
}

}  // namespace

int run_lint(const Project& project, const LintCommandOptions& options,
             const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat report_format = report_format_or_throw(options.report_format);
  if (!options.write_baseline.empty()) return write_baseline(project, options);
  auto linted = lint::run_project_lint(project, project_lint_options(options));
  if (!linted) return report_error(linted.takeError(), llvm::errs());
  print_run_notes(linted->run, options);
  auto context =
      make_report_context("lint", lint::lint_rules(), linted->run.files_checked, start, global);
  context.vendored_folders_skipped = linted->run.vendored_folders_skipped;
  deliver_findings(options.step, report_format, linted->gated, context, std::cout);
  if (linted->hidden_low_priority > 0 && (report_format == ReportFormat::text || options.step))
    (options.step ? options.step->human : std::cout)
        << "(" << linted->hidden_low_priority
        << " low-priority finding(s) not shown; `retort lint --strict` shows them.)\n";
  return has_findings(linted->gated) ? exit_findings : exit_clean;
}

namespace {

int list_checks() {
  for (const auto& check : lint::registered_checks()) {
    const auto& info = check->info();
    std::cout << priority_arrow(info.priority) << " " << info.id << "  " << info.summary << "\n";
  }
  return exit_clean;
}

int explain_check(const std::string& id) {
  const lint::Check* check = lint::find_check(id);
  if (check == nullptr) {
    std::cerr << "retort: error: no check '" << id << "'; `retort lint list` shows them all\n";
    return exit_usage;
  }
  std::cout << lint::explain(*check);
  return exit_clean;
}

int explain(const std::string& subject, const LintCommandOptions& options,
            const GlobalOptions& global) {
  static const std::regex location_pattern(R"(^(.+?):([0-9]+)(?::([0-9]+))?$)");
  std::smatch match;
  if (!std::regex_match(subject, match, location_pattern)) return explain_check(subject);
  auto project = load_project_for(global);
  if (!project) return report_error(project.takeError(), llvm::errs());
  SourcePosition position{static_cast<unsigned>(std::stoul(match[2])),
                          match[3].matched ? static_cast<unsigned>(std::stoul(match[3])) : 0u};
  return explain_findings_at(*project, options, match[1].str(), position);
}

}  // namespace

void add_lint_command(CLI::App& app, LintCommandOptions& options, std::function<int()>& action,
                      const GlobalOptions& global) {
  CLI::App* command =
      app.add_subcommand("lint", "Lint C++ with checks that explain why they matter");
  command->add_option("paths", options.run.paths,
                      "Files or directories (default: the whole project)");
  command->add_option("-p", options.run.build_directory, "Directory holding compile_commands.json")
      ->type_name("DIR");
  command->add_option("-j,--jobs", options.run.jobs,
                      "Translation units linted in parallel (default: all cores)");
  command->add_option("--format", options.report_format, "Report format: " + report_format_names());
  command->add_flag("--strict", options.run.is_strict, "Also report low-priority findings");
  add_change_options(*command, options.run.changes, "Report only findings on the lines changed");
  command->add_option("--baseline", options.run.baseline,
                      "Report only findings not recorded in this baseline file");
  command->add_option("--write-baseline", options.write_baseline,
                      "Record every current finding in this file and exit 0");
  command->add_flag("--fix", options.run.is_fixing,
                    "Apply the safe fixes, then lint again (files are written atomically)");
  command->add_flag("--stats", options.is_printing_stats,
                    "Print how many translation units were parsed and how many replayed");
  command->add_flag("--no-cache", options.run.is_cache_disabled,
                    "Parse every translation unit instead of replaying unchanged ones");
  CLI::App* list =
      command->add_subcommand("list", "List every check with its priority and summary");
  CLI::App* explain_command = command->add_subcommand(
      "explain", "Explain a check, or the findings at FILE:LINE[:COL], and how to configure it");
  explain_command
      ->add_option("subject", options.explained_subject,
                   "A check id (readability/function-length) or a place (src/a.cpp:12:5)")
      ->required();
  CLI::App* docs = command->add_subcommand(
      "docs", "Print the Markdown page of every check (docs/lint-checks.md)");
  docs->callback([&] {
    action = [] {
      std::cout << lint::checks_markdown();
      return exit_clean;
    };
  });
  list->callback([&] { action = [] { return list_checks(); }; });
  explain_command->callback(
      [&] { action = [&] { return explain(options.explained_subject, options, global); }; });
  command->callback([&, list, explain_command, docs] {
    if (list->parsed() || explain_command->parsed() || docs->parsed()) return;
    action = project_action(
        global, [&](const Project& project) { return run_lint(project, options, global); });
  });
}

}  // namespace retort::cli
