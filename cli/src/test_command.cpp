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
#include "retort/testrunner/report.hpp"

namespace retort::cli {
namespace {

using namespace retort::testrunner;

std::filesystem::path history_file(const Project& project) {
  return project.root / ".retort" / "test" / "history.json";
}

llvm::Expected<TestInventory> discover(const Project& project, const TestCommandOptions& options) {
  ResultCache cache(ResultCache::default_root(project.root), "test");
  const auto& globs = project.config.string_list("test.binaries");
  std::vector<TestProgram> programs;
  if (!globs.empty() && options.build_directory.empty()) {
    programs = programs_from_globs(project.root, globs);
  } else {
    auto build = options.build_directory.empty()
                     ? project.root / project.config.string("test.build_directory")
                     : std::filesystem::absolute(options.build_directory);
    auto from_ctest = programs_from_ctest(build, project.root, &cache);
    if (!from_ctest) return from_ctest.takeError();
    programs = std::move(*from_ctest);
  }
  for (auto& program : programs)
    program.environment.insert(program.environment.end(), options.extra_environment.begin(),
                               options.extra_environment.end());
  auto inventory = list_tests(std::move(programs), options.jobs, &cache);
  for (const auto& warning : inventory.warnings)
    std::cerr << "retort: warning: " << warning << "\n";
  return inventory;
}

History load_history(const Project& project) {
  auto history = History::load(history_file(project));
  if (history) return std::move(*history);
  std::cerr << "retort: warning: " << llvm::toString(history.takeError())
            << "; starting a fresh history\n";
  return History();
}

llvm::Error write_reports(const TestCommandOptions& options, const TestInventory& inventory,
                          const RunOutcome& outcome) {
  if (!options.junit_file.empty()) {
    std::ostringstream junit;
    write_junit(junit, inventory, outcome);
    if (auto error = write_report_file(options.junit_file, junit.str())) return error;
  }
  if (!options.json_file.empty()) {
    auto json =
        llvm::formatv("{0:2}", results_json(inventory, outcome, options.is_flaky_failing)).str() +
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

SelectionRequest selection_request(const TestCommandOptions& options, const Partition* partition) {
  SelectionRequest request;
  request.filters = options.filters;
  request.only_tags = options.only_tags;
  request.excluded_tags = options.excluded_tags;
  request.is_failed_only = options.is_failed_only;
  request.is_stale_only = options.is_stale_only;
  if (partition) request.partition = *partition;
  return request;
}

RunOptions run_options(const Project& project, const TestCommandOptions& options) {
  RunOptions run;
  run.jobs = options.jobs;
  auto timeout = options.timeout_seconds.value_or(project.config.integer("test.timeout"));
  run.timeout = std::chrono::seconds(timeout);
  run.is_timeout_forced = options.timeout_seconds.has_value();
  run.retries = options.retries.value_or(project.config.integer("test.retries"));
  run.max_failures = options.max_failures;
  run.seed = options.seed;
  if (!options.is_fork_server_off && project.config.boolean("test.fork_server"))
    run.fork_server_library = default_fork_server_library();
  return run;
}

struct Iteration {
  RunOutcome outcome;
  int exit_code = exit_clean;
};

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
                                 results_json(inventory, outcome, options.is_flaky_failing))
                       .str()
                << "\n";
      return;
    case ReportFormat::junit:
      write_junit(std::cout, inventory, outcome);
      return;
    case ReportFormat::sarif:
    case ReportFormat::github: {
      auto diagnostics =
          test_diagnostics(inventory, outcome, project.root, options.is_flaky_failing);
      auto context =
          make_report_context("test", test_rules(), outcome.results.size(), start, global);
      write_report(format, diagnostics, context, std::cout);
      return;
    }
  }
}

Iteration run_once(const TestInventory& inventory, const WorkPlan& plan, const RunOptions& run,
                   const TestCommandOptions& options, const HumanOutput& human) {
  ConsoleReporter console(inventory, human.out,
                          {human.is_terminal, human.use_color, options.is_verbose},
                          planned_tests(plan));
  Iteration iteration;
  {
    InterruptGuard guard;
    iteration.outcome = run_tests(inventory, plan, run, console);
  }
  console.finish();
  print_summary(human.out, inventory, iteration.outcome,
                {options.slowest, options.seed, options.is_flaky_failing, human.use_color});
  iteration.exit_code = run_exit_code(iteration.outcome, options.is_flaky_failing);
  return iteration;
}

}  // namespace

