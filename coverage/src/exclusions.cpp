#include "retort/coverage/exclusions.hpp"

#include <optional>

#include <llvm/ADT/StringRef.h>

#include "retort/core/directives.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/source_files.hpp"
#include "retort/core/text_lines.hpp"

namespace retort::coverage {
namespace {

enum class Marker { none, next_line, line, begin, end, branch_line, branch_begin, branch_end };

// Markers count only inside a comment, so a string literal naming one (as retort's own
// sources do) excludes nothing.
Marker marker_on(llvm::StringRef line) {
  auto comment = comment_text(line);
  if (!comment) return Marker::none;
  if (auto directive = directive_in(*comment)) {
    if (directive->verb == "cover-ignore-next-line") return Marker::next_line;
    if (directive->verb == "cover-ignore-begin") return Marker::begin;
    if (directive->verb == "cover-ignore-end") return Marker::end;
  }
  llvm::StringRef text(*comment);
  for (llvm::StringRef tool : {"LCOV_EXCL_", "GCOVR_EXCL_"}) {
    auto at = text.find(tool);
    if (at == llvm::StringRef::npos) continue;
    auto kind = text.substr(at + tool.size());
    if (kind.starts_with("LINE")) return Marker::line;
    if (kind.starts_with("START")) return Marker::begin;
    if (kind.starts_with("STOP")) return Marker::end;
    if (kind.starts_with("BR_LINE")) return Marker::branch_line;
    if (kind.starts_with("BR_START")) return Marker::branch_begin;
    if (kind.starts_with("BR_STOP")) return Marker::branch_end;
  }
  return Marker::none;
}

// A line of a file, printed as `file:line` in warnings.
struct Place {
  const std::string& file_name;
  unsigned line;

  std::string text() const { return file_name + ":" + std::to_string(line); }
};

// One kind of region (lines or branches): where the open one began.
struct Region {
  std::optional<unsigned> open_since;
  std::set<unsigned>* excluded = nullptr;
  const char* name = "";

  void begin(const Place& where, std::vector<std::string>& warnings) {
    if (open_since) {
      warnings.push_back(where.text() + ": " + name +
                         " begin marker inside the region begun on line " +
                         std::to_string(*open_since) + "; ignored");
      return;
    }
    open_since = where.line;
  }

  void end(const Place& where, std::vector<std::string>& warnings) {
    if (!open_since) {
      warnings.push_back(where.text() + ": " + name +
                         " end marker without a begin marker; ignored");
      return;
    }
    for (unsigned excluded_line = *open_since; excluded_line <= where.line; ++excluded_line)
      excluded->insert(excluded_line);
    open_since.reset();
  }
};

// A line of only braces, `else` or a comment holds no statement of its own: gcc gives
// one a count for the clean-up it attributes there, and when that count is zero there
// is nothing a test could run (gcovr's non-code rule too).
bool holds_no_statement(llvm::StringRef line) {
  std::string code;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line.substr(i).starts_with("//")) break;
    if (line.substr(i).starts_with("/*")) {
      auto close = line.find("*/", i + 2);
      if (close == llvm::StringRef::npos) break;
      i = close + 1;
      continue;
    }
    code += line[i];
  }
  auto trimmed = llvm::StringRef(code).trim();
  return trimmed.empty() || trimmed == "{" || trimmed == "}" || trimmed == "else";
}

void remove_unexecuted_non_statements(FileCoverage& file, std::string_view source) {
  auto lines = split_lines(source);
  std::erase_if(file.lines, [&](const auto& entry) {
    auto [number, count] = entry;
    return count == 0 && number <= lines.size() && holds_no_statement(lines[number - 1]);
  });
}

void remove_lines(FileCoverage& file, const ExcludedLines& excluded) {
  for (auto line : excluded.lines) file.lines.erase(line);
  std::erase_if(file.functions,
                [&](const auto& entry) { return excluded.lines.contains(entry.second.line); });
  std::erase_if(file.branches, [&](const auto& entry) {
    return excluded.lines.contains(entry.first.line) ||
           excluded.branch_lines.contains(entry.first.line);
  });
}

}  // namespace

ExcludedLines find_excluded_lines(std::string_view source, const std::string& file_name) {
  ExcludedLines result;
  Region lines{.excluded = &result.lines, .name = "cover-ignore"};
  Region branches{.excluded = &result.branch_lines, .name = "branch exclusion"};
  // `where` is built only for a warning: most lines carry no marker at all.
  unsigned number = 0;
  for (auto line : split_lines(source)) {
    ++number;
    Place where{file_name, number};
    switch (marker_on(line)) {
      case Marker::none:
        break;
      case Marker::next_line:
        result.lines.insert(number + 1);
        break;
      case Marker::line:
        result.lines.insert(number);
        break;
      case Marker::begin:
        lines.begin(where, result.warnings);
        break;
      case Marker::end:
        lines.end(where, result.warnings);
        break;
      case Marker::branch_line:
        result.branch_lines.insert(number);
        break;
      case Marker::branch_begin:
        branches.begin(where, result.warnings);
        break;
      case Marker::branch_end:
        branches.end(where, result.warnings);
        break;
    }
  }
  for (const auto* region : {&lines, &branches}) {
    if (!region->open_since) continue;
    result.warnings.push_back(file_name + ":" + std::to_string(*region->open_since) + ": " +
                              region->name + " begin marker without an end marker; ignored");
  }
  return result;
}

std::vector<std::string> apply_exclusions(CoverageData& data, const ExclusionOptions& options) {
  std::vector<std::string> warnings;
  for (auto it = data.files.begin(); it != data.files.end();) {
    auto shown = display_path(it->first, options.project_root);
    if (matches_any_glob(shown, options.skip_files)) {
      it = data.files.erase(it);
      continue;
    }
    if (auto source = read_file(it->first)) {
      auto excluded = find_excluded_lines(*source, shown);
      remove_lines(it->second, excluded);
      remove_unexecuted_non_statements(it->second, *source);
      warnings.insert(warnings.end(), excluded.warnings.begin(), excluded.warnings.end());
    } else {
      llvm::consumeError(source.takeError());
    }
    // A header of declarations only, or a file wholly excluded: nothing to report.
    if (it->second.lines.empty()) {
      it = data.files.erase(it);
      continue;
    }
    ++it;
  }
  return warnings;
}

}  // namespace retort::coverage
