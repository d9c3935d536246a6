// `retort cover`: runs the tests of the coverage build (through `retort test`), then
// collection, exclusions, reports and gates from retort_coverage.

#include <chrono>
#include <iostream>

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/coverage/diagnostics.hpp"
#include "retort/coverage/project_cover.hpp"
#include "retort/coverage/reports.hpp"

namespace retort::cli {
namespace {

using namespace retort::coverage;

void print_warning(const std::string& warning) {
  std::cerr << "retort: warning: " << warning << "\n";
}

// Where the table, the test run and gate messages go: standard output, unless a
// report in another format takes it.
std::ostream& human_output(ReportFormat format, StepSink* step) {
  if (step) return step->human;
  return format == ReportFormat::text ? std::cout : std::cerr;
}

// Runs the coverage build's tests from zero counts; returns retort test's exit code.
int run_tests_for_coverage(const Project& project, const CoverCommandOptions& options,
                           ReportFormat format, const GlobalOptions& global) {
  auto build = coverage_build_directory(project, options.run);
  if (!std::filesystem::is_directory(build)) return exit_clean;  // collection explains it
  TestCommandOptions test;
  test.run.extra_environment = reset_coverage_counts(build);
  test.is_progress_on_stderr = format != ReportFormat::text;
  test.run.build_directory = build;
  test.run.partition = options.partition;
  test.run.jobs = options.run.jobs;
  // As a gate step, the test run's report is part of this step's; its failures are
  // the test step's findings, not cover's.
  StepSink test_step;
  if (options.step) test.step = &test_step;
  int exit_code = run_test(project, test, global);
  if (options.step) options.step->human << test_step.human.str();
  return exit_code;
}

// The report `--format` asks for, on standard output; text is what `report` printed.
void write_formatted_report(ReportFormat format, const Project& project, const ProjectCover& cover,
                            const ReportContext& context) {
  if (format == ReportFormat::text) return;
  if (format == ReportFormat::json)
    std::cout << llvm::formatv("{0:2}", coverage_json(cover.data, project.root,
                                                      cover.diff ? &*cover.diff : nullptr))
                     .str()
              << "\n";
  else
    write_report(format, cover.findings, context, std::cout);
}

void report(const Project& project, const CoverCommandOptions& options, ReportFormat format,
            const ProjectCover& cover, const ReportContext& context) {
  std::ostream& human = human_output(format, options.step);
  for (const auto& warning : cover.warnings) print_warning(warning);
  print_table(human, file_rows(cover.data, project.root), cover.is_reporting_branches);
  if (options.is_detailed)
    print_detail(human, cover.data, project.root,
                 {options.filter, format == ReportFormat::text && context.use_color});
  if (cover.diff) print_diff_coverage(human, *cover.diff, options.run.changes.description());
  for (const auto& gate : cover.failed_gates) human << "retort cover: " << gate.message << "\n";
  // As a step, the human report is the table above: only the findings go to the gate.
  if (options.step)
    options.step->findings = {context, cover.findings};
  else
    write_formatted_report(format, project, cover, context);
}

}  // namespace

int run_cover(const Project& project, const CoverCommandOptions& options,
              const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat format = report_format_or_throw(options.report_format);
  if (auto error = check_cover_paths(options.run, options.reports))
    return report_error(std::move(error), llvm::errs());
  int test_exit = exit_clean;
  if (options.run.added_tracefiles.empty() && !options.is_skipping_tests) {
    test_exit = run_tests_for_coverage(project, options, format, global);
    if (test_exit != exit_clean && test_exit != exit_findings) return test_exit;
  }
  ProjectCoverOptions collection = options.run;
  collection.on_warning = print_warning;
  auto cover = run_project_cover(project, collection);
  if (!cover) return report_error(cover.takeError(), llvm::errs());
  if (auto error = write_cover_reports(project, *cover, options.reports))
    return report_error(std::move(error), llvm::errs());
  report(project, options, format, *cover,
         make_report_context("cover", coverage_rules(), cover->data.files.size(), start, global));
  if (test_exit == exit_findings)
    human_output(format, options.step)
        << "retort cover: tests failed; coverage is of the run above\n";
  return std::max(cover->exit_code(), test_exit);
}

void add_cover_command(CLI::App& app, CoverCommandOptions& options, std::function<int()>& action,
                       const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "cover", "Run the coverage build's tests and report line, function and branch coverage");
  command
      ->add_option("--build-dir", options.run.build_directory,
                   "The --coverage build (default: cover.build_directory, build/coverage)")
      ->type_name("DIR");
  command->add_flag("--no-test", options.is_skipping_tests,
                    "Report the .gcda data as it is, without running the tests first");
  command->add_option("--partition", options.partition, "Run only the tests of shard K of N")
      ->type_name("K/N");
  command->add_option("-j,--jobs", options.run.jobs,
                      "Tests and gcov processes at once (default: one per core)");
  command
      ->add_option("--add-tracefile", options.run.added_tracefiles,
                   "Report these lcov tracefiles merged (e.g. from partitioned runs) instead "
                   "of running and collecting")
      ->type_name("FILE");
  command->add_flag("--branches", options.run.is_collecting_branches,
                    "Also report branch coverage");
  command->add_flag("--include-throw-branches", options.run.is_including_throw_branches,
                    "Keep branches that exist only for exception unwinding");
  command->add_flag("--detail", options.is_detailed, "Print each file's source with hit counts");
  command
      ->add_option("--filter", options.filter,
                   "With --detail: only files whose path contains or matches this")
      ->type_name("PATTERN");
  command->add_option("--html", options.reports.html_directory, "Write an HTML report into DIR")
      ->type_name("DIR");
  command->add_option("--lcov", options.reports.lcov_file, "Write an lcov tracefile")
      ->type_name("FILE");
  command->add_option("--cobertura", options.reports.cobertura_file, "Write a Cobertura XML report")
      ->type_name("FILE");
  command->add_option("--json", options.reports.json_file, "Write a JSON report")
      ->type_name("FILE");
  command->add_option("--format", options.report_format,
                      "Print a report on standard output (the table goes to standard error): "
                      "text, json, or failed gates and uncovered changes as sarif, github "
                      "or junit");
  command->add_option("--minimum", options.run.minimum, "Exit 1 when line coverage is below PCT")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 100.0));
  add_change_options(*command, options.run.changes,
                     "Also report (and gate by cover.minimum_diff only) coverage of the lines "
                     "changed");
  command
      ->add_option("--minimum-diff", options.run.minimum_diff,
                   "With --since or --staged: exit 1 when the changed lines' coverage is below "
                   "PCT")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 100.0));
  command->footer(
      "Exit codes: 0 clean, 1 below a minimum or failing tests, 2 usage error or "
      "unreadable coverage data, 4 no tests selected.");
  on_project(*command, action, global,
             [&](const Project& project) { return run_cover(project, options, global); });
}

}  // namespace retort::cli
