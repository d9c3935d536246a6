#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

#include "retort/testrunner/gtest_output.hpp"
#include "retort/testrunner/report.hpp"

namespace retort::testrunner {
namespace {

constexpr std::size_t output_tail_lines = 20;

struct Colors {
  bool is_on;
  std::string paint(std::string_view code, std::string_view text) const {
    if (!is_on) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
  std::string red(std::string_view text) const { return paint("31", text); }
  std::string green(std::string_view text) const { return paint("32", text); }
  std::string yellow(std::string_view text) const { return paint("33", text); }
  std::string dim(std::string_view text) const { return paint("2", text); }
};

std::string seconds_text(std::chrono::microseconds duration) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(duration < std::chrono::seconds(10) ? 2 : 1)
       << static_cast<double>(duration.count()) / 1e6 << " s";
  return text.str();
}

bool needs_quotes(const std::string& word) {
  return word.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:-") !=
         std::string::npos;
}

std::string indented(std::string_view text, std::string_view indent) {
  std::string result;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    result += std::string(indent) + std::string(text.substr(start, end - start)) + "\n";
    start = end + 1;
  }
  return result;
}

std::string assertion_text(const AssertionFailure& failure, const Colors& colors) {
  std::string text = colors.dim(failure.file + ":" + std::to_string(failure.line)) + "\n";
  if (!failure.compared) return text + indented(failure.message, "");
  text += "Expected equality of these values:\n";
  text += colors.red("- " + failure.compared->first) + "\n";
  text += colors.green("+ " + failure.compared->second) + "\n";
  auto diff = failure.message.find("With diff:\n");
  if (diff != std::string::npos) text += failure.message.substr(diff);
  return text;
}

// Why a test without parsed assertions failed, and the end of what it printed.
std::string process_text(const TestAttempt& attempt) {
  std::string text;
  if (attempt.status == TestStatus::crashed) text = "killed by " + attempt.signal_name + "\n";
  if (attempt.status == TestStatus::timed_out)
    text = "timed out after " + seconds_text(attempt.duration) + "; its output so far:\n";
  if (attempt.output.empty()) return text + "(no output)\n";
  return text + last_lines(attempt.output, output_tail_lines);
}

}  // namespace

std::string rerun_command(const TestCase& test) {
  auto name = test.full_name();
  return "retort test " + (needs_quotes(name) ? "'" + name + "'" : name);
}

ConsoleReporter::ConsoleReporter(const TestInventory& inventory, std::ostream& out,
                                 ConsoleStyle style, std::size_t total)
    : inventory_(inventory), out_(out), style_(style), total_(total) {}

void ConsoleReporter::on_started(const std::vector<std::size_t>& tests) {
  running_.insert(tests.begin(), tests.end());
  draw_progress();
}

void ConsoleReporter::on_finished(const TestResult& result) {
  ++done_;
  running_.erase(result.test);
  if (is_failure(result.status)) ++failed_;
  if (result.status == TestStatus::passed || result.status == TestStatus::flaky) ++passed_;
  bool is_problem = is_failure(result.status) || result.status == TestStatus::flaky;
  if (is_problem || style_.is_verbose) print_result(result);
  draw_progress();
}

void ConsoleReporter::on_tick() {
  if (style_.is_live) return draw_progress();
  if (std::chrono::steady_clock::now() - last_status_ >= style_.status_interval) print_status();
}

void ConsoleReporter::print_status() {
  last_status_ = std::chrono::steady_clock::now();
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(last_status_ - started_);
  out_ << "[" << done_ << "/" << total_ << "] " << passed_ << " passed, " << failed_ << " failed, "
       << running_.size() << " running, " << seconds_text(elapsed) << "\n";
  out_.flush();
}

void ConsoleReporter::finish() {
  clear_progress();
  out_.flush();
}

void ConsoleReporter::clear_progress() {
  if (!has_progress_line_) return;
  out_ << "\r\x1b[2K";
  has_progress_line_ = false;
}

void ConsoleReporter::draw_progress() {
  if (!style_.is_live) return;
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started_);
  clear_progress();
  out_ << "[" << done_ << "/" << total_ << "] " << running_.size() << " running, " << failed_
       << " failed, " << seconds_text(elapsed);
  out_.flush();
  has_progress_line_ = true;
}

