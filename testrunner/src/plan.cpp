// Batching and ordering, as gtest-parallel does: tests whose duration is unknown go
// first (they may be the longest), then the longest first, so the run does not end
// waiting on one slow test started last.

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "retort/core/source_files.hpp"
#include "retort/testrunner/selection.hpp"

namespace retort::testrunner {
namespace {

using SuiteKey = std::pair<std::size_t, std::string>;

std::set<SuiteKey> suites_tagged(const TestInventory& inventory,
                                 const std::vector<std::size_t>& selected, std::string_view tag,
                                 const std::vector<std::string>& globs) {
  std::set<SuiteKey> suites;
  for (auto index : selected) {
    const auto& test = inventory.tests[index];
    if (test.suite.empty()) continue;
    if (test.has_tag(tag) || matches_any_glob(test.suite, globs))
      suites.insert({test.program, test.suite});
  }
  return suites;
}

void estimate(WorkItem& item, const TestInventory& inventory, const History& history) {
  std::chrono::milliseconds total{0};
  for (auto index : item.tests) {
    const auto& test = inventory.tests[index];
    auto record = history.find(test_id(inventory.programs[test.program], test));
    if (!record) return;
    total += record->duration;
  }
  item.expected = total;
}

void order(std::vector<WorkItem>& items, const std::optional<std::uint64_t>& seed) {
  if (seed) {
    std::mt19937_64 random(*seed);
    std::shuffle(items.begin(), items.end(), random);
    return;
  }
  std::stable_sort(items.begin(), items.end(), [](const WorkItem& a, const WorkItem& b) {
    if (a.expected.has_value() != b.expected.has_value()) return !a.expected.has_value();
    return a.expected && *a.expected > *b.expected;
  });
}

}  // namespace

WorkPlan plan_work(const TestInventory& inventory, const std::vector<std::size_t>& selected,
                   const History& history, const PlanOptions& options) {
  auto serial = suites_tagged(inventory, selected, "serial", options.serial_suites);
  auto one_process = suites_tagged(inventory, selected, "one-process", options.one_process_suites);
  std::set<std::size_t> one_process_programs;
  for (std::size_t p = 0; p < inventory.programs.size(); ++p)
    if (matches_any_glob(inventory.programs[p].display_name, options.one_process_suites))
      one_process_programs.insert(p);
  WorkPlan plan;
  std::map<SuiteKey, std::size_t> suite_items;
  for (auto index : selected) {
    const auto& test = inventory.tests[index];
    if (test.is_disabled) {
      plan.disabled.push_back(index);
      continue;
    }
    SuiteKey suite{test.program, test.suite};
    // A whole program matching a one-process glob shares one process.
    SuiteKey group = one_process_programs.count(test.program) ? SuiteKey{test.program, "*"} : suite;
    if (one_process.count(suite) || group != suite) {
      auto [place, is_new] = suite_items.try_emplace(group, plan.items.size());
      if (!is_new) {
        plan.items[place->second].tests.push_back(index);
        continue;
      }
    }
    WorkItem item;
    item.program = test.program;
    item.tests = {index};
    item.is_serial = serial.count(suite) > 0 || inventory.programs[test.program].is_serial;
    plan.items.push_back(std::move(item));
  }
  for (auto& item : plan.items) estimate(item, inventory, history);
  order(plan.items, options.seed);
  return plan;
}

}  // namespace retort::testrunner