int run_test(const Project& project, const TestCommandOptions& options,
             const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat format = report_format_or_throw(options.report_format);
  auto human = human_output(format != ReportFormat::text || options.is_progress_on_stderr, global,
                            options.step);
  std::optional<Partition> partition;
  if (!options.partition.empty()) {
    auto parsed = parse_partition(options.partition);
    if (!parsed) return report_error(parsed.takeError(), llvm::errs());
    partition = *parsed;
  }
  if (auto error = prepare_report_paths({options.junit_file, options.json_file}))
    return report_error(std::move(error), llvm::errs());
  auto inventory = discover(project, options);
  if (!inventory) return report_error(inventory.takeError(), llvm::errs());
  auto history = load_history(project);
  auto selected = select_tests(
      *inventory, selection_request(options, partition ? &*partition : nullptr), history);
  if (options.is_listing) return list_selected(*inventory, selected);
  if (selected.empty()) {
    human.out << "retort test: no tests selected (" << inventory->tests.size() << " tests known)\n";
    return exit_no_tests;
  }
  auto run = run_options(project, options);
  PlanOptions plan_options{project.config.string_list("test.serial"),
                           project.config.string_list("test.one_process"), options.seed,
                           options.is_isolated || project.config.boolean("test.isolate"), run.jobs};
  auto plan = plan_work(*inventory, selected, history, plan_options);
  std::size_t iterations = std::max(1u, options.repeat_until_failure);
  Iteration iteration;
  for (std::size_t i = 1; i <= iterations; ++i) {
    if (iterations > 1) human.out << "==> iteration " << i << " of " << iterations << "\n";
    iteration = run_once(*inventory, plan, run, options, human);
    record_outcome(history, *inventory, iteration.outcome);
    if (iteration.exit_code != exit_clean) {
      if (iterations > 1) human.out << "Failed on iteration " << i << " of " << iterations << "\n";
      break;
    }
  }
  if (auto error = history.save(history_file(project)))
    return report_error(std::move(error), llvm::errs());
  if (auto error = write_reports(options, *inventory, iteration.outcome))
    return report_error(std::move(error), llvm::errs());
  if (options.step)
    options.step->findings = {
        make_report_context("test", test_rules(), iteration.outcome.results.size(), start, global),
        test_diagnostics(*inventory, iteration.outcome, project.root, options.is_flaky_failing)};
  else
    write_formatted_report(format, project, options, *inventory, iteration.outcome, global, start);
  return iteration.exit_code;
}

void add_test_command(CLI::App& app, TestCommandOptions& options, std::function<int()>& action,
                      const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "test",
      "Run GoogleTest suites concurrently, isolating each failure in a process of its own "
      "(from CTest or test.binaries)");
  command->add_option("filter", options.filters,
                      "GoogleTest filters (Suite.*, -Suite.Slow) or file.cpp:LINE");
  command->add_option("--only", options.only_tags, "Run only tests with this tag")
      ->type_name("TAG");
  command->add_option("--exclude", options.excluded_tags, "Skip tests with this tag")
      ->type_name("TAG");
  command->add_flag("--failed", options.is_failed_only,
                    "Run only the last run's failures and tests never run before");
  command->add_flag("--stale", options.is_stale_only,
                    "Run only tests of binaries that changed since their last green run");
  command->add_option("--seed", options.seed, "Shuffle the order with this seed (reproducible)");
  command->add_option("-j,--jobs", options.jobs, "Tests at once (default: one per core)");
  command->add_option("--timeout", options.timeout_seconds,
                      "Seconds per test before it is stopped (default: test.timeout, 60)");
  command->add_option("--retries", options.retries,
                      "Rerun a failing test up to N times; passing on a retry is FLAKY");
  command->add_flag("--flaky-fails", options.is_flaky_failing, "Count FLAKY tests as failures");
  command->add_option("--max-failures", options.max_failures,
                      "Stop starting tests after N failures");
  command->add_option("--slowest", options.slowest, "Print the N slowest tests");
  command->add_option("--partition", options.partition,
                      "Run slice K of N (K/N), by a stable hash of each test's name");
  command->add_option("--repeat-until-failure", options.repeat_until_failure,
                      "Run the selection up to N times, stopping at the first failure");
  command->add_option("--format", options.report_format,
                      "Print a report on standard output (progress goes to standard error): "
                      "text, json, junit, sarif or github (failures as annotations)");
  command->add_option("--junit", options.junit_file, "Write a JUnit XML report")->type_name("FILE");
  command->add_option("--json", options.json_file, "Write a JSON report")->type_name("FILE");
  command
      ->add_option("--build-dir", options.build_directory,
                   "CMake build directory to take CTest's tests from")
      ->type_name("DIR");
  command->add_flag("-v,--verbose", options.is_verbose, "Also print passing and skipped tests");
  command->add_flag("--list", options.is_listing, "List the selected tests and their tags");
  command->add_flag("--isolate", options.is_isolated,
                    "One process per test, never batches of a program's tests (test.isolate)");
  command->add_flag("--no-fork-server", options.is_fork_server_off,
                    "Start every test with exec, not forked from its program's fork server");
  command->footer(
      "Exit codes: 0 all passed, 1 failures, 2 usage error, 4 no tests selected, "
      "130 interrupted.");
  command->callback([&] {
    action = [&] {
      auto project = load_project_for(global);
      if (!project) return report_error(project.takeError(), llvm::errs());
      return run_test(*project, options, global);
    };
  });
}

}  // namespace retort::cli
