// The gate. Each step runs on a thread of its own, as its command would run it (the
// steps are long, blocking calls into Clang and child processes: threads, not actors
// of the runtime, whose schedulers they would hold); the steps that run the tests go
// one after the other on one thread. The main thread shows progress and, at the end,
// writes the one report. Ctrl-C stops the tests' processes and starts no further
// step; the analyses still running (in this process, with no children of their
// own) are not waited for.

#include <unistd.h>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include <llvm/Support/raw_ostream.h>

#include "gate.hpp"
#include "interrupt.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/version.hpp"

namespace retort::cli {
namespace {

using Clock = std::chrono::steady_clock;
using Milliseconds = std::chrono::milliseconds;

// The steps `--only` names, or the configured ones.
llvm::Expected<std::vector<std::string>> chosen_steps(const Project& project,
                                                      const EnsureConsistencyOptions& options) {
  const auto& configured = project.config.string_list("ensure_consistency.steps");
  for (const auto& step : options.only_steps) {
    if (std::find(configured.begin(), configured.end(), step) != configured.end()) continue;
    std::string known;
    for (const auto& name : configured) known += (known.empty() ? "" : ", ") + name;
    return usage_error("--only: '" + step + "' is not a configured step; configured: " + known);
  }
  return options.only_steps.empty() ? configured : options.only_steps;
}

// What the steps' threads and the main thread share.
struct SharedProgress {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<StepProgress> steps;
};

int run_guarded(const std::string& step, const Project& project,
                const EnsureConsistencyOptions& options, const GlobalOptions& global,
                StepSink& sink) {
  try {
    return run_gate_step(step, project, options, global, sink);
  } catch (const CLI::Error& error) {
    sink.human << "retort: error: " << error.what() << "\n";
    return exit_usage;
  } catch (const std::exception& error) {
    sink.human << "retort: internal error: " << error.what() << "\n";
    return exit_internal;
  }
}

// Runs the steps at `lane`'s indices one after the other.
void run_lane(const std::vector<std::size_t>& lane, SharedProgress& shared, const Project& project,
              const EnsureConsistencyOptions& options, const GlobalOptions& global) {
  for (auto index : lane) {
    std::string name;
    {
      std::lock_guard lock(shared.mutex);
      if (is_interrupted()) {
        shared.steps[index].state = StepState::finished;
        shared.steps[index].exit_code = exit_interrupted;
        continue;
      }
      shared.steps[index].state = StepState::running;
      shared.steps[index].started = Clock::now();
      name = shared.steps[index].name;
    }
    shared.changed.notify_all();
    StepSink sink;
    int exit_code = run_guarded(name, project, options, global, sink);
    {
      std::lock_guard lock(shared.mutex);
      auto& step = shared.steps[index];
      step.state = StepState::finished;
      step.exit_code = exit_code;
      step.human = sink.human.str();
      if (!sink.findings.context.tool.empty()) step.findings = std::move(sink.findings);
      step.elapsed = std::chrono::duration_cast<Milliseconds>(Clock::now() - step.started);
    }
    shared.changed.notify_all();
  }
}

// One lane per analysis step, and one for the steps that run the tests.
std::vector<std::vector<std::size_t>> lanes_for(const std::vector<StepProgress>& steps) {
  std::vector<std::vector<std::size_t>> lanes;
  std::optional<std::size_t> test_lane;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (!runs_the_tests(steps[i].name)) {
      lanes.push_back({i});
      continue;
    }
    if (!test_lane) {
      test_lane = lanes.size();
      lanes.emplace_back();
    }
    lanes[*test_lane].push_back(i);
  }
  return lanes;
}

void write_step_report(std::ostream& out, const StepProgress& step) {
  out << "==> " << step.name << ": " << step_result(step);
  if (step.findings) out << ", " << step.findings->diagnostics.size() << " findings";
  out << " (" << static_cast<double>(step.elapsed.count()) / 1000 << " s)\n" << step.human;
}

// Returns true once Ctrl-C came and no step that runs the tests is still stopping
// its processes: what still runs is an analysis, abandoned.
bool is_abandoned(const std::vector<StepProgress>& steps) {
  if (!is_interrupted()) return false;
  return std::none_of(steps.begin(), steps.end(), [](const StepProgress& step) {
    return step.state == StepState::running && runs_the_tests(step.name);
  });
}

// Brings the running steps' times up to date; returns true when every step finished.
bool update_times(std::vector<StepProgress>& steps) {
  bool is_done = true;
  for (auto& step : steps) {
    if (step.state == StepState::running)
      step.elapsed = std::chrono::duration_cast<Milliseconds>(Clock::now() - step.started);
    is_done = is_done && step.state == StepState::finished;
  }
  return is_done;
}

// Marks every step not finished as interrupted.
void abandon_unfinished(std::vector<StepProgress>& steps) {
  for (auto& step : steps) {
    if (step.state == StepState::finished) continue;
    step.state = StepState::finished;
    step.exit_code = exit_interrupted;
  }
}

// What the watcher has shown: on a terminal a board it redraws, else each step's line
// and report once it finishes.
class ProgressView {
 public:
  ProgressView(std::ostream& human, bool is_terminal, std::size_t step_count)
      : human_(human), is_terminal_(is_terminal), is_shown_(step_count) {}

