#include <iostream>
#include <sstream>

#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"

namespace retort::cli {
namespace {

struct StepOutcome {
  std::string name;
  int exit_code = exit_clean;
};

// One step per tool; a later tool adds its line here and to the config schema's
// allowed `ensure_consistency.steps`.
int run_step(const std::string& step, const Project& project,
             const EnsureConsistencyOptions& options, const GlobalOptions& global) {
  if (step == "format") {
    FormatCommandOptions format;
    format.is_check = true;
    format.since = options.since;
    format.report_format = options.report_format;
    return run_format(project, format, global);
  }
  if (step == "lint") {
    LintCommandOptions lint;
    lint.report_format = options.report_format;
    lint.since = options.since;
    return run_lint(project, lint, global);
  }
  if (step == "doc-grade") {
    DocGradeCommandOptions doc_grade;
    // Its own output is text or JSON; the diagnostic formats get the text report.
    if (options.report_format == "json") doc_grade.report_format = "json";
    return run_doc_grade(project, doc_grade, global);
  }
  if (step == "test") return run_test(project, TestCommandOptions{}, global);
  if (step == "cover") {
    CoverCommandOptions cover;
    cover.since = options.since;
    return run_cover(project, cover, global);
  }
  throw CLI::ValidationError("--only", "unknown step '" + step + "'");
}

std::string_view verdict(int exit_code) {
  switch (exit_code) {
    case exit_clean:
      return "ok";
    case exit_findings:
      return "findings";
    case exit_usage:
      return "usage error";
    default:
      return "internal error";
  }
}

void print_summary(const std::vector<StepOutcome>& outcomes) {
  std::size_t failed = 0;
  std::cout << "ensure-consistency:";
  for (const auto& outcome : outcomes) {
    std::cout << " " << outcome.name << " " << verdict(outcome.exit_code) << ";";
    if (outcome.exit_code != exit_clean) ++failed;
  }
  std::cout << " " << outcomes.size() - failed << " of " << outcomes.size() << " steps passed.\n";
}

}  // namespace

void add_ensure_consistency_command(CLI::App& app, EnsureConsistencyOptions& options,
                                    std::function<int()>& action, const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "ensure-consistency",
      "Run every consistency step (ensure_consistency.steps in .retort.yaml); for hooks and CI");
  command->add_option("--since", options.since, "Check only what changed since this git revision")
      ->type_name("REV");
  command->add_option("--only", options.only_steps, "Run only these steps (comma-separated)")
      ->delimiter(',')
      ->type_name("STEPS");
  command->add_option("--format", options.report_format, "Report format: " + report_format_names());
  command->callback([&] {
    action = [&] {
      auto project = load_project_for(global);
      if (!project) return report_error(project.takeError(), llvm::errs());
      const auto& configured = project->config.string_list("ensure_consistency.steps");
      std::vector<std::string> steps = options.only_steps.empty() ? configured : options.only_steps;
      for (const auto& step : options.only_steps) {
        if (std::find(configured.begin(), configured.end(), step) == configured.end()) {
          std::cerr << "retort: error: --only: '" << step
                    << "' is not a configured step; configured: ";
          for (const auto& known : configured) std::cerr << known << " ";
          std::cerr << "\n";
          return static_cast<int>(exit_usage);
        }
      }
      std::vector<StepOutcome> outcomes;
      int worst = exit_clean;
      for (const auto& step : steps) {
        if (options.report_format == "text") std::cout << "==> " << step << "\n";
        int code = run_step(step, *project, options, global);
        outcomes.push_back({step, code});
        worst = std::max(worst, code);
      }
      if (options.report_format == "text") print_summary(outcomes);
      return worst;
    };
  });
}

}  // namespace retort::cli
