#pragma once

/// @file
/// `retort doc-grade`'s gates (`--min-grade`, `--fail-under`) and what fails them,
/// as text and as retort diagnostics for `--format sarif|github|junit`.

#include <optional>
#include <ostream>
#include <vector>

#include "retort/core/diagnostic.hpp"
#include "retort/core/rule.hpp"
#include "retort/docgen/extract.hpp"
#include "retort/docgen/report.hpp"

namespace retort::doc {

/// What the gates ask for.
struct GateSettings {
  /// The worst grade a public symbol may have (`--min-grade`), if any.
  std::optional<Grade> min_grade;
  /// The least share of symbols graded B or better, in percent (`--fail-under`).
  double fail_under = 0;
};

/// What fails the gates.
struct GateResult {
  /// Symbols graded below `min_grade`, in order.
  std::vector<const GradedSymbol*> below_min_grade;
  /// The share of symbols graded B or better, in percent.
  double percent_b_or_better = 100;
  /// True when that share is under `fail_under`.
  bool is_under_fail_under = false;

  /// Returns true when nothing fails.
  bool passes() const { return below_min_grade.empty() && !is_under_fail_under; }
};

/// Applies `settings` to `graded`.
GateResult apply_gates(const std::vector<GradedSymbol>& graded, const GateSettings& settings);

/// Prints what fails the gates, as `retort doc-grade` does after its suggestions.
void print_gate_failures(std::ostream& out, const GateResult& result, const GateSettings& settings);

/// The rules of the diagnostics below: `doc/below-min-grade`, `doc/under-fail-under`
/// and `doc/does-not-compile`.
RuleCatalog doc_grade_rules();

/// Returns an error for each symbol below the minimum grade (at its declaration), one
/// about the whole project when the share of well-documented symbols is under
/// `--fail-under`, and one for each header error that kept symbols from being graded.
std::vector<Diagnostic> gate_diagnostics(const GateResult& result, const GateSettings& settings,
                                         const std::vector<ParseError>& parse_errors);

}  // namespace retort::doc
