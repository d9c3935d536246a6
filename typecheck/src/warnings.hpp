#pragma once

// The warnings `retort typecheck` gives: their ids, summaries and explanations, and
// how one is made.

#include <string>

#include "retort/core/diagnostic.hpp"
#include "retort/typecheck/summary.hpp"

namespace retort::typecheck {

// A warning `id` at `place`, its summary as the explanation line.
Diagnostic make_warning(const std::string& id, std::string message, const Place& place,
                        Priority priority = Priority::high);

}  // namespace retort::typecheck
