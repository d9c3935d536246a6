#pragma once

/// @file
/// Coverage gates and uncovered changes as retort diagnostics, so `retort cover
/// --format sarif|github|junit` annotates a pull request and the gate can merge them
/// with the other tools' findings.

#include <optional>
#include <string>
#include <vector>

#include "retort/core/coverage_data.hpp"
#include "retort/core/diagnostic.hpp"
#include "retort/core/rule.hpp"
#include "retort/coverage/diff_coverage.hpp"

namespace retort::coverage {

/// The rules the diagnostics below report under: `cover/below-minimum` and
/// `cover/uncovered-change`.
RuleCatalog coverage_rules();

/// Returns an error about the whole project when `counts` fall short of `minimum`
/// percent (`what` names them, e.g. `line coverage`), or nothing when they do not or
/// there is no minimum.
///
/// ```cpp
/// auto gate = retort::coverage::gate_diagnostic("line coverage", {10, 7}, 80.0);
/// // gate->message == "line coverage 70.0% is below the minimum of 80%"
/// ```
std::optional<Diagnostic> gate_diagnostic(const std::string& what, const Counts& counts,
                                          std::optional<double> minimum);

/// Returns a warning for each run of consecutive changed code lines that no test
/// executed, at the run's first line: what a reviewer should look at in the diff.
std::vector<Diagnostic> uncovered_change_diagnostics(const DiffCoverage& diff);

}  // namespace retort::coverage
