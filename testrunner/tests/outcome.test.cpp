// Judging a shared process's tests from its output and when that output arrived.

#include "outcome.hpp"

#include <gtest/gtest.h>

namespace retort::testrunner::detail {
namespace {

using namespace std::chrono_literals;

TestInventory two_test_program() {
  TestInventory inventory;
  inventory.programs.push_back(
      {"bin/suite", {"bin/suite"}, {}, {}, true, {}, false, false, {}, {}});
  for (const char* name : {"Slow", "Quick"}) {
    TestCase test;
    test.suite = "A";
    test.name = name;
    inventory.tests.push_back(test);
  }
  return inventory;
}

// GoogleTest's own output for the two tests; the offsets where each line ends.
constexpr std::string_view run_slow = "[ RUN      ] A.Slow\n";
constexpr std::string_view ok_slow = "[       OK ] A.Slow (1 ms)\n";
constexpr std::string_view run_quick = "[ RUN      ] A.Quick\n";
constexpr std::string_view ok_quick = "[       OK ] A.Quick (0 ms)\n";

ProcessEnd batch_end() {
  ProcessEnd end;
  end.output =
      std::string(run_slow) + std::string(ok_slow) + std::string(run_quick) + std::string(ok_quick);
  end.duration = 4000us;
  return end;
}

WorkItem batch_of_both() { return {0, {0, 1}, false, true, std::nullopt}; }

TEST(Outcome, ASharedProcesssTestsAreTimedByWhenTheirLinesArrived) {
  auto inventory = two_test_program();
  auto end = batch_end();
  std::size_t after_run_slow = run_slow.size();
  std::size_t after_ok_slow = after_run_slow + ok_slow.size();
  // The slow test's RUN line came 500 us in, its closing line 1.7 ms later; the quick
  // test's two lines came together, 300 us after that: the time between the two tests
  // (fixtures' tear-down and set-up) is the second one's.
  end.arrivals = {{after_run_slow, 500us}, {after_ok_slow, 2200us}, {end.output.size(), 2500us}};
  auto verdict = judge_item(inventory, batch_of_both(), end);
  ASSERT_EQ(verdict.attempts.size(), 2u);
  EXPECT_EQ(verdict.attempts[0].second.duration, 1700us);
  EXPECT_EQ(verdict.attempts[1].second.duration, 300us);
  EXPECT_TRUE(verdict.attempts[0].second.is_shared_process);
  // Before the first RUN line and after the last closing line: the process's own.
  EXPECT_EQ(verdict.startup, 2000us);
}

TEST(Outcome, WithoutArrivalsGoogleTestsOwnMillisecondsAreTheTime) {
  auto inventory = two_test_program();
  auto verdict = judge_item(inventory, batch_of_both(), batch_end());
  ASSERT_EQ(verdict.attempts.size(), 2u);
  EXPECT_EQ(verdict.attempts[0].second.duration, 1ms);
  EXPECT_EQ(verdict.attempts[1].second.duration, 0ms);
  EXPECT_EQ(verdict.startup, 3ms);
}

TEST(Outcome, ArrivalsCountFromTheFirstByteEvenWhenTheRunnerCutTheOutput) {
  auto inventory = two_test_program();
  auto end = batch_end();
  // 64 bytes the test printed before were cut to keep within the output limit.
  end.cut = 64;
  std::size_t after_run_slow = 64 + run_slow.size();
  end.arrivals = {{after_run_slow, 100us},
                  {after_run_slow + ok_slow.size(), 900us},
                  {64 + end.output.size(), 1000us}};
  auto verdict = judge_item(inventory, batch_of_both(), end);
  ASSERT_EQ(verdict.attempts.size(), 2u);
  EXPECT_EQ(verdict.attempts[0].second.duration, 800us);
  EXPECT_EQ(verdict.attempts[1].second.duration, 100us);
}

}  // namespace
}  // namespace retort::testrunner::detail
