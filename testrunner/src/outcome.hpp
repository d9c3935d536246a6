#pragma once

// Judging how each test of a finished child process went, from its output and
// wait status: pure, so the tests can feed it GoogleTest's real output.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "retort/testrunner/discovery.hpp"
#include "retort/testrunner/selection.hpp"

namespace retort::testrunner::detail {

// A child's output had reached `end` bytes (counted from its first, including any
// the runner has since cut) `at` after the child started.
struct OutputArrival {
  std::size_t end = 0;
  std::chrono::microseconds at{0};
};

// How one child process ended.
struct ProcessEnd {
  std::string output;
  // Bytes cut from the front of `output` to keep it within the output limit.
  std::size_t cut = 0;
  // When each chunk of output arrived, in order.
  std::vector<OutputArrival> arrivals;
  int wait_status = 0;
  bool is_timed_out = false;
  bool is_interrupted = false;
  std::chrono::microseconds duration{0};
};

// Each test's attempt, the tests of a shared process that never started (or, for a
// batch, cannot be judged from it), and the time the process spent outside its
// tests when it ran them all cleanly.
struct ItemVerdict {
  std::vector<std::pair<std::size_t, TestAttempt>> attempts;
  std::vector<std::size_t> unstarted;
  std::optional<std::chrono::microseconds> startup;
};

// Returns the command line that runs `item`'s tests.
std::vector<std::string> item_command(const TestInventory& inventory, const WorkItem& item,
                                      const std::optional<std::uint64_t>& seed);

// Judges every test of `item` from how its process ended.
ItemVerdict judge_item(const TestInventory& inventory, const WorkItem& item, const ProcessEnd& end);

}  // namespace retort::testrunner::detail
