// `retort test`: discovery, selection and the run itself live in retort_testrunner;
// this file turns options and configuration into their requests and prints.

#include <unistd.h>

#include <csignal>
#include <iostream>
#include <sstream>

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "interrupt.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/testrunner/diagnostics.hpp"
#include "retort/testrunner/project_test.hpp"
#include "retort/testrunner/report.hpp"

namespace retort::cli {
namespace {

using namespace retort::testrunner;

llvm::Error write_reports(const TestCommandOptions& options, const TestInventory& inventory,
                          const RunOutcome& outcome) {
  if (!options.junit_file.empty()) {
    std::ostringstream junit;
    write_junit(junit, inventory, outcome);
    if (auto error = write_report_file(options.junit_file, junit.str())) return error;
  }
  if (!options.json_file.empty()) {
    auto json =
        llvm::formatv("{0:2}", results_json(inventory, outcome, options.run.is_flaky_failing))
            .str() +
        "\n";
    if (auto error = write_report_file(options.json_file, json)) return error;
  }
  return llvm::Error::success();
}

int list_selected(const TestInventory& inventory, const std::vector<std::size_t>& selected) {
  for (auto index : selected) {
    const auto& test = inventory.tests[index];
    std::cout << test.full_name() << "  (" << inventory.programs[test.program].display_name;
    for (const auto& tag : test.tags) std::cout << ", #" << tag;
    std::cout << ")\n";
  }
  return selected.empty() ? exit_no_tests : exit_clean;
}

// Where the run's progress and summary go: standard output, unless a report in
// another format takes it (`--format json|junit|sarif|github`), then standard error.
struct HumanOutput {
  std::ostream& out;
  bool is_terminal;
  bool use_color;
};

HumanOutput human_output(bool is_on_stderr, const GlobalOptions& global, StepSink* step) {
  if (step) return {step->human, false, false};
  if (!is_on_stderr) return {std::cout, ::isatty(STDOUT_FILENO) != 0, global.use_color()};
  return {std::cerr, ::isatty(STDERR_FILENO) != 0, global.use_color_on(STDERR_FILENO)};
}

// The report `--format` asks for, on standard output.
void write_formatted_report(ReportFormat format, const Project& project,
                            const TestCommandOptions& options, const TestInventory& inventory,
                            const RunOutcome& outcome, const GlobalOptions& global,
                            std::chrono::steady_clock::time_point start) {
  switch (format) {
    case ReportFormat::text:
      return;
    case ReportFormat::json:
      std::cout << llvm::formatv("{0:2}",
                                 results_json(inventory, outcome, options.run.is_flaky_failing))
                       .str()
                << "\n";
      return;
    case ReportFormat::junit:
      write_junit(std::cout, inventory, outcome);
      return;
    case ReportFormat::sarif:
    case ReportFormat::github: {
      auto diagnostics =
          test_diagnostics(inventory, outcome, project.root, options.run.is_flaky_failing);
      auto context =
          make_report_context("test", test_rules(), outcome.results.size(), start, global);
      write_report(format, diagnostics, context, std::cout);
      return;
    }
  }
}

// The console report of each iteration, and its summary.
class ConsoleIterations : public IterationListener {
 public:
  ConsoleIterations(const ProjectTestPlan& planned, const TestCommandOptions& options,
                    const HumanOutput& human)
      : planned_(planned), options_(options), human_(human) {}

  RunListener& start_iteration(std::size_t number, std::size_t count) override {
    if (count > 1) human_.out << "==> iteration " << number << " of " << count << "\n";
    console_.emplace(planned_.inventory, human_.out,
                     ConsoleStyle{human_.is_terminal, human_.use_color, options_.is_verbose},
                     planned_tests(planned_.plan));
    return *console_;
  }

  void finish_iteration(const RunOutcome& outcome, int exit_code, std::size_t number,
                        std::size_t count) override {
    console_->finish();
    print_summary(
        human_.out, planned_.inventory, outcome,
        {options_.slowest, options_.run.seed, options_.run.is_flaky_failing, human_.use_color});
    if (exit_code != exit_clean && count > 1)
      human_.out << "Failed on iteration " << number << " of " << count << "\n";
  }

