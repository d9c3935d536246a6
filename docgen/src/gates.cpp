#include "retort/docgen/gates.hpp"

#include "retort/core/format_number.hpp"

namespace retort::doc {
namespace {

Diagnostic make_diagnostic(const char* check_id, std::string message) {
  return make_finding("doc-grade", check_id, "documentation", Severity::error, std::move(message));
}

SourceRange point(std::string file, unsigned line, unsigned column) {
  SourcePosition at{std::max(line, 1u), std::max(column, 1u)};
  return {std::move(file), at, at};
}

}  // namespace

GateResult apply_gates(const std::vector<GradedSymbol>& graded, const GateSettings& settings) {
  GateResult result;
  if (settings.min_grade) {
    for (const auto& symbol : graded)
      if (symbol.assessment.grade > *settings.min_grade) result.below_min_grade.push_back(&symbol);
  }
  result.percent_b_or_better = summarize(graded).percent_b_or_better();
  result.is_under_fail_under = result.percent_b_or_better < settings.fail_under;
  return result;
}

void print_gate_failures(std::ostream& out, const GateResult& result,
                         const GateSettings& settings) {
  if (!result.below_min_grade.empty()) {
    auto letter = grade_letter(*settings.min_grade);
    out << "\ndoc-grade: " << result.below_min_grade.size() << " public symbol(s) graded below "
        << letter << " (--min-grade " << letter << "):\n";
    for (const auto* symbol : result.below_min_grade)
      out << "  " << grade_letter(symbol->assessment.grade) << "  " << symbol->symbol.display_name()
          << "  " << symbol->symbol.file << ":" << symbol->symbol.line << "\n";
  }
  if (result.is_under_fail_under)
    out << "\ndoc-grade: " << format_percent(result.percent_b_or_better)
        << "% of public symbols are graded B or better, under --fail-under "
        << format_threshold(settings.fail_under) << "\n";
}

RuleCatalog doc_grade_rules() {
  return {{"doc/below-min-grade", "A public symbol is graded below the minimum grade.",
           "`doc.min_grade` (or `--min-grade`) is the worst grade a public symbol may have; "
           "`retort doc-grade explain NAME` shows what its documentation is missing."},
          {"doc/under-fail-under", "Too few public symbols are well documented.",
           "`doc.fail_under` (or `--fail-under`) is the least share of public symbols that "
           "must be graded B or better."},
          {"doc/does-not-compile", "A header did not compile, so its symbols may be missing.",
           "doc-grade reads the public API through Clang; declarations after an error may "
           "be missing from the grades."}};
}

std::vector<Diagnostic> gate_diagnostics(const GateResult& result, const GateSettings& settings,
                                         const std::vector<ParseError>& parse_errors) {
  std::vector<Diagnostic> diagnostics;
  for (const auto* graded : result.below_min_grade) {
    auto d = make_diagnostic("doc/below-min-grade",
                             graded->symbol.display_name() + " is graded " +
                                 std::string(grade_letter(graded->assessment.grade)) +
                                 ", below the minimum of " +
                                 std::string(grade_letter(*settings.min_grade)));
    d.range = point(graded->symbol.file, graded->symbol.line, 1);
    diagnostics.push_back(std::move(d));
  }
  if (result.is_under_fail_under)
    diagnostics.push_back(make_diagnostic("doc/under-fail-under",
                                          format_percent(result.percent_b_or_better) +
                                              "% of public symbols are graded B or better, under " +
                                              format_threshold(settings.fail_under) + "%"));
  for (const auto& error : parse_errors) {
    auto d = make_diagnostic("doc/does-not-compile", "does not compile: " + error.message);
    if (!error.file.empty()) d.range = point(error.file, error.line, error.column);
    diagnostics.push_back(std::move(d));
  }
  return diagnostics;
}

}  // namespace retort::doc
