#include <chrono>
#include <iostream>

#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "retort/core/compile_commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/source_files.hpp"
#include "retort/linter/linter.hpp"

namespace retort::cli {
namespace {

namespace fs = std::filesystem;

// The database's source files inside the project and inside the requested paths.
std::vector<fs::path> units_to_lint(const CompileCommands& commands, const Project& project,
                                    const std::vector<fs::path>& requested) {
  std::vector<fs::path> units;
  for (const auto& file : commands.source_files()) {
    fs::path absolute = file.lexically_normal();
    if (!is_inside(absolute, project.root)) continue;
    bool is_requested = requested.empty();
    for (const auto& path : requested)
      is_requested |= absolute == fs::absolute(path).lexically_normal() ||
                      is_inside(absolute, fs::absolute(path));
    if (is_requested) units.push_back(absolute);
  }
  return units;
}

}  // namespace

int run_lint(const Project& project, const LintCommandOptions& options,
             const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat report_format = report_format_or_throw(options.report_format);
  std::optional<fs::path> build_directory;
  if (!options.build_directory.empty()) build_directory = options.build_directory;
  auto commands = CompileCommands::discover(project.root, build_directory);
  if (!commands) return report_error(commands.takeError(), llvm::errs());
  for (const auto& path : options.paths) {
    if (!fs::exists(path))
      return report_error(usage_error("no such file or directory: '" + path.string() + "'"),
                          llvm::errs());
  }
  lint::LintRequest request;
  request.translation_units = units_to_lint(*commands, project, options.paths);
  request.database = &commands->clang_database();
  request.project_root = project.root;
  request.display_root = project.root;
  request.jobs = options.jobs;
  lint::LintRun run = lint::lint(request);

  auto context = make_report_context("lint", lint::lint_rules(), run.files_checked, start, global);
  write_report(report_format, run.diagnostics, context, std::cout);
  return has_findings(run.diagnostics) ? exit_findings : exit_clean;
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
  CLI::App* list =
      command->add_subcommand("list", "List every check with its priority and summary");
  CLI::App* explain =
      command->add_subcommand("explain", "Explain why a check matters and how to configure it");
  explain
      ->add_option("check", options.explained_check, "A check id, e.g. readability/function-length")
      ->required();
  list->callback([&] { action = [] { return list_checks(); }; });
  explain->callback([&] { action = [&] { return explain_check(options.explained_check); }; });
  command->callback([&, list, explain] {
    if (list->parsed() || explain->parsed()) return;
    action = [&] {
      auto project = load_project_for(global);
      if (!project) return report_error(project.takeError(), llvm::errs());
      return run_lint(*project, options, global);
    };
  });
}

}  // namespace retort::cli
