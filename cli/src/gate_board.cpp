#include <iomanip>
#include <ostream>

#include "gate.hpp"
#include "retort/core/exit_codes.hpp"

namespace retort::cli {
namespace {

std::string seconds(std::chrono::milliseconds time) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(2) << static_cast<double>(time.count()) / 1000 << " s";
  return text.str();
}

std::size_t findings_of(const StepProgress& step) {
  return step.findings ? step.findings->diagnostics.size() : 0;
}

std::string state_text(const StepProgress& step) {
  switch (step.state) {
    case StepState::waiting:
      return "waiting";
    case StepState::running:
      return "running  " + seconds(step.elapsed);
    case StepState::finished:
      return std::string(step_result(step)) + "  " + seconds(step.elapsed);
  }
  return "";
}

}  // namespace

std::string_view step_result(const StepProgress& step) {
  switch (step.exit_code) {
    case exit_clean:
      return "passed";
    case exit_findings:
      return "failed";
    case exit_usage:
      return "usage error";
    case exit_no_tests:
      return "no tests";
    case exit_interrupted:
      return "interrupted";
    default:
      return "internal error";
  }
}

int gate_exit_code(const std::vector<StepProgress>& steps) {
  auto any = [&](int code) {
    return std::any_of(steps.begin(), steps.end(),
                       [&](const StepProgress& step) { return step.exit_code == code; });
  };
  if (any(exit_internal)) return exit_internal;
  if (any(exit_usage)) return exit_usage;
  if (any(exit_interrupted)) return exit_interrupted;
  return any(exit_findings) ? exit_findings : exit_clean;
}

void write_board(std::ostream& out, const std::vector<StepProgress>& steps, bool redraw) {
  if (redraw) out << "\x1b[" << steps.size() << "A";
  for (const auto& step : steps)
    out << "\r\x1b[2K  " << std::left << std::setw(10) << step.name << state_text(step) << "\n";
  out << std::flush;
}

void write_gate_table(std::ostream& out, const std::vector<StepProgress>& steps,
                      std::chrono::milliseconds wall_time) {
  out << std::left << std::setw(12) << "step" << std::setw(16) << "result" << std::right
      << std::setw(9) << "findings" << std::setw(10) << "time"
      << "\n";
  std::chrono::milliseconds steps_time{0};
  std::size_t passed = 0;
  for (const auto& step : steps) {
    out << std::left << std::setw(12) << step.name << std::setw(16) << step_result(step)
        << std::right << std::setw(9) << findings_of(step) << std::setw(10) << seconds(step.elapsed)
        << "\n";
    steps_time += step.elapsed;
    passed += step.exit_code == exit_clean || step.exit_code == exit_no_tests;
  }
  out << "ensure-consistency: " << passed << " of " << steps.size() << " steps passed in "
      << seconds(wall_time) << " (the steps' own times add up to " << seconds(steps_time) << ")\n";
}

}  // namespace retort::cli
