#include "retort/testrunner/test_case.hpp"

#include <algorithm>
#include <array>

namespace retort::testrunner {
namespace {

struct StatusNames {
  TestStatus status;
  std::string_view label;
  std::string_view key;
};

constexpr std::array<StatusNames, 7> status_names{{
    {TestStatus::passed, "PASS", "passed"},
    {TestStatus::failed, "FAIL", "failed"},
    {TestStatus::skipped, "SKIP", "skipped"},
    {TestStatus::timed_out, "TIMEOUT", "timed_out"},
    {TestStatus::crashed, "CRASH", "crashed"},
    {TestStatus::flaky, "FLAKY", "flaky"},
    {TestStatus::not_run, "NOT RUN", "not_run"},
}};

}  // namespace

bool TestCase::has_tag(std::string_view tag) const {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

std::string_view status_label(TestStatus status) {
  return status_names[static_cast<std::size_t>(status)].label;
}

std::string_view status_key(TestStatus status) {
  return status_names[static_cast<std::size_t>(status)].key;
}

std::optional<TestStatus> parse_status_key(std::string_view key) {
  for (const auto& names : status_names)
    if (names.key == key) return names.status;
  return std::nullopt;
}

bool is_failure(TestStatus status) {
  return status == TestStatus::failed || status == TestStatus::timed_out ||
         status == TestStatus::crashed;
}

}  // namespace retort::testrunner