void ConsoleReporter::print_result(const TestResult& result) {
  Colors colors{style_.use_color};
  const auto& test = inventory_.tests[result.test];
  const auto& program = inventory_.programs[test.program];
  const auto& attempt = result.last();
  clear_progress();
  auto label = std::string(status_label(result.status));
  std::string heading = label + " " + test.full_name();
  std::string where = " (" + program.display_name + ", " + seconds_text(attempt.duration) + ")";
  if (!is_failure(result.status) && result.status != TestStatus::flaky) {
    out_ << colors.dim(heading + where) << "\n";
    return;
  }
  ++problems_;
  bool is_flaky = result.status == TestStatus::flaky;
  out_ << "\n  " << problems_ << ") " << (is_flaky ? colors.yellow(heading) : colors.red(heading))
       << where << "\n";
  if (is_flaky && result.attempts.front().is_shared_process)
    out_ << "     failed beside other tests of its program in one process, then passed alone "
            "(attempt "
         << result.attempts.size() << "); the first attempt said:\n";
  else if (is_flaky)
    out_ << "     passed on attempt " << result.attempts.size() << "; the first attempt said:\n";
  const auto& shown = is_flaky ? result.attempts.front() : attempt;
  std::string details;
  for (const auto& failure : shown.failures) details += assertion_text(failure, colors);
  if (shown.failures.empty()) details = process_text(shown);
  out_ << indented(details, "     ");
  out_ << "     " << colors.dim("rerun: " + rerun_command(test)) << "\n";
}

std::string closing_line(const RunOutcome& outcome, bool is_flaky_failing) {
  std::map<TestStatus, std::size_t> counts;
  for (const auto& result : outcome.results) ++counts[result.status];
  std::size_t failed =
      counts[TestStatus::failed] + counts[TestStatus::timed_out] + counts[TestStatus::crashed];
  std::size_t passed = counts[TestStatus::passed];
  // A flaky test is a pass, unless flaky tests fail the run: then it is a failure, so
  // the line never says "0 failed" of a run that exits 1.
  (is_flaky_failing ? failed : passed) += counts[TestStatus::flaky];
  std::string line = std::to_string(passed) + " passed, " + std::to_string(failed) + " failed, " +
                     std::to_string(counts[TestStatus::skipped]) + " skipped";
  if (counts[TestStatus::flaky])
    line += ", " + std::to_string(counts[TestStatus::flaky]) + " flaky";
  if (counts[TestStatus::timed_out])
    line += ", " + std::to_string(counts[TestStatus::timed_out]) + " timed out";
  if (counts[TestStatus::crashed])
    line += ", " + std::to_string(counts[TestStatus::crashed]) + " crashed";
  if (counts[TestStatus::not_run])
    line += ", " + std::to_string(counts[TestStatus::not_run]) + " not run";
  return line;
}

int run_exit_code(const RunOutcome& outcome, bool is_flaky_failing) {
  if (outcome.is_interrupted) return 130;
  for (const auto& result : outcome.results)
    if (is_failure(result.status) || (is_flaky_failing && result.status == TestStatus::flaky))
      return 1;
  return 0;
}

void print_summary(std::ostream& out, const TestInventory& inventory, const RunOutcome& outcome,
                   const SummaryOptions& options) {
  Colors colors{options.use_color};
  out << "\nFinished in " << seconds_text(outcome.wall_time) << " ("
      << seconds_text(outcome.test_time) << " of test time across " << outcome.workers
      << (outcome.workers == 1 ? " worker)" : " workers)") << "\n";
  if (options.seed) out << "Randomized with seed " << *options.seed << "\n";
  if (options.slowest > 0) {
    std::vector<const TestResult*> ran;
    for (const auto& result : outcome.results)
      if (result.status != TestStatus::not_run && result.status != TestStatus::skipped)
        ran.push_back(&result);
    std::size_t shown = std::min(options.slowest, ran.size());
    std::partial_sort(ran.begin(), ran.begin() + shown, ran.end(),
                      [](auto* a, auto* b) { return a->last().duration > b->last().duration; });
    out << "\nSlowest " << shown << (shown == 1 ? " test" : " tests") << ":\n";
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& test = inventory.tests[ran[i]->test];
      out << std::setw(10) << seconds_text(ran[i]->last().duration) << "  " << test.full_name()
          << " (" << inventory.programs[test.program].display_name << ")\n";
    }
  }
  if (outcome.is_interrupted) out << colors.yellow("Interrupted: the run was stopped") << "\n";
  auto line = closing_line(outcome, options.is_flaky_failing);
  out << (run_exit_code(outcome, options.is_flaky_failing) == 0 ? colors.green(line)
                                                                : colors.red(line))
      << "\n";
}

}  // namespace retort::testrunner
