#include "retort/testrunner/diagnostics.hpp"

#include <algorithm>

#include "retort/core/source_files.hpp"
#include "retort/testrunner/report.hpp"

namespace retort::testrunner {
namespace {

// Where a diagnostic points: relative to the project when the file lies inside it.
SourceRange location(const std::filesystem::path& file, int line,
                     const std::filesystem::path& project_root) {
  SourceRange range;
  if (!file.empty())
    range.file = display_path(file.is_absolute() ? file : project_root / file, project_root);
  range.begin.line = static_cast<unsigned>(std::max(line, 1));
  range.end = range.begin;
  return range;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

Diagnostic make_diagnostic(const char* check_id, Severity severity, std::string message,
                           SourceRange range, const TestCase& test) {
  auto d = make_finding("test", check_id, "test", severity, std::move(message));
  d.range = std::move(range);
  d.explanation = "Rerun it alone: " + rerun_command(test);
  return d;
}

// What an assertion compared, or the first line GoogleTest gave for it.
std::string assertion_text(const AssertionFailure& failure) {
  if (failure.compared)
    return "expected equality of " + failure.compared->first + " and " + failure.compared->second;
  auto text = first_line(failure.message);
  return text.empty() ? "an assertion failed" : text;
}

void add_failure(std::vector<Diagnostic>& out, const TestCase& test, const TestAttempt& attempt,
                 const std::filesystem::path& root) {
  const auto name = test.full_name();
  for (const auto& failure : attempt.failures)
    out.push_back(make_diagnostic("test/failed", Severity::error,
                                  name + " failed: " + assertion_text(failure),
                                  location(failure.file, failure.line, root), test));
  if (attempt.failures.empty())
    out.push_back(
        make_diagnostic("test/failed", Severity::error,
                        name + " failed (exit code " + std::to_string(attempt.exit_code) + ")",
                        location(test.file, test.line, root), test));
}

// How a flaky test came to pass, as the console says it.
std::string flaky_story(const TestResult& result) {
  if (result.attempts.front().is_shared_process && !result.last().is_shared_process)
    return "it failed beside other tests of its program in one process, then passed alone";
  return "it failed, then passed on attempt " + std::to_string(result.attempts.size());
}

}  // namespace

RuleCatalog test_rules() {
  return {{"test/failed", "A test failed.",
           "A failed assertion (or a non-zero exit) of a test, at the assertion's line."},
          {"test/crashed", "A test crashed.",
           "The test's process was ended by a signal (a segfault, an abort) while it ran."},
          {"test/timed-out", "A test timed out.",
           "The test ran longer than its timeout and was stopped (`test.timeout`, "
           "`--timeout`, or the CTest TIMEOUT property)."},
          {"test/flaky", "A test failed, then passed.",
           "A test that fails and then passes on a retry, or only beside other tests of "
           "its program, depends on timing or on state it does not own."}};
}

std::vector<Diagnostic> test_diagnostics(const TestInventory& inventory, const RunOutcome& outcome,
                                         const std::filesystem::path& project_root,
                                         bool is_flaky_failing) {
  std::vector<Diagnostic> diagnostics;
  for (const auto& result : outcome.results) {
    if (result.attempts.empty()) continue;
    const auto& test = inventory.tests[result.test];
    const auto& attempt = result.last();
    auto at_test = location(test.file, test.line, project_root);
    switch (result.status) {
      case TestStatus::failed:
        add_failure(diagnostics, test, attempt, project_root);
        break;
      case TestStatus::crashed:
        diagnostics.push_back(make_diagnostic(
            "test/crashed", Severity::error,
            test.full_name() + " crashed (" +
                (attempt.signal_name.empty() ? "a signal" : attempt.signal_name) + ")",
            at_test, test));
        break;
      case TestStatus::timed_out:
        diagnostics.push_back(make_diagnostic("test/timed-out", Severity::error,
                                              test.full_name() + " timed out", at_test, test));
        break;
      case TestStatus::flaky:
        diagnostics.push_back(
            make_diagnostic("test/flaky", is_flaky_failing ? Severity::error : Severity::warning,
                            test.full_name() + " is flaky: " + flaky_story(result), at_test, test));
        break;
      default:
        break;
    }
  }
  return diagnostics;
}

}  // namespace retort::testrunner
