// `retort cover`: runs the tests of the coverage build (through `retort test`), then
// collection, exclusions, reports and gates from retort_coverage.

#include <chrono>
#include <iostream>

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/lcov.hpp"
#include "retort/coverage/diagnostics.hpp"
#include "retort/coverage/exclusions.hpp"
#include "retort/coverage/gcov.hpp"
#include "retort/coverage/html_report.hpp"
#include "retort/coverage/llvm_cov.hpp"
#include "retort/coverage/reports.hpp"

namespace retort::cli {
namespace {

using namespace retort::coverage;

std::filesystem::path coverage_build(const Project& project, const CoverCommandOptions& options) {
  if (!options.build_directory.empty()) return std::filesystem::absolute(options.build_directory);
  return project.root / project.config.string("cover.build_directory");
}

bool is_reporting_branches(const Project& project, const CoverCommandOptions& options) {
  return options.is_collecting_branches || project.config.boolean("cover.branches");
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
  auto build = coverage_build(project, options);
  if (!std::filesystem::is_directory(build)) return exit_clean;  // collection explains it
  remove_gcda_files(build);
  remove_profiles(build);
  TestCommandOptions test;
  test.extra_environment = {profile_file_setting(build)};
  test.is_progress_on_stderr = format != ReportFormat::text;
  test.build_directory = build;
  test.partition = options.partition;
  test.jobs = options.jobs;
  // As a gate step, the test run's report is part of this step's; its failures are
  // the test step's findings, not cover's.
  StepSink test_step;
  if (options.step) test.step = &test_step;
  int exit_code = run_test(project, test, global);
  if (options.step) options.step->human << test_step.human.str();
  return exit_code;
}

void print_warning(const std::string& warning) {
  std::cerr << "retort: warning: " << warning << "\n";
}

// A Clang build with -fprofile-instr-generate -fcoverage-mapping.
llvm::Expected<CoverageData> collect_source_based(const Project& project,
                                                  const CoverCommandOptions& options,
                                                  const std::filesystem::path& build) {
  LlvmCovOptions llvm_cov;
  llvm_cov.project_root = project.root;
  llvm_cov.excluded_directories = {build};
  llvm_cov.is_collecting_branches = is_reporting_branches(project, options);
  llvm_cov.jobs = options.jobs;
  llvm_cov.profdata_executable = project.config.string("cover.llvm_profdata");
  llvm_cov.cov_executable = project.config.string("cover.llvm_cov");
  llvm_cov.on_warning = print_warning;
  return collect_llvm_cov(build, llvm_cov);
}

llvm::Expected<CoverageData> collect(const Project& project, const CoverCommandOptions& options) {
  if (!options.added_tracefiles.empty()) {
    CoverageData merged;
    for (const auto& tracefile : options.added_tracefiles) {
      auto data = read_lcov(tracefile);
      if (!data) return data.takeError();
      merged.merge(*data);
    }
    return merged;
  }
  auto build = coverage_build(project, options);
  if (is_source_based_build(build)) return collect_source_based(project, options, build);
  auto gcda_files = find_gcda_files(build);
  if (!gcda_files) return gcda_files.takeError();
  GcovOptions gcov;
  gcov.project_root = project.root;
  gcov.excluded_directories = {build};
  gcov.is_collecting_branches = is_reporting_branches(project, options);
  gcov.is_excluding_throw_branches = !options.is_including_throw_branches &&
                                     project.config.boolean("cover.exclude_throw_branches");
  gcov.jobs = options.jobs;
  gcov.gcov_executable = project.config.string("cover.gcov");
  gcov.on_warning = print_warning;
  // Objects no test reached are reported at 0%, as gcovr does, not left out.
  auto inputs = *gcda_files;
  for (auto& notes : find_unreached_notes(build)) inputs.push_back(std::move(notes));
  return collect_gcov(inputs, gcov);
}

llvm::Error write_reports(const Project& project, const CoverCommandOptions& options,
                          const CoverageData& data, const DiffCoverage* diff) {
  if (!options.lcov_file.empty()) {
    if (auto error = write_report_file(options.lcov_file, to_lcov(data))) return error;
  }
  if (!options.html_directory.empty()) {
    auto title = "Coverage of " + project.root.filename().string();
    if (auto error = write_html_report(options.html_directory, data, project.root, title))
      return error;
  }
  if (!options.cobertura_file.empty()) {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    auto xml = cobertura_xml(data, project.root, now);
    if (auto error = write_report_file(options.cobertura_file, xml)) return error;
  }
  if (!options.json_file.empty()) {
    auto json = llvm::formatv("{0:2}", coverage_json(data, project.root, diff)).str() + "\n";
    if (auto error = write_report_file(options.json_file, json)) return error;
  }
  return llvm::Error::success();
}

std::optional<double> configured_minimum(const Project& project, std::optional<double> option,
                                         const char* key) {
  if (option) return option;
  auto configured = project.config.integer(key);
  if (configured == 0) return std::nullopt;
  return static_cast<double>(configured);
}

// The gates that fail, as diagnostics. A change (`--since`, `--staged`) is judged by
// its own lines: the project's configured minimum then does not apply, so a commit
// is never refused for lines it did not touch; a `--minimum` given still does.
std::vector<Diagnostic> failed_gates(const Project& project, const CoverCommandOptions& options,
                                     const CoverageData& data, const DiffCoverage* diff) {
  std::vector<Diagnostic> failed;
  auto minimum = options.changes.is_whole_project()
                     ? configured_minimum(project, options.minimum, "cover.minimum")
                     : options.minimum;
  if (auto gate = gate_diagnostic("line coverage", totals_of(data).lines, minimum))
    failed.push_back(std::move(*gate));
  if (diff) {
    if (auto gate = gate_diagnostic(
            "diff coverage", diff->counts(),
            configured_minimum(project, options.minimum_diff, "cover.minimum_diff")))
      failed.push_back(std::move(*gate));
  }
  return failed;
}

// The findings of a run: the failed gates, then the changed lines no test ran.
std::vector<Diagnostic> cover_findings(std::vector<Diagnostic> gates, const DiffCoverage* diff) {
  if (diff) {
    auto uncovered = uncovered_change_diagnostics(*diff);
    gates.insert(gates.end(), uncovered.begin(), uncovered.end());
  }
  return gates;
}

// The report `--format` asks for, on standard output; text is what `report` printed.
void write_formatted_report(ReportFormat format, const Project& project, const CoverageData& data,
                            const DiffCoverage* diff, const std::vector<Diagnostic>& findings,
                            const ReportContext& context) {
  if (format == ReportFormat::text) return;
  if (format == ReportFormat::json)
    std::cout << llvm::formatv("{0:2}", coverage_json(data, project.root, diff)).str() << "\n";
  else
    write_report(format, findings, context, std::cout);
}

llvm::Expected<int> report(const Project& project, const CoverCommandOptions& options,
                           ReportFormat format, const GlobalOptions& global,
                           const CoverageData& data, std::chrono::steady_clock::time_point start) {
  std::ostream& human = human_output(format, options.step);
  const auto& skip_files = project.config.string_list("cover.skip_files");
  print_table(human, file_rows(data, project.root), is_reporting_branches(project, options));
  if (options.is_detailed)
    print_detail(human, data, project.root,
                 {options.filter, format == ReportFormat::text && global.use_color()});
  std::optional<DiffCoverage> diff;
  auto changes = read_changes(project.root, options.changes);
  if (!changes) return changes.takeError();
  if (*changes) {
    diff = diff_coverage(data, (*changes)->lines, project.root, skip_files);
    print_diff_coverage(human, *diff, options.changes.description());
  }
  const DiffCoverage* shown_diff = diff ? &*diff : nullptr;
  if (auto error = write_reports(project, options, data, shown_diff)) return error;
  auto gates = failed_gates(project, options, data, shown_diff);
  for (const auto& gate : gates) human << "retort cover: " << gate.message << "\n";
  auto context = make_report_context("cover", coverage_rules(), data.files.size(), start, global);
  bool has_failed = !gates.empty();
  auto findings = cover_findings(std::move(gates), shown_diff);
  // As a step, the human report is the table above: only the findings go to the gate.
  if (options.step)
    options.step->findings = {context, std::move(findings)};
  else
    write_formatted_report(format, project, data, shown_diff, findings, context);
  return has_failed ? exit_findings : exit_clean;
}

// What the command reads and writes, checked before the tests run: a missing input
// or an unwritable report is the user's to fix (exit 2), not found after the run.
llvm::Error check_paths(const CoverCommandOptions& options) {
  for (const auto& tracefile : options.added_tracefiles) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(tracefile, error))
      return usage_error("--add-tracefile " + tracefile.string() + ": no such file");
  }
  auto html_index = options.html_directory.empty() ? std::filesystem::path()
                                                   : options.html_directory / "index.html";
  return prepare_report_paths(
      {options.lcov_file, options.cobertura_file, options.json_file, html_index});
}

}  // namespace

