#pragma once

/// @file
/// The global phase: every unit's summary linked (an actor defined in a header is one
/// actor, whichever units see it), then each rule decided. Dialyzer's rule holds: a
/// warning is only given when it is certainly right, so a send whose target could be
/// one of several actors is warned only when every one of them fails.

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

/// Links `summaries` and returns the warnings, ordered by file and line.
std::vector<Diagnostic> analyse(const std::vector<UnitSummary>& summaries);

}  // namespace retort::typecheck
