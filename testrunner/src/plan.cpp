// Batching and ordering. A program's tests run in a few processes (batches) rather
// than one each, because a process's start-up (static constructors, `main` before
// RUN_ALL_TESTS, writing coverage data) can cost more than its tests: leveldb's
// db_test runs its benchmarks in `main`, 9 s, before each of its 57 tests. Batches
// are cut to about the run's work divided by twice the executors, so the longest
// program still spreads over every core and the run does not end on one long batch;
// a program's start-up is not divided by splitting it, so it never decides the cut.
// Items are then ordered as gtest-parallel does: unknown durations first (they may
// be the longest), then the longest first.

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <thread>

#include "retort/core/source_files.hpp"
#include "retort/testrunner/selection.hpp"

namespace retort::testrunner {
namespace {

using SuiteKey = std::pair<std::size_t, std::string>;
using Milliseconds = std::chrono::milliseconds;

// Batches per executor: enough that the run's end is not one long batch on one core.
constexpr double batches_per_worker = 2.0;

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

// What each selected test is expected to cost: its last duration, or for a test
// never run the mean of those that did (1 ms when none did, so that cold batches
// split by count).
class CostModel {
 public:
  CostModel(const TestInventory& inventory, const std::vector<std::size_t>& selected,
            const History& history)
      : inventory_(inventory), history_(history) {
    Milliseconds known{0};
    std::size_t count = 0;
    for (auto index : selected)
      if (auto record = find(index)) {
        known += record->duration;
        ++count;
      }
    unknown_ = count ? std::max(Milliseconds(1), known / static_cast<std::int64_t>(count))
                     : Milliseconds(1);
  }

  std::optional<TestRecord> find(std::size_t test) const {
    const auto& entry = inventory_.tests[test];
    return history_.find(test_id(inventory_.programs[entry.program], entry));
  }
  Milliseconds cost(std::size_t test) const {
    auto record = find(test);
    return record ? std::max(Milliseconds(1), record->duration) : unknown_;
  }
  Milliseconds startup(std::size_t program) const {
    return history_.startup(inventory_.programs[program].display_name).value_or(Milliseconds(0));
  }

 private:
  const TestInventory& inventory_;
  const History& history_;
  Milliseconds unknown_{1};
};

// The tests that may share a process, grouped by program and by serial or not.
struct BatchGroup {
  std::size_t program = 0;
  bool is_serial = false;
  std::vector<std::size_t> tests;
};

// Cuts `group` into consecutive runs of equal work (in the listing's order, so a
// suite's set-up runs in as few processes as possible), as many as its share of
// the run's `batches`.
void cut_into_batches(const BatchGroup& group, double share_of_run, double batches,
                      const CostModel& costs, std::vector<WorkItem>& items) {
  Milliseconds work{0};
  for (auto test : group.tests) work += costs.cost(test);
  auto count = static_cast<std::size_t>(std::ceil(share_of_run * batches - 1e-9));
  count = std::clamp<std::size_t>(count, 1, group.tests.size());
  auto per_batch = static_cast<double>(work.count()) / static_cast<double>(count);
  WorkItem item{group.program, {}, group.is_serial, false, std::nullopt};
  double done = 0;
  std::size_t cut = 0;
  for (auto test : group.tests) {
    auto cost = static_cast<double>(costs.cost(test).count());
    // A test opens the next batch when its middle lies past this batch's end.
    if (!item.tests.empty() && cut + 1 < count && done + cost / 2 > per_batch * (cut + 1)) {
      items.push_back(item);
      item.tests.clear();
      ++cut;
    }
    item.tests.push_back(test);
    done += cost;
  }
  items.push_back(std::move(item));
}

std::vector<WorkItem> batch(std::vector<BatchGroup> groups, const CostModel& costs,
                            unsigned workers) {
  Milliseconds work{0};
  std::set<std::size_t> programs;
  for (const auto& group : groups) {
    for (auto test : group.tests) work += costs.cost(test);
    if (programs.insert(group.program).second) work += costs.startup(group.program);
  }
  std::vector<WorkItem> items;
  for (const auto& group : groups) {
    Milliseconds group_work{0};
    for (auto test : group.tests) group_work += costs.cost(test);
    auto share = static_cast<double>(group_work.count()) / static_cast<double>(work.count());
    auto first = items.size();
    cut_into_batches(group, share, batches_per_worker * workers, costs, items);
    for (auto i = first; i < items.size(); ++i) items[i].is_batch = items[i].tests.size() > 1;
  }
  return items;
}

void estimate(WorkItem& item, const CostModel& costs) {
  Milliseconds total = item.tests.size() > 1 ? costs.startup(item.program) : Milliseconds(0);
  for (auto test : item.tests) {
    auto record = costs.find(test);
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
  // Among items never timed, the biggest batch first.
  std::stable_sort(items.begin(), items.end(), [](const WorkItem& a, const WorkItem& b) {
    if (a.expected.has_value() != b.expected.has_value()) return !a.expected.has_value();
    if (!a.expected) return a.tests.size() > b.tests.size();
    return *a.expected > *b.expected;
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
  std::map<std::pair<std::size_t, bool>, BatchGroup> groups;
  for (auto index : selected) {
    const auto& test = inventory.tests[index];
    if (test.is_disabled) {
      plan.disabled.push_back(index);
      continue;
    }
    SuiteKey suite{test.program, test.suite};
    bool is_serial = serial.count(suite) > 0 || inventory.programs[test.program].is_serial;
    // A whole program matching a one-process glob shares one process.
    SuiteKey group = one_process_programs.count(test.program) ? SuiteKey{test.program, "*"} : suite;
    if (one_process.count(suite) || group != suite) {
      auto [place, is_new] = suite_items.try_emplace(group, plan.items.size());
      if (is_new) plan.items.push_back({test.program, {}, is_serial, false, std::nullopt});
      plan.items[place->second].tests.push_back(index);
      continue;
    }
    if (options.is_isolated || !inventory.programs[test.program].is_gtest) {
      plan.items.push_back({test.program, {index}, is_serial, false, std::nullopt});
      continue;
    }
    auto& batch_group = groups[{test.program, is_serial}];
    batch_group.program = test.program;
    batch_group.is_serial = is_serial;
    batch_group.tests.push_back(index);
  }
  CostModel costs(inventory, selected, history);
  if (options.seed) {
    std::mt19937_64 random(*options.seed);
    for (auto& [key, group] : groups) std::shuffle(group.tests.begin(), group.tests.end(), random);
  }
  std::vector<BatchGroup> batch_groups;
  for (auto& [key, group] : groups) batch_groups.push_back(std::move(group));
  unsigned workers =
      options.workers ? options.workers : std::max(1u, std::thread::hardware_concurrency());
  for (auto& item : batch(std::move(batch_groups), costs, workers))
    plan.items.push_back(std::move(item));
  for (auto& item : plan.items) estimate(item, costs);
  order(plan.items, options.seed);
  return plan;
}

std::size_t planned_tests(const WorkPlan& plan) {
  std::size_t count = plan.disabled.size();
  for (const auto& item : plan.items) count += item.tests.size();
  return count;
}

}  // namespace retort::testrunner
