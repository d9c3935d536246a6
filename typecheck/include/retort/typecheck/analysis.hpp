#pragma once

/// @file
/// The global phase: every unit's summary linked (an actor defined in a header is one
/// actor, whichever units see it), then each rule decided. Dialyzer's rule holds: a
/// warning is only given when it is certainly right, so a send whose target could be
/// one of several actors is warned only when every one of them fails.

#include <cstddef>
#include <vector>

#include "retort/core/diagnostic.hpp"
#include "retort/core/rule.hpp"
#include "retort/typecheck/summary.hpp"

namespace retort::typecheck {

/// The warnings `retort typecheck` gives, with their explanations.
RuleCatalog typecheck_rules();

/// Returns the explanation of warning `id` (what it means, an example, how to fix
/// it), or an empty string for an unknown id.
std::string explain_warning(const std::string& id);

/// What the global phase decides.
struct Analysis {
  /// The warnings, ordered by file and line.
  std::vector<Diagnostic> warnings;
  /// How many send sites have a target that could not be followed (not checked).
  std::size_t unresolved_sends = 0;
};

/// What the global phase is told about the run.
struct AnalysisOptions {
  /// False when some unit did not compile: what is never sent is then not judged.
  bool sees_every_send = true;
  /// Adds a low-priority `unresolved-target` note for each send not checked.
  bool reports_unresolved_targets = false;
};

/// Orders `findings` by file, line, column and message, each once: a header's are in
/// every unit that includes it.
void order_findings(std::vector<Diagnostic>& findings);

/// Links `summaries`: resolves every send's target through the facts of all units,
/// then decides each warning.
Analysis analyse(const std::vector<UnitSummary>& summaries, const AnalysisOptions& options = {});

}  // namespace retort::typecheck
