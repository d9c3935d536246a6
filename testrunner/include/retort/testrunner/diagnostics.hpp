#pragma once

/// @file
/// A run's failures as retort diagnostics, so `retort test --format sarif|github`
/// annotates the assertion that failed, and the gate can merge them with other tools'.

#include <filesystem>
#include <vector>

#include "retort/core/diagnostic.hpp"
#include "retort/core/rule.hpp"
#include "retort/testrunner/runner.hpp"

namespace retort::testrunner {

/// The rules `test_diagnostics` reports under: `test/failed`, `test/crashed`,
/// `test/timed-out` and `test/flaky`.
RuleCatalog test_rules();

/// Returns a diagnostic for each failed assertion of each test that failed (at the
/// assertion's file and line), one for each test that crashed, timed out or failed
/// without an assertion (at its `TEST`), and one for each flaky test: a warning, or an
/// error when `is_flaky_failing`. Files inside `project_root` are given relative to it.
std::vector<Diagnostic> test_diagnostics(const TestInventory& inventory, const RunOutcome& outcome,
                                         const std::filesystem::path& project_root,
                                         bool is_flaky_failing);

}  // namespace retort::testrunner
