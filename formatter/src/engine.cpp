#include <algorithm>
#include <set>

#include <clang/Tooling/Core/Replacement.h>

#include "detail/style.hpp"

namespace retort::format::detail {

namespace {

using clang::tooling::Range;
using clang::tooling::Replacements;

constexpr int max_fixpoint_passes = 4;

std::vector<std::size_t> line_starts(const std::string& code) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

unsigned line_of(const std::vector<std::size_t>& starts, std::size_t offset) {
  return static_cast<unsigned>(std::upper_bound(starts.begin(), starts.end(), offset) -
                               starts.begin());
}

std::vector<Range> byte_ranges(const std::string& code, const std::vector<LineRange>* lines) {
  if (lines == nullptr) return {Range(0, static_cast<unsigned>(code.size()))};
  auto starts = line_starts(code);
  std::vector<Range> ranges;
  for (const auto& line_range : *lines) {
    if (line_range.first > starts.size()) continue;
    std::size_t begin = starts[line_range.first - 1];
    std::size_t end = line_range.last >= starts.size() ? code.size() : starts[line_range.last] - 1;
    if (end >= begin)
      ranges.emplace_back(static_cast<unsigned>(begin), static_cast<unsigned>(end - begin));
  }
  return ranges;
}

// The original lines that `replacements` touch: their first, and how many.
std::pair<unsigned, unsigned> touched_lines(const std::string& code,
                                            const Replacements& replacements) {
  auto starts = line_starts(code);
  std::set<unsigned> lines;
  for (const auto& replacement : replacements) {
    unsigned first = line_of(starts, replacement.getOffset());
    unsigned last = line_of(starts, replacement.getOffset() + replacement.getLength());
    for (unsigned line = first; line <= last; ++line) lines.insert(line);
  }
  if (lines.empty()) return {0, 0};
  return {*lines.begin(), static_cast<unsigned>(lines.size())};
}

std::vector<LineRange> to_line_ranges(const std::string& code, const std::vector<Range>& ranges) {
  auto starts = line_starts(code);
  std::vector<LineRange> lines;
  for (const auto& range : ranges) {
    lines.push_back({line_of(starts, range.getOffset()),
                     line_of(starts, range.getOffset() + range.getLength())});
  }
  return lines;
}

}  // namespace

PassResult format_pass(const Style& style, const std::string& code, const std::string& file_name,
                       const std::vector<LineRange>* lines) {
  // The same sequence as the clang-format tool: sort includes, then reformat the
  // result, and merge both sets of replacements against the original text.
  std::vector<Range> ranges = byte_ranges(code, lines);
  PassResult result;
  if (ranges.empty()) {
    result.code = code;
    return result;
  }
  Replacements includes = clang::format::sortIncludes(style.value, code, ranges, file_name);
  auto sorted = clang::tooling::applyAllReplacements(code, includes);
  if (!sorted) {
    llvm::consumeError(sorted.takeError());
    includes = Replacements();
    sorted = code;
  }
  std::vector<Range> sorted_ranges =
      clang::tooling::calculateRangesAfterReplacements(includes, ranges);
  clang::format::FormattingAttemptStatus status;
  Replacements formatting =
      clang::format::reformat(style.value, *sorted, sorted_ranges, file_name, &status);
  Replacements all = includes.merge(formatting);
  auto formatted = clang::tooling::applyAllReplacements(code, all);
  if (!formatted) {
    llvm::consumeError(formatted.takeError());
    result.code = code;
    result.is_complete = false;
    return result;
  }
  result.code = std::move(*formatted);
  result.is_complete = status.FormatComplete;
  result.incomplete_line = status.Line;
  std::tie(result.first_changed_line, result.changed_line_count) = touched_lines(code, all);
  if (lines != nullptr) {
    result.lines_after =
        to_line_ranges(result.code, clang::tooling::calculateRangesAfterReplacements(all, ranges));
  }
  return result;
}

FixpointResult format_to_fixpoint(const Style& style, const std::string& code,
                                  const std::string& file_name,
                                  const std::vector<LineRange>* lines) {
  FixpointResult result{format_pass(style, code, file_name, lines), true};
  std::string previous = code;
  for (int pass = 1; result.last_pass.code != previous; ++pass) {
    if (pass == max_fixpoint_passes) {
      result.is_stable = false;
      break;
    }
    previous = result.last_pass.code;
    // The changed lines, followed through the previous pass's edits.
    std::vector<LineRange> shifted = result.last_pass.lines_after;
    PassResult next =
        format_pass(style, previous, file_name, lines != nullptr ? &shifted : nullptr);
    // Report the lines the first pass touched in the original text.
    next.first_changed_line = result.last_pass.first_changed_line;
    next.changed_line_count = result.last_pass.changed_line_count;
    result.last_pass = std::move(next);
  }
  return result;
}

}  // namespace retort::format::detail
