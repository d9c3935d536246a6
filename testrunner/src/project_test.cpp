#include "retort/testrunner/project_test.hpp"

#include <algorithm>

#include "retort/core/result_cache.hpp"
#include "retort/testrunner/discovery.hpp"
#include "retort/testrunner/report.hpp"

namespace retort::testrunner {
namespace {

namespace fs = std::filesystem;

// The programs `--build-dir` names, or `test.binaries`, or `test.build_directory`'s
// CTest tests, each listed (through the listing cache).
llvm::Expected<TestInventory> discover(const Project& project, const ProjectTestOptions& options) {
  ResultCache cache(ResultCache::default_root(project.root), "test");
  const auto& globs = project.config.string_list("test.binaries");
  std::vector<TestProgram> programs;
  if (!globs.empty() && options.build_directory.empty()) {
    programs = programs_from_globs(project.root, globs);
  } else {
    auto build = options.build_directory.empty()
                     ? project.root / project.config.string("test.build_directory")
                     : fs::absolute(options.build_directory);
    auto from_ctest = programs_from_ctest(build, project.root, &cache);
    if (!from_ctest) return from_ctest.takeError();
    programs = std::move(*from_ctest);
  }
  for (auto& program : programs)
    program.environment.insert(program.environment.end(), options.extra_environment.begin(),
                               options.extra_environment.end());
  return list_tests(std::move(programs), options.jobs, &cache);
}

// A history that cannot be read is a warning: the run starts a fresh one.
History load_history(const Project& project, std::vector<std::string>& warnings) {
  auto history = History::load(history_path(project));
  if (history) return std::move(*history);
  warnings.push_back(llvm::toString(history.takeError()) + "; starting a fresh history");
  return History();
}

llvm::Expected<SelectionRequest> selection_request(const ProjectTestOptions& options) {
  SelectionRequest request;
  request.filters = options.filters;
  request.only_tags = options.only_tags;
  request.excluded_tags = options.excluded_tags;
  request.is_failed_only = options.is_failed_only;
  request.is_stale_only = options.is_stale_only;
  if (!options.partition.empty()) {
    auto partition = parse_partition(options.partition);
    if (!partition) return partition.takeError();
    request.partition = *partition;
  }
  return request;
}

RunOptions run_options(const Project& project, const ProjectTestOptions& options) {
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

PlanOptions plan_options(const Project& project, const ProjectTestOptions& options,
                         const RunOptions& run) {
  return {project.config.string_list("test.serial"), project.config.string_list("test.one_process"),
          options.seed, options.is_isolated || project.config.boolean("test.isolate"), run.jobs};
}

}  // namespace

fs::path history_path(const Project& project) {
  return project.root / ".retort" / "test" / "history.json";
}

llvm::Expected<ProjectTestPlan> plan_project_tests(const Project& project,
                                                   const ProjectTestOptions& options) {
  auto request = selection_request(options);
  if (!request) return request.takeError();
  auto inventory = discover(project, options);
  if (!inventory) return inventory.takeError();
  ProjectTestPlan planned;
  planned.warnings = inventory->warnings;
  planned.inventory = std::move(*inventory);
  planned.history = load_history(project, planned.warnings);
  planned.selected = select_tests(planned.inventory, *request, planned.history);
  planned.run = run_options(project, options);
  planned.plan = plan_work(planned.inventory, planned.selected, planned.history,
                           plan_options(project, options, planned.run));
  return planned;
}

llvm::Expected<ProjectTest> run_project_tests(const Project& project, ProjectTestPlan& planned,
                                              const ProjectTestOptions& options,
                                              IterationListener& listener) {
  ProjectTest result;
  std::size_t count = std::max(1u, options.repeat_until_failure);
  for (std::size_t number = 1; number <= count; ++number) {
    RunListener& heard = listener.start_iteration(number, count);
    result.outcome = run_tests(planned.inventory, planned.plan, planned.run, heard);
    result.iterations = number;
    result.exit_code = run_exit_code(result.outcome, options.is_flaky_failing);
    record_outcome(planned.history, planned.inventory, result.outcome);
    listener.finish_iteration(result.outcome, result.exit_code, number, count);
    if (result.exit_code != 0) break;
  }
  if (auto error = planned.history.save(history_path(project))) return std::move(error);
  return result;
}

}  // namespace retort::testrunner
