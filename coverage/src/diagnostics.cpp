#include "retort/coverage/diagnostics.hpp"

namespace retort::coverage {
namespace {

Diagnostic make_diagnostic(const char* check_id, Severity severity, std::string message) {
  return make_finding("cover", check_id, "coverage", severity, std::move(message));
}

}  // namespace

RuleCatalog coverage_rules() {
  return {{"cover/below-minimum", "Coverage is below its configured minimum.",
           "`cover.minimum` (or `--minimum`) and `cover.minimum_diff` (or `--minimum-diff`) "
           "set the share of code lines, overall or among those changed since `--since`, "
           "that the tests must execute."},
          {"cover/uncovered-change", "Changed lines that no test executed.",
           "Code changed since `--since` that no test runs is code whose behaviour nothing "
           "checks: add a test that reaches it, or mark it excluded if it cannot run in "
           "tests."}};
}

std::optional<Diagnostic> gate_diagnostic(const std::string& what, const Counts& counts,
                                          std::optional<double> minimum) {
  if (!minimum || counts.percent() >= *minimum) return std::nullopt;
  return make_diagnostic("cover/below-minimum", Severity::error,
                         what + " " + format_percent(counts.percent()) +
                             "% is below the minimum of " + format_threshold(*minimum) + "%");
}

std::vector<Diagnostic> uncovered_change_diagnostics(const DiffCoverage& diff) {
  std::vector<Diagnostic> diagnostics;
  for (const auto& file : diff.files) {
    const auto& missed = file.missed_lines;
    for (std::size_t begin = 0, end = 0; begin < missed.size(); begin = end) {
      for (end = begin + 1; end < missed.size() && missed[end] == missed[end - 1] + 1; ++end) {
      }
      auto count = end - begin;
      auto d = make_diagnostic(
          "cover/uncovered-change", Severity::warning,
          count == 1 ? "changed line not executed by any test"
                     : std::to_string(count) + " changed lines not executed by any test");
      d.range.file = file.shown_path;
      d.range.begin = {missed[begin], 1};
      d.range.end = {missed[end - 1], 1};
      diagnostics.push_back(std::move(d));
    }
  }
  return diagnostics;
}

}  // namespace retort::coverage
