#include "outcome.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <unordered_map>

#include <llvm/Support/Regex.h>

#include "retort/testrunner/child_process.hpp"
#include "retort/testrunner/gtest_output.hpp"

namespace retort::testrunner::detail {
namespace {

constexpr std::size_t crash_context_lines = 20;

// What ended the process, when that, not GoogleTest, decides a test's status.
void apply_process_end(TestAttempt& attempt, const ProcessEnd& end) {
  if (end.is_interrupted) {
    attempt.status = TestStatus::not_run;
  } else if (end.is_timed_out) {
    attempt.status = TestStatus::timed_out;
  } else if (WIFSIGNALED(end.wait_status)) {
    attempt.status = TestStatus::crashed;
    attempt.signal_name = signal_name(WTERMSIG(end.wait_status));
  } else {
    attempt.status = TestStatus::failed;
  }
}

int exit_code_of(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  return 128 + WTERMSIG(wait_status);
}

TestAttempt judge_plain_command(const TestProgram& program, const ProcessEnd& end) {
  TestAttempt attempt;
  attempt.output = end.output;
  attempt.duration = end.duration;
  attempt.exit_code = exit_code_of(end.wait_status);
  if (end.is_interrupted || end.is_timed_out || WIFSIGNALED(end.wait_status)) {
    apply_process_end(attempt, end);
    return attempt;
  }
  bool is_success = attempt.exit_code == 0;
  // CTest's PASS_REGULAR_EXPRESSION, as POSIX extended expressions like CTest's own
  // matcher. llvm::Regex, not std::regex: libstdc++'s recurses once per character and
  // overflows the stack on a long output.
  if (!program.pass_patterns.empty())
    is_success = std::any_of(
        program.pass_patterns.begin(), program.pass_patterns.end(),
        [&](const std::string& pattern) { return llvm::Regex(pattern).match(end.output); });
  if (program.is_expected_to_fail) is_success = !is_success;
  attempt.status = is_success ? TestStatus::passed : TestStatus::failed;
  return attempt;
}

// A test that was running when its process ended, or that never closed.
void judge_unclosed(TestAttempt& attempt, const ProcessEnd& end) {
  apply_process_end(attempt, end);
  if (attempt.status != TestStatus::failed) return;
  attempt.output += "retort: the test process exited with code " +
                    std::to_string(attempt.exit_code) + " before the test finished\n";
}

TestAttempt judge_section(const GtestSection& section, const ProcessEnd& end,
                          std::chrono::microseconds duration) {
  TestAttempt attempt;
  attempt.output = section.output;
  attempt.duration = duration;
  attempt.exit_code = exit_code_of(end.wait_status);
  if (!section.status) {
    judge_unclosed(attempt, end);
    if (attempt.status == TestStatus::crashed)
      attempt.output = last_lines(attempt.output, crash_context_lines);
  } else {
    attempt.status = *section.status;
  }
  attempt.failures = parse_assertion_failures(section.output);
  return attempt;
}

TestAttempt missing_test(const TestCase& test, const ProcessEnd& end) {
  TestAttempt attempt;
  attempt.duration = end.duration;
  attempt.exit_code = exit_code_of(end.wait_status);
  attempt.output = end.output;
  apply_process_end(attempt, end);
  // GTEST_SKIP in a global environment's SetUp skips every test without a RUN line.
  if (attempt.status == TestStatus::failed && attempt.exit_code == 0 &&
      end.output.find(": Skipped\n") != std::string::npos) {
    attempt.status = TestStatus::skipped;
    return attempt;
  }
  if (attempt.status == TestStatus::failed)
    attempt.output += "retort: " + test.full_name() + " did not run (exit code " +
                      std::to_string(attempt.exit_code) + "); was it removed from the binary?\n";
  return attempt;
}

}  // namespace

std::vector<std::string> item_command(const TestInventory& inventory, const WorkItem& item,
                                      const std::optional<std::uint64_t>& seed) {
  const auto& program = inventory.programs[item.program];
  auto argv = program.command;
  if (!program.is_gtest) return argv;
  // An item with every enabled test of its program runs unfiltered, exactly as the
  // binary runs alone: some suites look at the filter to tell a full run.
  auto enabled = std::count_if(inventory.tests.begin(), inventory.tests.end(), [&](const auto& t) {
    return t.program == item.program && !t.is_disabled;
  });
  if (static_cast<std::size_t>(enabled) != item.tests.size()) {
    std::string filter = "--gtest_filter=";
    for (std::size_t i = 0; i < item.tests.size(); ++i)
      filter += (i ? ":" : "") + inventory.tests[item.tests[i]].full_name();
    argv.push_back(filter);
  }
  argv.push_back("--gtest_color=no");
  if (seed && item.tests.size() > 1) {
    argv.push_back("--gtest_shuffle");
    // GoogleTest takes seeds from 1 to 99999.
    argv.push_back("--gtest_random_seed=" + std::to_string(*seed % 99999 + 1));
  }
  return argv;
}

namespace {

using Microseconds = std::chrono::microseconds;

// When the byte at `offset` of the output arrived, since the process started.
std::optional<Microseconds> arrival_of(const ProcessEnd& end, std::size_t offset) {
  auto chunk = std::upper_bound(
      end.arrivals.begin(), end.arrivals.end(), end.cut + offset,
      [](std::size_t byte, const OutputArrival& arrival) { return byte < arrival.end; });
  if (chunk == end.arrivals.end()) return std::nullopt;
  return chunk->at;
}

// The `index`th test's time in a shared process, at the microsecond (GoogleTest's
// "(0 ms)" hides what a thousand short tests cost): from the previous test's closing
// line's arrival (its own RUN line's, for the first) to its own closing line's, so
// that fixtures' set-up and tear-down between tests count too. GoogleTest's figure
// when the arrivals are unknown.
Microseconds time_in_shared_process(const std::vector<GtestSection>& sections, std::size_t index,
                                    const ProcessEnd& end) {
  const auto& section = sections[index];
  auto last_byte = [](const GtestSection& s) {
    return std::max(s.end_offset, s.begin_offset + 1) - 1;
  };
  auto begin = index == 0 ? arrival_of(end, section.begin_offset)
                          : arrival_of(end, last_byte(sections[index - 1]));
  auto close = arrival_of(end, last_byte(section));
  if (begin && close) return *close - *begin;
  return std::chrono::milliseconds(section.milliseconds.value_or(0));
}

// The time a finished process spent outside its tests, when every test closed.
std::optional<Microseconds> startup_of(const std::vector<GtestSection>& sections,
                                       const ProcessEnd& end) {
  Microseconds in_tests{0};
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (!sections[i].status || !sections[i].milliseconds) return std::nullopt;
    in_tests += time_in_shared_process(sections, i, end);
  }
  return std::max(Microseconds(0), end.duration - in_tests);
}

bool is_clean(TestStatus status) {
  return status == TestStatus::passed || status == TestStatus::skipped;
}

}  // namespace

