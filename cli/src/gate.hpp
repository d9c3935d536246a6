#pragma once

// `retort ensure-consistency`: the configured steps run at once, each as its own
// command would run it, their findings gathered into one report.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"

namespace retort::cli {

/// Runs the gate step named `step` (`format`, `lint`, `doc-grade`, `test`, `cover`)
/// with its output going to `sink`; returns its exit code.
int run_gate_step(const std::string& step, const Project& project,
                  const EnsureConsistencyOptions& options, const GlobalOptions& global,
                  StepSink& sink);

/// Returns true for the steps that run the project's tests: they run one after the
/// other, never beside each other, since two runs of one suite may share its files.
bool runs_the_tests(const std::string& step);

/// Where a step of the gate is.
enum class StepState { waiting, running, finished };

/// One step of the gate, as the board shows it.
struct StepProgress {
  /// The step's name, e.g. `lint`.
  std::string name;
  /// Waiting, running or finished.
  StepState state = StepState::waiting;
  /// Its exit code, once finished.
  int exit_code = 0;
  /// What it printed, once finished.
  std::string human;
  /// Its findings, when it got as far as reporting them.
  std::optional<ToolFindings> findings;
  /// When it started, and how long it took once finished.
  std::chrono::steady_clock::time_point started;
  /// How long it took (so far, while running).
  std::chrono::milliseconds elapsed{0};
};

/// Returns a finished step's result as the board and table show it: `passed`,
/// `failed`, `no tests`, `usage error`, `interrupted` or `internal error`.
std::string_view step_result(const StepProgress& step);

/// Returns the gate's exit code: 3 when a step met an internal error, else 2 on a
/// usage or configuration error, 130 when interrupted, 1 when a step failed, else 0.
int gate_exit_code(const std::vector<StepProgress>& steps);

/// Writes the board: one line per step with its state and time; `redraw` moves the
/// cursor back over the previous board first (a terminal).
void write_board(std::ostream& out, const std::vector<StepProgress>& steps, bool redraw);

/// Writes the closing table (step, result, findings, time) and the gate's line, with
/// the wall time against the sum of the steps' times.
void write_gate_table(std::ostream& out, const std::vector<StepProgress>& steps,
                      std::chrono::milliseconds wall_time);

}  // namespace retort::cli
