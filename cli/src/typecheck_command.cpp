// `retort typecheck`: the library's run (retort_typecheck) reported like the other
// tools' findings, and `explain` for each warning.

#include <chrono>
#include <iostream>

#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "retort/core/baseline.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/typecheck/analysis.hpp"

namespace retort::cli {
namespace {

int explain_warning(const std::string& id) {
  std::string text = typecheck::explain_warning(id);
  if (text.empty()) {
    std::string known;
    for (const auto& rule : typecheck::typecheck_rules())
      known += (known.empty() ? "" : ", ") + rule.id;
    std::cerr << "retort: error: no typecheck warning '" << id << "'; known: " << known << "\n";
    return exit_usage;
  }
  std::cout << text;
  return exit_clean;
}

// `--write-baseline FILE`: every warning of the whole program, ungated, recorded.
int write_baseline(const Project& project, const TypecheckCommandOptions& options) {
  typecheck::ProjectTypecheckOptions whole = options.run;
  whole.baseline.clear();
  whole.changes = {};
  auto checked = typecheck::run_project_typecheck(project, whole);
  if (!checked) return report_error(checked.takeError(), llvm::errs());
  if (auto error =
          Baseline::write(options.write_baseline, "typecheck", checked->warnings, project.root))
    return report_error(std::move(error), llvm::errs());
  std::cout << "Wrote " << checked->warnings.size() << " warning(s) to "
            << options.write_baseline.string() << "; `retort typecheck --baseline "
            << options.write_baseline.string() << "` now reports only new ones.\n";
  return exit_clean;
}

}  // namespace

int run_typecheck(const Project& project, const TypecheckCommandOptions& options,
                  const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat report_format = report_format_or_throw(options.report_format);
  if (!options.write_baseline.empty()) return write_baseline(project, options);
  auto checked = typecheck::run_project_typecheck(project, options.run);
  if (!checked) return report_error(checked.takeError(), llvm::errs());
  std::ostream& notes = options.step ? options.step->human : std::cerr;
  notes << "typecheck: " << checked->actors << " actor(s), " << checked->sends << " send site(s), "
        << checked->unresolved_sends << " of them to a pid of unknown origin (not checked); "
        << checked->units_checked - checked->units_cached << " of " << checked->units_checked
        << " unit(s) parsed, the rest unchanged since the cached run\n";
  auto context = make_report_context("typecheck", typecheck::typecheck_rules(),
                                     checked->units_checked, start, global);
  deliver_findings(options.step, report_format, checked->warnings, context, std::cout);
  return checked->exit_code();
}

void add_typecheck_command(CLI::App& app, TypecheckCommandOptions& options,
                           std::function<int()>& action, const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "typecheck", "Check the messages sent between actors against their protocols (Dialyzer)");
  command->add_option("-p", options.run.build_directory, "Directory holding compile_commands.json")
      ->type_name("DIR");
  command->add_option("-j,--jobs", options.run.jobs,
                      "Translation units parsed in parallel (default: all cores)");
  command->add_flag("--unresolved-target", options.run.reports_unresolved_targets,
                    "Also list the sends whose receiver could not be determined (not checked)");
  command->add_flag("--no-cache", options.run.is_cache_disabled,
                    "Parse every unit again instead of replaying unchanged ones' summaries");
  command->add_option("--baseline", options.run.baseline,
                      "Report only warnings not recorded in this baseline file");
  command->add_option("--write-baseline", options.write_baseline,
                      "Record every warning in this baseline file instead of reporting them");
  add_change_options(*command, options.run.changes,
                     "Report only the warnings brought by the changes");
  command->add_option("--format", options.report_format, "Report format: " + report_format_names());
  CLI::App* explain = command->add_subcommand(
      "explain", "Explain a warning: what it means, an example, and how to fix it");
  explain->add_option("warning", options.explained_warning, "A warning id, e.g. unhandled-message")
      ->required();
  explain->callback([&] { action = [&] { return explain_warning(options.explained_warning); }; });
  command->callback([&, explain] {
    if (explain->parsed()) return;
    action = project_action(
        global, [&](const Project& project) { return run_typecheck(project, options, global); });
  });
}

}  // namespace retort::cli
