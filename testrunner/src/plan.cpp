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
#include <random>
#include <set>
#include <thread>
#include <unordered_map>

#include "retort/core/source_files.hpp"
#include "retort/testrunner/selection.hpp"

namespace retort::testrunner {
namespace {

using SuiteKey = std::pair<std::size_t, std::string>;
using Microseconds = std::chrono::microseconds;

// Batches per executor: enough that the run's end is not one long batch on one core.
constexpr double batches_per_worker = 2.0;
// The fewest start-ups' worth of work a batch beyond one per worker must hold.
constexpr std::int64_t min_work_per_startup = 8;

std::set<SuiteKey> suites_tagged(const TestInventory& inventory,
                                 const std::vector<std::size_t>& selected, std::string_view tag,
                                 const std::vector<std::string>& globs) {
  std::set<SuiteKey> suites;
  for (auto index : selected) {
    const auto& test = inventory.tests[index];
    // A plain command has no suite: the globs name it by its CTest name.
    const auto& name = test.suite.empty() ? test.name : test.suite;
    if (test.has_tag(tag) || matches_any_glob(name, globs))
      suites.insert({test.program, test.suite});
  }
  return suites;
}

// What each selected test is expected to cost: its last duration, or for a test
// never run the mean of those that did (1 ms when none did, so that cold batches
// split by count). Each test's record is looked up once.
class CostModel {
 public:
  CostModel(const TestInventory& inventory, const std::vector<std::size_t>& selected,
            const History& history)
      : inventory_(inventory), history_(history) {
    Microseconds known{0};
    std::int64_t count = 0;
    for (auto index : selected) {
      const auto& test = inventory.tests[index];
      auto record = history.find(test_id(inventory.programs[test.program], test));
      if (record) {
        known += record->duration;
        ++count;
      }
      records_.emplace(index, record);
    }
    if (count) unknown_ = std::max(Microseconds(1), known / count);
  }

  std::optional<TestRecord> find(std::size_t test) const { return records_.at(test); }
  Microseconds cost(std::size_t test) const {
    const auto& record = records_.at(test);
    return record ? std::max(Microseconds(1), record->duration) : unknown_;
  }
  Microseconds cost(const std::vector<std::size_t>& tests) const {
    Microseconds total{0};
    for (auto test : tests) total += cost(test);
    return total;
  }
  Microseconds startup(std::size_t program) const {
    return history_.startup(inventory_.programs[program].display_name).value_or(Microseconds(0));
  }

 private:
  const TestInventory& inventory_;
  const History& history_;
  std::unordered_map<std::size_t, std::optional<TestRecord>> records_;
  Microseconds unknown_{std::chrono::milliseconds(1)};
};

// The tests that may share a process, by program and by serial or not.
using BatchKey = std::pair<std::size_t, bool>;
using BatchGroups = std::map<BatchKey, std::vector<std::size_t>>;

// Cuts `tests` (costing `work`) into `count` consecutive runs of about equal work,
// in the listing's order, so a suite's set-up runs in as few processes as possible.
void cut_into_batches(const BatchKey& key, const std::vector<std::size_t>& tests, Microseconds work,
                      std::size_t count, const CostModel& costs, std::vector<WorkItem>& items) {
  auto per_batch = static_cast<double>(work.count()) / static_cast<double>(count);
  WorkItem item{key.first, {}, key.second, false, std::nullopt};
  auto close = [&] {
    item.is_batch = item.tests.size() > 1;
    items.push_back(item);
    item.tests.clear();
  };
  double done = 0;
  std::size_t cut = 0;
  for (auto test : tests) {
    auto cost = static_cast<double>(costs.cost(test).count());
    // A test opens the next batch when its middle lies past this batch's end.
    if (!item.tests.empty() && cut + 1 < count && done + cost / 2 > per_batch * (cut + 1)) {
      close();
      ++cut;
    }
    item.tests.push_back(test);
    done += cost;
  }
  close();
}

// How many batches a group of `work` gets, given `share` of the run's work: its
// share of `workers` times batches_per_worker. The batches beyond one per worker
// are there to even out the run's end, which is worth a process's start-up only when
// each batch still holds `min_work_per_startup` start-ups of work: a program of 450
// tests that runs in 13 ms, cut in four, spent more starting than it saved.
std::size_t batch_count(double share, Microseconds work, Microseconds startup, unsigned workers) {
  auto wanted = static_cast<std::size_t>(std::ceil(share * batches_per_worker * workers - 1e-9));
  auto one_per_worker = static_cast<std::size_t>(std::ceil(share * workers - 1e-9));
  if (startup.count() <= 0) return wanted;
  auto worth_starting =
      static_cast<std::size_t>(work.count() / (startup.count() * min_work_per_startup));
  return std::min(wanted, std::max(one_per_worker, worth_starting));
}

// Gives each group its batch_count.
std::vector<WorkItem> batch(const BatchGroups& groups, const CostModel& costs, unsigned workers) {
  std::vector<Microseconds> works;
  Microseconds run_work{0};
  std::set<std::size_t> programs;
  for (const auto& [key, tests] : groups) {
    works.push_back(costs.cost(tests));
    run_work += works.back();
    if (programs.insert(key.first).second) run_work += costs.startup(key.first);
  }
  std::vector<WorkItem> items;
  auto work = works.begin();
  for (const auto& [key, tests] : groups) {
    auto share = static_cast<double>(work->count()) / static_cast<double>(run_work.count());
    auto count = batch_count(share, *work, costs.startup(key.first), workers);
    cut_into_batches(key, tests, *work++, std::clamp<std::size_t>(count, 1, tests.size()), costs,
                     items);
  }
  return items;
}

void estimate(WorkItem& item, const CostModel& costs) {
  Microseconds total = item.tests.size() > 1 ? costs.startup(item.program) : Microseconds(0);
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
  BatchGroups groups;
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
    groups[{test.program, is_serial}].push_back(index);
  }
  CostModel costs(inventory, selected, history);
  if (options.seed) {
    std::mt19937_64 random(*options.seed);
    for (auto& [key, tests] : groups) std::shuffle(tests.begin(), tests.end(), random);
  }
  for (auto& item : batch(groups, costs, resolve_jobs(options.workers)))
    plan.items.push_back(std::move(item));
  for (auto& item : plan.items) estimate(item, costs);
  order(plan.items, options.seed);
  return plan;
}

unsigned resolve_jobs(unsigned jobs) {
  return jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

std::size_t planned_tests(const WorkPlan& plan) {
  std::size_t count = plan.disabled.size();
  for (const auto& item : plan.items) count += item.tests.size();
  return count;
}

}  // namespace retort::testrunner
