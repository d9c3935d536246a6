#include "retort/testrunner/selection.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <regex>
#include <set>

#include <llvm/Support/xxhash.h>

#include "retort/core/errors.hpp"

namespace retort::testrunner {
namespace {

bool matches_any(const std::string& text, const std::string& patterns) {
  std::size_t start = 0;
  while (start <= patterns.size()) {
    auto end = patterns.find(':', start);
    if (end == std::string::npos) end = patterns.size();
    // GoogleTest's '*' crosses '/' (as in `Typed/0.Name`), which fnmatch without
    // FNM_PATHNAME does too.
    auto pattern = patterns.substr(start, end - start);
    if (!pattern.empty() && ::fnmatch(pattern.c_str(), text.c_str(), 0) == 0) return true;
    start = end + 1;
  }
  return false;
}

bool path_ends_with(const std::filesystem::path& path, const std::filesystem::path& suffix) {
  auto path_part = std::prev(path.end());
  for (auto part = suffix.end(); part != suffix.begin();) {
    --part;
    if (*part != *path_part) return false;
    if (part == suffix.begin()) return true;
    if (path_part == path.begin()) return false;
    --path_part;
  }
  return true;
}

// `file.cpp:LINE` names the test whose TEST macro is the last one at or above LINE.
std::optional<std::size_t> test_at_line(const TestInventory& inventory, const std::string& file,
                                        int line) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < inventory.tests.size(); ++i) {
    const auto& test = inventory.tests[i];
    if (test.file.empty() || test.line > line || !path_ends_with(test.file, file)) continue;
    if (!best || test.line > inventory.tests[*best].line) best = i;
  }
  return best;
}

bool is_selected_by_filters(const TestInventory& inventory, std::size_t index,
                            const std::vector<std::string>& filters) {
  if (filters.empty()) return true;
  static const std::regex file_and_line(R"(^(.+\.(cpp|cc|cxx|c\+\+|C|h|hpp)):(\d+)$)");
  for (const auto& filter : filters) {
    std::smatch match;
    if (std::regex_match(filter, match, file_and_line)) {
      if (test_at_line(inventory, match[1].str(), std::stoi(match[3].str())) == index) return true;
    } else if (matches_gtest_filter(inventory.tests[index].full_name(), filter)) {
      return true;
    }
  }
  return false;
}

bool has_any_tag(const TestCase& test, const std::vector<std::string>& tags) {
  return std::any_of(tags.begin(), tags.end(), [&](const auto& tag) { return test.has_tag(tag); });
}

bool is_in_partition(const TestProgram& program, const TestCase& test, const Partition& partition) {
  // The program's file name, not its path, so a build directory's place does not
  // move tests between slices; a new test moves no other test.
  auto key =
      std::filesystem::path(program.display_name).filename().string() + "::" + test.full_name();
  return llvm::xxHash64(key) % partition.count == partition.index - 1;
}

bool failed_last_time(const History& history, const std::string& id) {
  auto record = history.find(id);
  return !record || is_failure(record->status);
}

}  // namespace

llvm::Expected<Partition> parse_partition(const std::string& text) {
  Partition partition;
  auto slash = text.find('/');
  auto parse = [&](std::string_view part, unsigned& value) {
    auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    return error == std::errc() && end == part.data() + part.size();
  };
  if (slash == std::string::npos ||
      !parse(std::string_view(text).substr(0, slash), partition.index) ||
      !parse(std::string_view(text).substr(slash + 1), partition.count) || partition.index < 1 ||
      partition.index > partition.count)
    return usage_error("--partition: expected K/N with 1 <= K <= N, e.g. 2/4; got '" + text + "'");
  return partition;
}

bool matches_gtest_filter(const std::string& full_name, const std::string& filter) {
  auto dash = filter.find('-');
  std::string positive = filter.substr(0, dash);
  if (positive.empty()) positive = "*";
  if (!matches_any(full_name, positive)) return false;
  return dash == std::string::npos || !matches_any(full_name, filter.substr(dash + 1));
}

namespace {

// As CTest does, the tests that set up and clean up the fixtures the selected tests
// need join the selection (and theirs, in turn), or those tests would fail for want
// of a setup the filter left out.
std::vector<std::size_t> with_fixture_tests(const TestInventory& inventory,
                                            std::vector<std::size_t> selected) {
  std::set<std::size_t> chosen(selected.begin(), selected.end());
  std::set<std::string> needed;
  bool has_grown = true;
  while (has_grown) {
    has_grown = false;
    for (auto test : chosen)
      for (const auto& fixture :
           inventory.programs[inventory.tests[test].program].fixtures_required)
        needed.insert(fixture);
    for (std::size_t i = 0; i < inventory.tests.size(); ++i) {
      const auto& program = inventory.programs[inventory.tests[i].program];
      auto serves = [&](const std::vector<std::string>& fixtures) {
        return std::any_of(fixtures.begin(), fixtures.end(),
                           [&](const std::string& f) { return needed.count(f) > 0; });
      };
      if (!chosen.count(i) && (serves(program.fixtures_setup) || serves(program.fixtures_cleanup)))
        has_grown = chosen.insert(i).second || has_grown;
    }
  }
  return {chosen.begin(), chosen.end()};
}

}  // namespace

std::vector<std::size_t> select_tests(const TestInventory& inventory,
                                      const SelectionRequest& request, const History& history) {
  std::map<std::size_t, bool> is_stale;
  ExecutableHashes hashes;
  if (request.is_stale_only)
    for (std::size_t p = 0; p < inventory.programs.size(); ++p) {
      const auto& program = inventory.programs[p];
      is_stale[p] =
          history.green_fingerprint(program.display_name) != program_fingerprint(program, hashes);
    }
  std::vector<std::size_t> selected;
  for (std::size_t i = 0; i < inventory.tests.size(); ++i) {
    const auto& test = inventory.tests[i];
    const auto& program = inventory.programs[test.program];
    if (!is_selected_by_filters(inventory, i, request.filters)) continue;
    if (!request.only_tags.empty() && !has_any_tag(test, request.only_tags)) continue;
    if (has_any_tag(test, request.excluded_tags)) continue;
    if (request.is_failed_only &&
        (test.is_disabled || !failed_last_time(history, test_id(program, test))))
      continue;
    if (request.is_stale_only && !is_stale[test.program]) continue;
    if (request.partition && !is_in_partition(program, test, *request.partition)) continue;
    selected.push_back(i);
  }
  return with_fixture_tests(inventory, std::move(selected));
}

}  // namespace retort::testrunner
