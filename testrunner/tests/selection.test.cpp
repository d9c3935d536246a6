// Selection, ordering and the history, over the fixture programs' real listing.

#include "retort/testrunner/selection.hpp"

#include <set>

#include <gtest/gtest.h>

#include "retort/core/file_io.hpp"
#include "runner_support.hpp"

namespace retort::testrunner {
namespace {

using namespace std::chrono_literals;
using testing::FixtureRun;

std::set<std::string> names(const TestInventory& inventory, const std::vector<std::size_t>& tests) {
  std::set<std::string> result;
  for (auto index : tests) result.insert(inventory.tests[index].full_name());
  return result;
}

std::vector<std::size_t> select(const FixtureRun& fixture, SelectionRequest request,
                                const History& history = History()) {
  return select_tests(fixture.inventory(), request, history);
}

TEST(Listing, NamesTypedAndParameterisedTestsWithTheirPlacesAndTags) {
  FixtureRun fixture;
  const auto& inventory = fixture.inventory();
  const auto& typed = inventory.tests[fixture.index_of("Sizes/1.AreAtLeastFour")];
  EXPECT_EQ(typed.type_param, "long");
  const auto& param = inventory.tests[fixture.index_of("Small/Squares.AreNotNegative/1")];
  EXPECT_EQ(param.value_param, "2");
  const auto& tagged = inventory.tests[fixture.index_of("Math.AddsBadly")];
  EXPECT_EQ(tagged.tags, (std::vector<std::string>{"arithmetic", "known-bug"}));
  EXPECT_EQ(tagged.line, 15);
  EXPECT_TRUE(inventory.tests[fixture.index_of("Math.DISABLED_NotReady")].is_disabled);
}

TEST(Listing, AProgramThatCannotListItsTestsRunsAsOneTestWithAWarning) {
  TestProgram program;
  program.display_name = "not-a-test";
  program.command = {"/bin/false"};
  auto listed = list_tests({program}, 1);
  ASSERT_EQ(listed.warnings.size(), 1u);
  EXPECT_EQ(listed.warnings[0],
            "not-a-test: --gtest_list_tests failed (exit 1); running it as one test");
  ASSERT_EQ(listed.tests.size(), 1u);
  EXPECT_EQ(listed.tests[0].full_name(), "not-a-test");
  EXPECT_FALSE(listed.programs[0].is_gtest);
}

TEST(Tags, AreReadFromTheCommentLinesRightAboveTheTest) {
  std::string source = "// retort: tags db, slow\n// a note\nTEST(A, B) {}\n\nTEST(A, C) {}\n";
  EXPECT_EQ(tags_above(source, 3), (std::vector<std::string>{"db", "slow"}));
  EXPECT_TRUE(tags_above(source, 5).empty());
}

TEST(Selection, GoogleTestFiltersWithNegativePatterns) {
  FixtureRun fixture;
  SelectionRequest request;
  request.filters = {"Math.*-*Badly:*DISABLED*"};
  EXPECT_EQ(names(fixture.inventory(), select(fixture, request)),
            (std::set<std::string>{"Math.Adds", "Math.ComparesStrings"}));
}

TEST(Selection, FileAndLineNamesTheTestDefinedThere) {
  FixtureRun fixture;
  SelectionRequest request;
  request.filters = {"fixtures/basic.cpp:16"};
  EXPECT_EQ(names(fixture.inventory(), select(fixture, request)),
            (std::set<std::string>{"Math.AddsBadly"}));
}

TEST(Selection, OnlyAndExcludeTags) {
  FixtureRun fixture;
  SelectionRequest only;
  only.only_tags = {"slow", "known-bug"};
  EXPECT_EQ(names(fixture.inventory(), select(fixture, only)),
            (std::set<std::string>{"Skipping.SkipsItself", "Math.AddsBadly"}));
  SelectionRequest exclude;
  exclude.filters = {"Math.*"};
  exclude.excluded_tags = {"known-bug"};
  EXPECT_EQ(names(fixture.inventory(), select(fixture, exclude)).count("Math.AddsBadly"), 0u);
}

TEST(Selection, FailedPicksLastRunsFailuresAndNewTests) {
  FixtureRun fixture;
  History history;
  for (const auto& test : fixture.inventory().tests)
    history.record(test_id(fixture.inventory().programs[test.program], test),
                   {1ms, TestStatus::passed});
  auto& inventory = fixture.inventory();
  const auto& failed = inventory.tests[fixture.index_of("Crash.Aborts")];
  history.record(test_id(inventory.programs[failed.program], failed), {1ms, TestStatus::crashed});
  TestCase added = inventory.tests[fixture.index_of("Math.Adds")];
  added.name = "AddsNegatives";
  inventory.tests.push_back(added);
  SelectionRequest request;
  request.is_failed_only = true;
  EXPECT_EQ(names(inventory, select(fixture, request, history)),
            (std::set<std::string>{"Crash.Aborts", "Math.AddsNegatives"}));
}

TEST(Selection, StalePicksProgramsThatChangedSinceTheirLastGreenRun) {
  FixtureRun fixture;
  const auto& programs = fixture.inventory().programs;
  History history;
  ExecutableHashes hashes;
  history.set_green_fingerprint(programs[0].display_name, program_fingerprint(programs[0], hashes));
  history.set_green_fingerprint(programs[1].display_name, "an older build");
  SelectionRequest request;
  request.is_stale_only = true;
  for (auto index : select(fixture, request, history))
    EXPECT_EQ(fixture.inventory().tests[index].program, 1u);
  EXPECT_FALSE(select(fixture, request, history).empty());
}

// Within one run an executable is read once, however many programs run it; a new
// run reads it again.
TEST(Selection, ExecutableHashesReadEachFileOncePerRun) {
  retort::testing::TempTree tree;
  tree.write("tool", "first build");
  ExecutableHashes run;
  auto first = run.of(tree.root() / "tool");
  ASSERT_TRUE(first.has_value());
  tree.write("tool", "second build");
  EXPECT_EQ(run.of(tree.root() / "tool"), first);
  EXPECT_NE(ExecutableHashes().of(tree.root() / "tool"), first);
  EXPECT_FALSE(run.of(tree.root() / "missing").has_value());
}

TEST(Selection, PartitionsCoverEveryTestOnceAndStayPutWhenTestsAreAdded) {
  FixtureRun fixture;
  std::vector<std::set<std::string>> slices;
  std::size_t total = 0;
  for (unsigned k = 1; k <= 3; ++k) {
    SelectionRequest request;
    request.partition = Partition{k, 3};
    slices.push_back(names(fixture.inventory(), select(fixture, request)));
    total += slices.back().size();
  }
  EXPECT_EQ(total, fixture.inventory().tests.size());
  auto& inventory = fixture.inventory();
  TestCase added = inventory.tests.front();
  added.name = "BrandNew";
  inventory.tests.push_back(added);
  for (unsigned k = 1; k <= 3; ++k) {
    SelectionRequest request;
    request.partition = Partition{k, 3};
    auto after = names(inventory, select(fixture, request));
    after.erase(added.full_name());
    EXPECT_EQ(after, slices[k - 1]);
  }
}

TEST(Selection, APartitionMustBeKOfN) {
  EXPECT_TRUE(static_cast<bool>(parse_partition("2/4")));
  for (const char* bad : {"0/4", "5/4", "2", "a/b", "2/4x"}) {
    auto parsed = parse_partition(bad);
    ASSERT_FALSE(static_cast<bool>(parsed)) << bad;
    EXPECT_NE(llvm::toString(parsed.takeError()).find("expected K/N"), std::string::npos);
  }
}

TEST(Plan, UnknownTestsGoFirstThenTheLongest) {
  FixtureRun fixture;
  const auto& inventory = fixture.inventory();
  SelectionRequest request;
  request.filters = {"Math.Adds:Math.ComparesStrings:Slow.*"};
  auto selected = select(fixture, request);
  History history;
  auto record = [&](const std::string& name, std::chrono::milliseconds duration) {
    const auto& test = inventory.tests[fixture.index_of(name)];
    history.record(test_id(inventory.programs[test.program], test), {duration, TestStatus::passed});
  };
  record("Math.Adds", 5ms);
  record("Slow.TakesAWhile", 400ms);
  PlanOptions isolated;
  isolated.is_isolated = true;
  auto plan = plan_work(inventory, selected, history, isolated);
  std::vector<std::string> order;
  for (const auto& item : plan.items) order.push_back(inventory.tests[item.tests[0]].full_name());
  EXPECT_EQ(order,
            (std::vector<std::string>{"Math.ComparesStrings", "Slow.TakesAWhile", "Math.Adds"}));
}

// The tests of the trouble fixture that may share a process (not serial, not
// one-process, not disabled).
std::vector<std::size_t> batchable_trouble_tests(const FixtureRun& fixture) {
  SelectionRequest request;
  request.filters = {"Crash.*:Flaky.*:Exit.*:OrderDependent.*:Slow.*:TempDir.*:Hang.*"};
  return select(fixture, request);
}

TEST(Plan, NeverRunTestsOfAProgramAreCutIntoTwoBatchesPerWorkerInTheirListedOrder) {
  FixtureRun fixture;
  auto tests = batchable_trouble_tests(fixture);
  ASSERT_GE(tests.size(), 12u);
  PlanOptions options;
  options.workers = 2;
  auto plan = plan_work(fixture.inventory(), tests, History(), options);
  ASSERT_EQ(plan.items.size(), 4u);
  std::vector<std::size_t> covered;
  for (const auto& item : plan.items) {
    EXPECT_TRUE(item.is_batch);
    EXPECT_GE(item.tests.size(), tests.size() / 4);
    EXPECT_TRUE(std::is_sorted(item.tests.begin(), item.tests.end()));
    covered.insert(covered.end(), item.tests.begin(), item.tests.end());
  }
  std::sort(covered.begin(), covered.end());
  EXPECT_EQ(covered, tests);
  options.is_isolated = true;
  plan = plan_work(fixture.inventory(), tests, History(), options);
  EXPECT_EQ(plan.items.size(), tests.size());
  for (const auto& item : plan.items) EXPECT_FALSE(item.is_batch);
}

// One long program spreads over the workers; a short one keeps its start-up once.
TEST(Plan, FromTheHistoryALongProgramIsSplitAndAShortOneStaysWhole) {
  FixtureRun fixture;
  const auto& inventory = fixture.inventory();
  auto long_tests = batchable_trouble_tests(fixture);
  SelectionRequest request;
  request.filters = {"Math.*:Small*"};
  auto short_tests = select(fixture, request);
  std::erase_if(short_tests, [&](auto index) { return inventory.tests[index].is_disabled; });
  History history;
  for (auto index : long_tests)
    history.record(
        test_id(inventory.programs[inventory.tests[index].program], inventory.tests[index]),
        {1000ms, TestStatus::passed});
  for (auto index : short_tests)
    history.record(
        test_id(inventory.programs[inventory.tests[index].program], inventory.tests[index]),
        {1ms, TestStatus::passed});
  const auto& short_program = inventory.programs[inventory.tests[short_tests[0]].program];
  history.set_startup(short_program.display_name, 200ms);
  auto selected = long_tests;
  selected.insert(selected.end(), short_tests.begin(), short_tests.end());
  PlanOptions options;
  options.workers = 2;
  auto plan = plan_work(inventory, selected, history, options);
  std::size_t long_batches = 0, short_batches = 0;
  for (const auto& item : plan.items)
    (item.program == inventory.tests[short_tests[0]].program ? short_batches : long_batches)++;
  EXPECT_EQ(short_batches, 1u);
  EXPECT_EQ(long_batches, 4u);
  EXPECT_EQ(plan.items.back().program, inventory.tests[short_tests[0]].program)
      << "the shortest item goes last";
  EXPECT_EQ(plan.items.back().expected,
            std::chrono::milliseconds(200 + static_cast<std::int64_t>(short_tests.size())));
}

// gtest_unittest's shape: 450 tests in 13 ms with a start-up of about 1 ms. Cutting
// it in four cost more start-ups than the even end saved; in two, each core still
// gets half.
TEST(Plan, ABatchBeyondOnePerWorkerMustHoldEightStartUpsOfWork) {
  FixtureRun fixture;
  const auto& inventory = fixture.inventory();
  auto tests = batchable_trouble_tests(fixture);
  const auto& program = inventory.programs[inventory.tests[tests[0]].program];
  auto plan_with = [&](std::chrono::milliseconds each, std::chrono::milliseconds startup) {
    History history;
    for (auto index : tests)
      history.record(test_id(program, inventory.tests[index]), {each, TestStatus::passed});
    history.set_startup(program.display_name, startup);
    PlanOptions options;
    options.workers = 2;
    return plan_work(inventory, tests, history, options).items.size();
  };
  // Work of tests.size() ms against a 1 ms start-up: fewer than 4 x 8 start-ups.
  EXPECT_EQ(plan_with(1ms, 1ms), 2u);
  // A hundred times the work: four batches even out the run's end.
  EXPECT_EQ(plan_with(100ms, 1ms), 4u);
}

TEST(Plan, ASeedShufflesReproducibly) {
  FixtureRun fixture;
  auto selected = select(fixture, {});
  auto order = [&](std::uint64_t seed) {
    PlanOptions options;
    options.seed = seed;
    std::vector<std::size_t> tests;
    for (const auto& item : plan_work(fixture.inventory(), selected, History(), options).items)
      tests.push_back(item.tests.front());
    return tests;
  };
  EXPECT_EQ(order(42), order(42));
  EXPECT_NE(order(42), order(43));
}

TEST(History, SurvivesARoundTripAndAMalformedFileIsAnErrorNamingIt) {
  retort::testing::TempTree tree;
  History history;
  history.record("p::A.B", {12ms, TestStatus::timed_out});
  history.set_green_fingerprint("p", "abc");
  auto file = tree.root() / "history" / "history.json";
  ASSERT_FALSE(static_cast<bool>(history.save(file)));
  auto loaded = History::load(file);
  ASSERT_TRUE(static_cast<bool>(loaded));
  EXPECT_EQ(loaded->find("p::A.B")->duration, 12ms);
  EXPECT_EQ(loaded->find("p::A.B")->status, TestStatus::timed_out);
  EXPECT_EQ(loaded->green_fingerprint("p"), "abc");
  tree.write("broken.json", "{\"version\": 1, \"tests\": {\"x\": {\"status\": \"great\"}}}");
  auto broken = History::load(tree.root() / "broken.json");
  ASSERT_FALSE(static_cast<bool>(broken));
  auto message = llvm::toString(broken.takeError());
  EXPECT_NE(message.find("broken.json"), std::string::npos);
  EXPECT_NE(message.find("'x' has no valid status"), std::string::npos);
}

TEST(History, KeepsMicrosecondsAndReadsTheMillisecondsOfOlderHistories) {
  retort::testing::TempTree tree;
  History history;
  history.record("p::A.Short", {137us, TestStatus::passed});
  history.set_startup("p", 2500us);
  auto file = tree.root() / "history.json";
  ASSERT_FALSE(static_cast<bool>(history.save(file)));
  auto loaded = History::load(file);
  ASSERT_TRUE(static_cast<bool>(loaded));
  EXPECT_EQ(loaded->find("p::A.Short")->duration, 137us);
  EXPECT_EQ(loaded->startup("p"), 2500us);
  tree.write("old.json",
             "{\"version\": 1, \"tests\": {\"p::A.B\": {\"ms\": 7, \"status\": \"passed\"}}}");
  auto old = History::load(tree.root() / "old.json");
  ASSERT_TRUE(static_cast<bool>(old));
  EXPECT_EQ(old->find("p::A.B")->duration, 7ms);
}

}  // namespace
}  // namespace retort::testrunner