int run_cover(const Project& project, const CoverCommandOptions& options,
              const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat format = report_format_or_throw(options.report_format);
  if (auto error = check_paths(options)) return report_error(std::move(error), llvm::errs());
  int test_exit = exit_clean;
  if (options.added_tracefiles.empty() && !options.is_skipping_tests) {
    test_exit = run_tests_for_coverage(project, options, format, global);
    if (test_exit != exit_clean && test_exit != exit_findings) return test_exit;
  }
  auto data = collect(project, options);
  if (!data) return report_error(data.takeError(), llvm::errs());
  auto warnings = apply_exclusions(
      *data, ExclusionOptions{project.root, project.config.string_list("cover.skip_files")});
  for (const auto& warning : warnings) std::cerr << "retort: warning: " << warning << "\n";
  auto exit_code = report(project, options, format, global, *data, start);
  if (!exit_code) return report_error(exit_code.takeError(), llvm::errs());
  if (test_exit == exit_findings)
    human_output(format, options.step)
        << "retort cover: tests failed; coverage is of the run above\n";
  return std::max(*exit_code, test_exit);
}

void add_cover_command(CLI::App& app, CoverCommandOptions& options, std::function<int()>& action,
                       const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "cover", "Run the coverage build's tests and report line, function and branch coverage");
  command
      ->add_option("--build-dir", options.build_directory,
                   "The --coverage build (default: cover.build_directory, build/coverage)")
      ->type_name("DIR");
  command->add_flag("--no-test", options.is_skipping_tests,
                    "Report the .gcda data as it is, without running the tests first");
  command->add_option("--partition", options.partition, "Run only the tests of shard K of N")
      ->type_name("K/N");
  command->add_option("-j,--jobs", options.jobs,
                      "Tests and gcov processes at once (default: one per core)");
  command
      ->add_option("--add-tracefile", options.added_tracefiles,
                   "Report these lcov tracefiles merged (e.g. from partitioned runs) instead "
                   "of running and collecting")
      ->type_name("FILE");
  command->add_flag("--branches", options.is_collecting_branches, "Also report branch coverage");
  command->add_flag("--include-throw-branches", options.is_including_throw_branches,
                    "Keep branches that exist only for exception unwinding");
  command->add_flag("--detail", options.is_detailed, "Print each file's source with hit counts");
  command
      ->add_option("--filter", options.filter,
                   "With --detail: only files whose path contains or matches this")
      ->type_name("PATTERN");
  command->add_option("--html", options.html_directory, "Write an HTML report into DIR")
      ->type_name("DIR");
  command->add_option("--lcov", options.lcov_file, "Write an lcov tracefile")->type_name("FILE");
  command->add_option("--cobertura", options.cobertura_file, "Write a Cobertura XML report")
      ->type_name("FILE");
  command->add_option("--json", options.json_file, "Write a JSON report")->type_name("FILE");
  command->add_option("--format", options.report_format,
                      "Print a report on standard output (the table goes to standard error): "
                      "text, json, or failed gates and uncovered changes as sarif, github "
                      "or junit");
  command->add_option("--minimum", options.minimum, "Exit 1 when line coverage is below PCT")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 100.0));
  add_change_options(*command, options.changes,
                     "Also report (and gate by cover.minimum_diff only) coverage of the lines "
                     "changed");
  command
      ->add_option("--minimum-diff", options.minimum_diff,
                   "With --since or --staged: exit 1 when the changed lines' coverage is below "
                   "PCT")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 100.0));
  command->footer(
      "Exit codes: 0 clean, 1 below a minimum or failing tests, 2 usage error or "
      "unreadable coverage data, 4 no tests selected.");
  command->callback([&] {
    action = [&] {
      auto project = load_project_for(global);
      if (!project) return report_error(project.takeError(), llvm::errs());
      return run_cover(*project, options, global);
    };
  });
}

}  // namespace retort::cli
