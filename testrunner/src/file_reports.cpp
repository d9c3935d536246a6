#include <ctime>
#include <map>
#include <ostream>

#include "retort/core/xml.hpp"
#include "retort/testrunner/report.hpp"

namespace retort::testrunner {
namespace {

std::string seconds(std::chrono::microseconds duration) {
  auto milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
  return std::to_string(milliseconds / 1000) + "." +
         std::to_string(1000 + milliseconds % 1000).substr(1);
}

// `shared` when the attempt ran beside other tests of its program in one process.
const char* process_key(const TestAttempt& attempt) {
  return attempt.is_shared_process ? "shared" : "own";
}

std::string failure_message(const TestAttempt& attempt) {
  if (attempt.status == TestStatus::crashed) return "killed by " + attempt.signal_name;
  if (attempt.status == TestStatus::timed_out) return "timed out";
  if (!attempt.failures.empty()) {
    const auto& first = attempt.failures.front();
    return first.file + ":" + std::to_string(first.line) + ": " +
           first.message.substr(0, first.message.find('\n'));
  }
  return "failed (exit code " + std::to_string(attempt.exit_code) + ")";
}

// What a failing attempt's element holds: its assertions. Its output is the test's
// `<system-out>` (a crash's or timeout's last words included), so it is not repeated.
std::string failure_text(const TestAttempt& attempt) {
  std::string text;
  for (const auto& failure : attempt.failures)
    text += failure.file + ":" + std::to_string(failure.line) + "\n" + failure.message + "\n";
  return text;
}

// A test that never reached its verdict (killed, timed out) is an `error`, as JUnit
// tells an error from an assertion's `failure`.
bool is_error(TestStatus status) {
  return status == TestStatus::crashed || status == TestStatus::timed_out;
}

void write_attempt_element(std::ostream& out, std::string_view element,
                           const TestAttempt& attempt) {
  out << "      <" << element << " message=\"" << xml_escape(failure_message(attempt))
      << "\" type=\"" << status_key(attempt.status) << "\">" << xml_escape(failure_text(attempt))
      << "</" << element << ">\n";
}

void write_testcase(std::ostream& out, const TestInventory& inventory, const TestResult& result) {
  const auto& test = inventory.tests[result.test];
  const auto& program = inventory.programs[test.program];
  out << "    <testcase classname=\""
      << xml_escape(test.suite.empty() ? program.display_name : test.suite) << "\" name=\""
      << xml_escape(test.name) << "\" time=\"" << seconds(result.last().duration) << "\"";
  if (!test.file.empty())
    out << " file=\"" << xml_escape(test.file.string()) << "\" line=\"" << test.line << "\"";
  out << ">\n";
  const auto& last = result.last();
  // pytest's place for a test's own facts: how its deciding attempt ran.
  out << "      <properties><property name=\"retort.process\" value=\"" << process_key(last)
      << "\"/></properties>\n";
  if (result.status == TestStatus::skipped || result.status == TestStatus::not_run)
    out << "      <skipped" << (result.status == TestStatus::not_run ? " message=\"not run\"" : "")
        << "/>\n";
  else if (is_failure(result.status))
    write_attempt_element(out, is_error(result.status) ? "error" : "failure", last);
  // Surefire's names for earlier attempts: flaky or rerun, failure or error.
  for (std::size_t i = 0; i + 1 < result.attempts.size(); ++i) {
    std::string element = result.status == TestStatus::flaky ? "flaky" : "rerun";
    element += is_error(result.attempts[i].status) ? "Error" : "Failure";
    write_attempt_element(out, element, result.attempts[i]);
  }
  if (!last.output.empty())
    out << "      <system-out>" << xml_escape(last.output) << "</system-out>\n";
  out << "    </testcase>\n";
}

// ISO 8601 in UTC without a zone suffix, as Ant's JUnit schema takes `timestamp`.
std::string iso_timestamp(std::chrono::system_clock::time_point when) {
  std::time_t seconds_since_epoch = std::chrono::system_clock::to_time_t(when);
  std::tm parts{};
  gmtime_r(&seconds_since_epoch, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
  return text;
}

// Counts of one suite's (or the whole run's) results, as JUnit's attributes name them.
struct SuiteCounts {
  std::size_t failures = 0, errors = 0, skipped = 0;
  std::chrono::microseconds time{0};

  void add(const TestResult& result) {
    errors += is_error(result.status);
    failures += is_failure(result.status) && !is_error(result.status);
    skipped += result.status == TestStatus::skipped || result.status == TestStatus::not_run;
    if (!result.attempts.empty()) time += result.last().duration;
  }
};

}  // namespace

void write_junit(std::ostream& out, const TestInventory& inventory, const RunOutcome& outcome) {
  std::map<std::pair<std::size_t, std::string>, std::vector<const TestResult*>> suites;
  SuiteCounts all;
  for (const auto& result : outcome.results) {
    const auto& test = inventory.tests[result.test];
    suites[{test.program, test.suite}].push_back(&result);
    all.add(result);
  }
  std::string timestamp = iso_timestamp(outcome.started_at);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"retort test\" tests=\"" << outcome.results.size() << "\" failures=\""
      << all.failures << "\" errors=\"" << all.errors << "\" skipped=\"" << all.skipped
      << "\" time=\"" << seconds(outcome.wall_time) << "\" timestamp=\"" << timestamp << "\">\n";
  for (const auto& [key, results] : suites) {
    const auto& program = inventory.programs[key.first];
    SuiteCounts counts;
    for (const auto* result : results) counts.add(*result);
    std::string name = key.second.empty() ? program.display_name : key.second;
    out << "  <testsuite name=\"" << xml_escape(name) << "\" tests=\"" << results.size()
        << "\" failures=\"" << counts.failures << "\" errors=\"" << counts.errors << "\" skipped=\""
        << counts.skipped << "\" time=\"" << seconds(counts.time) << "\" timestamp=\"" << timestamp
        << "\" file=\"" << xml_escape(program.display_name) << "\">\n";
    for (const auto* result : results) write_testcase(out, inventory, *result);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

llvm::json::Value results_json(const TestInventory& inventory, const RunOutcome& outcome,
                               bool is_flaky_failing) {
  llvm::json::Array tests;
  for (const auto& result : outcome.results) {
    const auto& test = inventory.tests[result.test];
    llvm::json::Array attempts;
    for (const auto& attempt : result.attempts) {
      llvm::json::Array failures;
      for (const auto& failure : attempt.failures)
        failures.push_back(llvm::json::Object{
            {"file", failure.file}, {"line", failure.line}, {"message", failure.message}});
      llvm::json::Object entry{
          {"status", std::string(status_key(attempt.status))},
          {"ms", std::chrono::duration_cast<std::chrono::milliseconds>(attempt.duration).count()},
          {"exit_code", attempt.exit_code},
          {"process", process_key(attempt)},
          {"failures", std::move(failures)}};
      if (!attempt.signal_name.empty()) entry["signal"] = attempt.signal_name;
      if (is_failure(attempt.status)) entry["output"] = attempt.output;
      attempts.push_back(std::move(entry));
    }
    llvm::json::Object entry{{"name", test.full_name()},
                             {"program", inventory.programs[test.program].display_name},
                             {"status", std::string(status_key(result.status))},
                             {"tags", llvm::json::Array(test.tags)},
                             {"attempts", std::move(attempts)}};
    if (!test.file.empty()) {
      entry["file"] = test.file.string();
      entry["line"] = test.line;
    }
    tests.push_back(std::move(entry));
  }
  return llvm::json::Object{
      {"version", 1},
      {"summary", closing_line(outcome, is_flaky_failing)},
      {"exit_code", run_exit_code(outcome, is_flaky_failing)},
      {"wall_ms", outcome.wall_time.count()},
      {"test_ms", std::chrono::duration_cast<std::chrono::milliseconds>(outcome.test_time).count()},
      {"runner_cpu_ms", outcome.runner_cpu_time.count()},
      {"workers", outcome.workers},
      {"interrupted", outcome.is_interrupted},
      {"tests", std::move(tests)}};
}

}  // namespace retort::testrunner
