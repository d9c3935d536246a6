#pragma once

// What must have finished before a program's tests start: CTest's fixtures (a test
// that needs a fixture runs after the tests that set it up, and not at all when one of
// them failed; a fixture's clean-up runs after every test that needs it) and DEPENDS.

#include <vector>

#include "retort/testrunner/discovery.hpp"

namespace retort::testrunner::detail {

// For each program of an inventory, by index.
struct Prerequisites {
  // The programs whose tests must all have finished before its tests start.
  std::vector<std::vector<std::size_t>> before;
  // Those of `before` that set up a fixture it needs: when one failed, it does not run.
  std::vector<std::vector<std::size_t>> setups;
};

// Works out the prerequisites of every program of `inventory`.
Prerequisites prerequisites_of(const TestInventory& inventory);

}  // namespace retort::testrunner::detail
