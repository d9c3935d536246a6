#include "lint_command.hpp"

#include <chrono>
#include <iostream>
#include <regex>
#include <set>

#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "progress.hpp"
#include "retort/core/baseline.hpp"
#include "retort/core/compile_commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/fix_its.hpp"
#include "retort/core/git.hpp"
#include "retort/core/result_cache.hpp"
#include "retort/core/source_files.hpp"
#include "retort/linter/linter.hpp"

namespace retort::cli {
namespace {

namespace fs = std::filesystem;

// The database's source files inside the project and inside the requested paths;
// excluded and vendored ones only when named.
std::vector<fs::path> units_to_lint(const CompileCommands& commands, const Project& project,
                                    const FileSelection& selection,
                                    const std::vector<fs::path>& requested) {
  std::vector<fs::path> units;
  LeftOutFiles left_out(selection);
  for (const auto& file : commands.source_files()) {
    fs::path absolute = file.lexically_normal();
    if (!is_inside(absolute, project.root)) continue;
    bool is_named = false;
    for (const auto& path : requested)
      is_named |= absolute == fs::absolute(path).lexically_normal() ||
                  is_inside(absolute, fs::absolute(path));
    bool is_chosen = requested.empty() && !left_out.contains(display_path(absolute, project.root));
    if (is_named || is_chosen) units.push_back(absolute);
  }
  return units;
}

// Drops what this run does not gate on: findings in the baseline, findings off the
// changed lines, and low priorities unless strict.
llvm::Expected<std::vector<Diagnostic>> gated_findings(std::vector<Diagnostic> diagnostics,
                                                       const Project& project,
                                                       const LintCommandOptions& options,
                                                       const Changes* changes,
                                                       std::size_t& hidden_count) {
  fs::path baseline_path = options.baseline;
  if (baseline_path.empty() && !project.config.string("lint.baseline").empty())
    baseline_path = project.root / project.config.string("lint.baseline");
  if (!baseline_path.empty()) {
    auto baseline = Baseline::read(baseline_path);
    if (!baseline) return baseline.takeError();
    diagnostics = baseline->new_findings(std::move(diagnostics), project.root,
                                         changes ? &changes->texts : nullptr);
  }
  if (changes) {
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      return !is_changed_line(changes->lines, project.root / d.range.file, d.range.begin.line);
    });
  }
  if (!options.is_strict && !project.config.boolean("lint.strict")) {
    hidden_count = std::erase_if(diagnostics, [](const Diagnostic& d) {
      return d.priority == Priority::low || d.priority == Priority::ignore;
    });
  }
  return diagnostics;
}

// Applies the safe fixes, then lints again. A fix that leaves a file that no longer
// compiles is undone, whatever the reason, so --fix never makes things worse.
llvm::Expected<lint::LintRun> fix_and_relint(const lint::LintRequest& request, lint::LintRun run,
                                             const Project& project) {
  auto applied = apply_fixes(run.diagnostics, project.root);
  if (!applied) return applied.takeError();
  if (applied->fix_count == 0) return run;
  lint::LintRun after = lint::lint(request);
  for (const auto& [file, original] : applied->originals) {
    bool is_broken =
        std::any_of(after.diagnostics.begin(), after.diagnostics.end(), [&](const Diagnostic& d) {
          return d.check_id == "lint/parse-error" && d.range.file == file;
        });
    if (!is_broken) continue;
    if (auto error = write_file_atomically(project.root / file, original)) return std::move(error);
    return internal_error("the fixes for " + file +
                          " made it fail to compile, so they were undone; please report this");
  }
  std::cerr << "retort: applied " << applied->fix_count << " fix(es) in "
            << applied->originals.size() << " file(s)\n";
  return after;
}

// A linted file can include an excluded or vendored header: what is found there is
// not reported, unless that header (or a folder above it) was named on the command
// line.
void drop_excluded_files(std::vector<Diagnostic>& diagnostics, const Project& project,
                         const FileSelection& selection, const std::vector<fs::path>& named_paths) {
  std::vector<fs::path> named;
  for (const auto& path : named_paths) named.push_back(fs::absolute(path).lexically_normal());
  LeftOutFiles left_out(selection);
  std::erase_if(diagnostics, [&](const Diagnostic& diagnostic) {
    fs::path file = (project.root / diagnostic.range.file).lexically_normal();
    bool is_named = std::any_of(named.begin(), named.end(), [&](const fs::path& path) {
      return file == path || is_inside(file, path);
    });
    return !is_named && left_out.contains(diagnostic.range.file);
  });
}

// The changes `--since` or `--staged` name; `--fix` cannot go with `--staged`, whose
// texts are the index's, not the files it would write.
llvm::Expected<std::optional<Changes>> changes_to_lint(const Project& project,
                                                       const LintCommandOptions& options) {
  if (options.changes.is_staged && options.is_fixing)
    return usage_error(
        "--fix writes the working tree; --staged checks the index: use one of "
        "them");
  return read_changes(project.root, options.changes);
}

}  // namespace