ItemVerdict judge_item(const TestInventory& inventory, const WorkItem& item,
                       const ProcessEnd& end) {
  ItemVerdict verdict;
  const auto& program = inventory.programs[item.program];
  if (!program.is_gtest) {
    verdict.attempts.emplace_back(item.tests.front(), judge_plain_command(program, end));
    return verdict;
  }
  auto sections = split_gtest_output(end.output);
  bool is_single = item.tests.size() == 1;
  bool has_died = end.is_timed_out || end.is_interrupted || !WIFEXITED(end.wait_status);
  bool is_cut_short = has_died || std::any_of(sections.begin(), sections.end(),
                                              [](const auto& s) { return !s.status; });
  // A batch of a thousand tests is looked up by name, not searched for each test.
  std::unordered_map<std::string_view, const GtestSection*> by_name;
  for (const auto& section : sections) by_name.try_emplace(section.full_name, &section);
  for (auto index : item.tests) {
    const auto& test = inventory.tests[index];
    auto found = by_name.find(test.full_name());
    const GtestSection* section = found == by_name.end() ? nullptr : found->second;
    if (!section) {
      if (is_cut_short && !is_single)
        verdict.unstarted.push_back(index);
      else
        verdict.attempts.emplace_back(index, missing_test(test, end));
      continue;
    }
    auto duration = is_single
                        ? end.duration
                        : time_in_shared_process(
                              sections, static_cast<std::size_t>(section - sections.data()), end);
    auto attempt = judge_section(*section, end, duration);
    attempt.is_shared_process = !is_single;
    // A test GoogleTest passed or skipped, in a process that then failed (a failing
    // suite or global tear-down, a leak checker), failed.
    if (is_single && is_clean(attempt.status) && attempt.exit_code != 0) {
      attempt.status = TestStatus::failed;
      attempt.output = end.output;
    }
    verdict.attempts.emplace_back(index, std::move(attempt));
  }
  // A batch whose tests all passed in a process that then failed cannot say which
  // test to blame: each runs again alone.
  bool is_all_clean = std::all_of(verdict.attempts.begin(), verdict.attempts.end(),
                                  [](const auto& entry) { return is_clean(entry.second.status); });
  bool has_failed = has_died || exit_code_of(end.wait_status) != 0;
  if (item.is_batch && !has_died && has_failed && is_all_clean) {
    for (const auto& [index, attempt] : verdict.attempts) verdict.unstarted.push_back(index);
    verdict.attempts.clear();
  }
  if (!has_failed && verdict.unstarted.empty()) verdict.startup = startup_of(sections, end);
  return verdict;
}

}  // namespace retort::testrunner::detail
