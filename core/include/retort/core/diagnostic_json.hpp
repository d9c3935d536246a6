#pragma once

/// @file
/// One diagnostic as a JSON object, the shape of the JSON report's `diagnostics`
/// entries. The result caches and lint baselines store diagnostics in this shape too.

#include <optional>

#include <llvm/Support/JSON.h>

#include "retort/core/diagnostic.hpp"

namespace retort {

/// Returns `diagnostic` as a JSON object: `tool`, `check_id`, `category`, `priority`,
/// `severity`, `message`, `file`, `line`, `column`, `end_line`, `end_column`, and
/// `explanation` and `fix` when present.
llvm::json::Object diagnostic_to_json(const Diagnostic& diagnostic);

/// Returns the diagnostic that `value` (as written by `diagnostic_to_json`) holds, or
/// `std::nullopt` when a field is missing or of the wrong kind.
std::optional<Diagnostic> diagnostic_from_json(const llvm::json::Value& value);

}  // namespace retort
