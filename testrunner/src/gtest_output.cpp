// GoogleTest's console output is the one format every GoogleTest binary prints, with
// any main() and any version since 1.8, so it is what the runner reads. (Its
// --gtest_output=json is written only when a run ends, which a crash prevents.)

#include "retort/testrunner/gtest_output.hpp"

#include <charconv>

#include "retort/core/text_lines.hpp"

namespace retort::testrunner {
namespace {

constexpr std::string_view run_marker = "[ RUN      ] ";

struct ClosingLine {
  TestStatus status;
  std::string full_name;
  std::optional<int> milliseconds;
};

// `[       OK ] A.B (3 ms)`; a value-parameterised failure adds `, where GetParam() = ...`.
std::optional<ClosingLine> parse_closing_line(std::string_view line) {
  static const std::pair<std::string_view, TestStatus> markers[] = {
      {"[       OK ] ", TestStatus::passed},
      {"[  FAILED  ] ", TestStatus::failed},
      {"[  SKIPPED ] ", TestStatus::skipped}};
  for (const auto& [marker, status] : markers) {
    if (!line.starts_with(marker)) continue;
    std::string_view rest = line.substr(marker.size());
    auto open = rest.rfind(" (");
    if (open == std::string_view::npos || !rest.ends_with(" ms)")) return std::nullopt;
    int milliseconds = 0;
    std::from_chars(rest.data() + open + 2, rest.data() + rest.size(), milliseconds);
    std::string_view name = rest.substr(0, open);
    name = name.substr(0, name.find(", where "));
    return ClosingLine{status, std::string(name), milliseconds};
  }
  return std::nullopt;
}

std::string join_lines(const std::vector<std::string_view>& lines, std::size_t begin,
                       std::size_t end) {
  std::string text;
  for (std::size_t i = begin; i < end; ++i) {
    text += lines[i];
    text += '\n';
  }
  while (text.ends_with("\n\n")) text.pop_back();
  return text;
}

// "Expected equality of these values:\n  lhs\n    Which is: 1\n  rhs\n".
std::optional<std::pair<std::string, std::string>> parse_equality(std::string_view message) {
  constexpr std::string_view header = "Expected equality of these values:";
  if (!message.starts_with(header)) return std::nullopt;
  std::vector<std::string> sides;
  for (auto line : split_lines(message.substr(header.size()))) {
    if (line.starts_with("    Which is: ") && !sides.empty()) {
      sides.back() += " = " + std::string(line.substr(14));
    } else if (line.starts_with("  ") && !line.starts_with("   ")) {
      sides.emplace_back(line.substr(2));
    } else if (!line.empty()) {
      break;
    }
  }
  if (sides.size() != 2) return std::nullopt;
  return std::pair{sides[0], sides[1]};
}

}  // namespace

std::vector<GtestSection> split_gtest_output(std::string_view output) {
  std::vector<GtestSection> sections;
  bool is_open = false;
  auto offset_of = [&](std::string_view line) {
    return static_cast<std::size_t>(line.data() - output.data());
  };
  for (auto line : split_lines(output)) {
    if (line.starts_with(run_marker)) {
      GtestSection section;
      section.full_name = line.substr(run_marker.size());
      section.begin_offset = offset_of(line);
      section.end_offset = output.size();
      sections.push_back(std::move(section));
      is_open = true;
      continue;
    }
    if (!is_open) continue;
    auto closing = parse_closing_line(line);
    if (closing && closing->full_name == sections.back().full_name) {
      sections.back().status = closing->status;
      sections.back().milliseconds = closing->milliseconds;
      sections.back().end_offset = offset_of(line) + line.size();
      is_open = false;
      continue;
    }
    sections.back().output += line;
    sections.back().output += '\n';
  }
  return sections;
}

namespace {

struct FailureLocation {
  std::string file;
  int line = 0;
  // `Failure`, or `error: ...` as the line has it.
  std::string_view rest;
};

// `file:line: Failure` or `file:line: error: message`, the file being the longest
// prefix that fits. Scanned by hand, not with std::regex: libstdc++'s matcher recurses
// once per character and overflows the stack on a line of some 50,000 characters, and
// a test may print any line.
std::optional<FailureLocation> parse_failure_location(std::string_view line) {
  for (auto colon = line.rfind(": "); colon != std::string_view::npos && colon > 0;
       colon = line.rfind(": ", colon - 1)) {
    std::string_view rest = line.substr(colon + 2);
    if (rest != "Failure" && !rest.starts_with("error: ")) continue;
    auto before_digits = line.find_last_not_of("0123456789", colon - 1);
    if (before_digits == std::string_view::npos || before_digits == 0 ||
        before_digits + 1 == colon || line[before_digits] != ':')
      continue;
    FailureLocation location;
    location.file = std::string(line.substr(0, before_digits));
    std::from_chars(line.data() + before_digits + 1, line.data() + colon, location.line);
    location.rest = rest;
    return location;
  }
  return std::nullopt;
}

}  // namespace

std::vector<AssertionFailure> parse_assertion_failures(std::string_view test_output) {
  auto lines = split_lines(test_output);
  std::vector<AssertionFailure> failures;
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto location = parse_failure_location(lines[i]);
    if (!location) continue;
    AssertionFailure failure;
    failure.file = std::move(location->file);
    failure.line = location->line;
    if (location->rest != "Failure") failure.message = std::string(location->rest) + "\n";
    failures.push_back(std::move(failure));
    starts.push_back(i);
  }
  for (std::size_t k = 0; k < failures.size(); ++k) {
    std::size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
    failures[k].message += join_lines(lines, starts[k] + 1, end);
    failures[k].compared = parse_equality(failures[k].message);
  }
  return failures;
}

std::string last_lines(std::string_view output, std::size_t count) {
  auto lines = split_lines(output);
  std::size_t begin = lines.size() > count ? lines.size() - count : 0;
  return join_lines(lines, begin, lines.size());
}

}  // namespace retort::testrunner