 private:
  const ProjectTestPlan& planned_;
  const TestCommandOptions& options_;
  const HumanOutput& human_;
  std::optional<ConsoleReporter> console_;
};

}  // namespace

int run_test(const Project& project, const TestCommandOptions& options,
             const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat format = report_format_or_throw(options.report_format);
  auto human = human_output(format != ReportFormat::text || options.is_progress_on_stderr, global,
                            options.step);
  if (auto error = prepare_report_paths({options.junit_file, options.json_file}))
    return report_error(std::move(error), llvm::errs());
  auto planned = plan_project_tests(project, options.run);
  if (!planned) return report_error(planned.takeError(), llvm::errs());
  for (const auto& warning : planned->warnings) std::cerr << "retort: warning: " << warning << "\n";
  if (options.is_listing) return list_selected(planned->inventory, planned->selected);
  if (planned->selected.empty()) {
    human.out << "retort test: no tests selected (" << planned->inventory.tests.size()
              << " tests known)\n";
    return exit_no_tests;
  }
  ConsoleIterations console(*planned, options, human);
  llvm::Expected<ProjectTest> tested = [&] {
    InterruptGuard guard;
    return run_project_tests(project, *planned, options.run, console);
  }();
  if (!tested) return report_error(tested.takeError(), llvm::errs());
  if (auto error = write_reports(options, planned->inventory, tested->outcome))
    return report_error(std::move(error), llvm::errs());
  if (options.step)
    options.step->findings = {
        make_report_context("test", test_rules(), tested->outcome.results.size(), start, global),
        test_diagnostics(planned->inventory, tested->outcome, project.root,
                         options.run.is_flaky_failing)};
  else
    write_formatted_report(format, project, options, planned->inventory, tested->outcome, global,
                           start);
  return tested->exit_code;
}

void add_test_command(CLI::App& app, TestCommandOptions& options, std::function<int()>& action,
                      const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "test",
      "Run GoogleTest suites concurrently, isolating each failure in a process of its own "
      "(from CTest or test.binaries)");
  command->add_option("filter", options.run.filters,
                      "GoogleTest filters (Suite.*, -Suite.Slow) or file.cpp:LINE");
  command->add_option("--only", options.run.only_tags, "Run only tests with this tag")
      ->type_name("TAG");
  command->add_option("--exclude", options.run.excluded_tags, "Skip tests with this tag")
      ->type_name("TAG");
  command->add_flag("--failed", options.run.is_failed_only,
                    "Run only the last run's failures and tests never run before");
  command->add_flag("--stale", options.run.is_stale_only,
                    "Run only tests of binaries that changed since their last green run");
  command->add_option("--seed", options.run.seed,
                      "Shuffle the order with this seed (reproducible)");
  command->add_option("-j,--jobs", options.run.jobs, "Tests at once (default: one per core)");
  command->add_option("--timeout", options.run.timeout_seconds,
                      "Seconds per test before it is stopped (default: test.timeout, 60)");
  command->add_option("--retries", options.run.retries,
                      "Rerun a failing test up to N times; passing on a retry is FLAKY");
  command->add_flag("--flaky-fails", options.run.is_flaky_failing, "Count FLAKY tests as failures");
  command->add_option("--max-failures", options.run.max_failures,
                      "Stop starting tests after N failures");
  command->add_option("--slowest", options.slowest, "Print the N slowest tests");
  command->add_option("--partition", options.run.partition,
                      "Run slice K of N (K/N), by a stable hash of each test's name");
  command->add_option("--repeat-until-failure", options.run.repeat_until_failure,
                      "Run the selection up to N times, stopping at the first failure");
  command->add_option("--format", options.report_format,
                      "Print a report on standard output (progress goes to standard error): "
                      "text, json, junit, sarif or github (failures as annotations)");
  command->add_option("--junit", options.junit_file, "Write a JUnit XML report")->type_name("FILE");
  command->add_option("--json", options.json_file, "Write a JSON report")->type_name("FILE");
  command
      ->add_option("--build-dir", options.run.build_directory,
                   "CMake build directory to take CTest's tests from")
      ->type_name("DIR");
  command->add_flag("-v,--verbose", options.is_verbose, "Also print passing and skipped tests");
  command->add_flag("--list", options.is_listing, "List the selected tests and their tags");
  command->add_flag("--isolate", options.run.is_isolated,
                    "One process per test, never batches of a program's tests (test.isolate)");
  command->add_flag("--no-fork-server", options.run.is_fork_server_off,
                    "Start every test with exec, not forked from its program's fork server");
  command->footer(
      "Exit codes: 0 all passed, 1 failures, 2 usage error, 4 no tests selected, "
      "130 interrupted.");
  on_project(*command, action, global,
             [&](const Project& project) { return run_test(project, options, global); });
}

}  // namespace retort::cli
