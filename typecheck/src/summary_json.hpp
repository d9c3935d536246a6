#pragma once

// A unit's summary as JSON, for the per-unit cache: what `summarise` found, written
// and read back field for field.

#include <optional>

#include <llvm/Support/JSON.h>

#include "retort/typecheck/summary.hpp"

namespace retort::typecheck {

// Returns `summary` as one JSON object.
llvm::json::Value summary_to_json(const UnitSummary& summary);

// Returns the summary `value` holds, or nothing when it is not one (missing, of
// another format, damaged).
std::optional<UnitSummary> summary_from_json(const llvm::json::Value* value);

}  // namespace retort::typecheck