  void show(const std::vector<StepProgress>& steps) {
    if (is_terminal_) {
      write_board(std::cerr, steps, is_drawn_);
      is_drawn_ = true;
      return;
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].state != StepState::finished || is_shown_[i]) continue;
      write_step_report(human_, steps[i]);
      is_shown_[i] = true;
    }
  }

  // After the board, every step's report.
  void finish(const std::vector<StepProgress>& steps) {
    if (is_terminal_)
      for (const auto& step : steps) write_step_report(human_, step);
  }

 private:
  std::ostream& human_;
  bool is_terminal_;
  std::vector<bool> is_shown_;
  bool is_drawn_ = false;
};

// Shows the steps as they go until every one has finished (returns false) or the gate
// is interrupted (returns true, the unfinished steps marked interrupted).
bool watch(SharedProgress& shared, std::ostream& human, bool is_terminal) {
  ProgressView view(human, is_terminal, shared.steps.size());
  std::unique_lock lock(shared.mutex);
  while (true) {
    shared.changed.wait_for(lock, Milliseconds(100));
    bool is_done = update_times(shared.steps);
    view.show(shared.steps);
    if (is_done) break;
    if (is_abandoned(shared.steps)) {
      abandon_unfinished(shared.steps);
      return true;
    }
  }
  view.finish(shared.steps);
  return false;
}

// Every step's findings as one document in `format`, on standard output when `file`
// is empty, else written to it atomically.
int write_document(ReportFormat format, const std::vector<StepProgress>& steps,
                   const std::filesystem::path& file) {
  std::vector<ToolFindings> tools;
  for (const auto& step : steps)
    if (step.findings) tools.push_back(*step.findings);
  std::ostringstream document;
  write_combined_report(format, tools, version(), document);
  if (file.empty()) {
    std::cout << document.str();
    return exit_clean;
  }
  if (auto error = write_file_atomically(file, document.str()))
    return report_error(std::move(error), llvm::errs());
  return exit_clean;
}

int run_gate(const Project& project, const EnsureConsistencyOptions& options,
             const GlobalOptions& global) {
  auto start = Clock::now();
  ReportFormat format = report_format_or_throw(options.report_format);
  if (!options.output_file.empty() && format == ReportFormat::text)
    return report_error(usage_error("--output needs --format sarif, json, junit or github"),
                        llvm::errs());
  if (auto error = prepare_report_paths({options.output_file, options.junit_file}))
    return report_error(std::move(error), llvm::errs());
  auto steps = chosen_steps(project, options);
  if (!steps) return report_error(steps.takeError(), llvm::errs());
  InterruptGuard interrupt_guard;
  SharedProgress shared;
  for (const auto& name : *steps) shared.steps.push_back({name});
  std::vector<std::thread> threads;
  for (const auto& lane : lanes_for(shared.steps))
    threads.emplace_back([&, lane] { run_lane(lane, shared, project, options, global); });
  // With a document on standard output, people read standard error.
  std::ostream& human = format == ReportFormat::text ? std::cout : std::cerr;
  if (watch(shared, human, ::isatty(STDERR_FILENO) != 0)) {
    // The analyses' threads hold Clang's state: the process ends without them, and
    // without a report that would pass for a whole run's.
    std::lock_guard lock(shared.mutex);
    write_gate_table(human, shared.steps,
                     std::chrono::duration_cast<Milliseconds>(Clock::now() - start));
    human.flush();
    std::cerr.flush();
    std::_Exit(exit_interrupted);
  }
  for (auto& thread : threads) thread.join();
  write_gate_table(human, shared.steps,
                   std::chrono::duration_cast<Milliseconds>(Clock::now() - start));
  int exit_code = gate_exit_code(shared.steps);
  if (format != ReportFormat::text)
    exit_code = std::max(exit_code, write_document(format, shared.steps, options.output_file));
  if (!options.junit_file.empty())
    exit_code =
        std::max(exit_code, write_document(ReportFormat::junit, shared.steps, options.junit_file));
  return exit_code;
}

}  // namespace

void add_ensure_consistency_command(CLI::App& app, EnsureConsistencyOptions& options,
                                    std::function<int()>& action, const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "ensure-consistency",
      "Run every consistency step (ensure_consistency.steps in .retort.yaml) at once; for hooks "
      "and CI");
  add_change_options(*command, options.changes, "Check only what changed");
  command->add_option("--only", options.only_steps, "Run only these steps (comma-separated)")
      ->delimiter(',')
      ->type_name("STEPS");
  command->add_option(
      "--format", options.report_format,
      "One report of every step's findings on standard output: " + report_format_names());
  command
      ->add_option("--output", options.output_file,
                   "Write that report to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  command
      ->add_option("--junit", options.junit_file,
                   "Also write every step's findings as JUnit XML to FILE (for CI test reports)")
      ->type_name("FILE");
  on_project(*command, action, global,
             [&](const Project& project) { return run_gate(project, options, global); });
}

}  // namespace retort::cli