llvm::Expected<lint::LintRun> lint_project(const Project& project,
                                           const LintCommandOptions& options,
                                           const Changes* changes) {
  auto settings = lint::LintSettings::from_config(project.config);
  if (!settings) return settings.takeError();
  std::optional<fs::path> build_directory;
  if (!options.build_directory.empty()) build_directory = options.build_directory;
  auto commands = CompileCommands::discover(project.root, build_directory);
  if (!commands) return commands.takeError();
  for (const auto& path : options.paths) {
    if (!fs::exists(path)) return usage_error("no such file or directory: '" + path.string() + "'");
  }
  auto selection = FileSelection::for_project(project.root, project.config);
  if (!selection) return selection.takeError();
  lint::LintRequest request;
  request.translation_units = units_to_lint(*commands, project, *selection, options.paths);
  request.database = &commands->clang_database();
  request.project_root = project.root;
  request.display_root = project.root;
  request.jobs = options.jobs;
  // As a step of the gate, the board shows that the step is running.
  if (!options.step) request.on_progress = progress_printer("lint", "translation units");
  request.settings = std::move(*settings);
  if (!options.is_cache_disabled) request.cache_root = ResultCache::default_root(project.root);
  if (changes) request.replaced_texts = changes->texts;
  lint::LintRun run = lint::lint(request);
  if (options.is_fixing) {
    auto fixed = fix_and_relint(request, std::move(run), project);
    if (!fixed) return fixed.takeError();
    run = std::move(*fixed);
  }
  drop_excluded_files(run.diagnostics, project, *selection, options.paths);
  run.vendored_folders_skipped = selection->vendored_folders.size();
  return run;
}

int run_lint(const Project& project, const LintCommandOptions& options,
             const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat report_format = report_format_or_throw(options.report_format);
  auto changes = changes_to_lint(project, options);
  if (!changes) return report_error(changes.takeError(), llvm::errs());
  const Changes* changed = *changes ? &**changes : nullptr;
  auto linted = lint_project(project, options, changed);
  if (!linted) return report_error(linted.takeError(), llvm::errs());
  lint::LintRun& run = *linted;
  if (options.is_printing_stats)
    std::cerr << "lint: " << run.units_parsed << " translation unit(s) parsed, " << run.units_cached
              << " replayed from the cache\n";
  if (!options.write_baseline.empty()) {
    if (auto error = Baseline::write(options.write_baseline, "lint", run.diagnostics, project.root))
      return report_error(std::move(error), llvm::errs());
    std::cout << "Wrote " << run.diagnostics.size() << " finding(s) to "
              << options.write_baseline.string() << "; `retort lint --baseline "
              << options.write_baseline.string() << "` now reports only new ones.\n";
    return exit_clean;
  }
  std::size_t hidden_count = 0;
  auto shown = gated_findings(std::move(run.diagnostics), project, options, changed, hidden_count);
  if (!shown) return report_error(shown.takeError(), llvm::errs());
  auto context = make_report_context("lint", lint::lint_rules(), run.files_checked, start, global);
  context.vendored_folders_skipped = run.vendored_folders_skipped;
  deliver_findings(options.step, report_format, *shown, context, std::cout);
  if (hidden_count > 0 && (report_format == ReportFormat::text || options.step))
    (options.step ? options.step->human : std::cout)
        << "(" << hidden_count
        << " low-priority finding(s) not shown; `retort lint --strict` shows them.)\n";
  return has_findings(*shown) ? exit_findings : exit_clean;
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
  command->add_option("paths", options.paths, "Files or directories (default: the whole project)");
  command->add_option("-p", options.build_directory, "Directory holding compile_commands.json")
      ->type_name("DIR");
  command->add_option("-j,--jobs", options.jobs,
                      "Translation units linted in parallel (default: all cores)");
  command->add_option("--format", options.report_format, "Report format: " + report_format_names());
  command->add_flag("--strict", options.is_strict, "Also report low-priority findings");
  add_change_options(*command, options.changes, "Report only findings on the lines changed");
  command->add_option("--baseline", options.baseline,
                      "Report only findings not recorded in this baseline file");
  command->add_option("--write-baseline", options.write_baseline,
                      "Record every current finding in this file and exit 0");
  command->add_flag("--fix", options.is_fixing,
                    "Apply the safe fixes, then lint again (files are written atomically)");
  command->add_flag("--stats", options.is_printing_stats,
                    "Print how many translation units were parsed and how many replayed");
  command->add_flag("--no-cache", options.is_cache_disabled,
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
    action = [&] {
      auto project = load_project_for(global);
      if (!project) return report_error(project.takeError(), llvm::errs());
      return run_lint(*project, options, global);
    };
  });
}

}  // namespace retort::cli
