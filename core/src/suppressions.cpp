#include "retort/core/suppressions.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <llvm/ADT/StringRef.h>

#include "retort/core/directives.hpp"
#include "retort/core/file_io.hpp"

namespace retort {
namespace {

std::vector<std::string> split_ids(std::string_view list) {
  std::vector<std::string> ids;
  std::string id;
  for (char c : std::string(list) + ",") {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!id.empty()) ids.push_back(id);
      id.clear();
    } else {
      id += c;
    }
  }
  return ids;
}

// clang-tidy's "NOLINT", "NOLINTNEXTLINE(a, b)", "NOLINTBEGIN", "NOLINTEND" in a
// comment's text -> {"NOLINTNEXTLINE", "a, b"}; the list is empty when there is none.
std::optional<std::pair<std::string, std::string>> nolint_in(const std::string& text) {
  std::size_t marker = text.find("NOLINT");
  if (marker == std::string::npos) return std::nullopt;
  std::size_t end = marker + 6;
  while (end < text.size() && std::isupper(static_cast<unsigned char>(text[end]))) ++end;
  std::string verb = text.substr(marker, end - marker);
  if (verb != "NOLINT" && verb != "NOLINTNEXTLINE" && verb != "NOLINTBEGIN" && verb != "NOLINTEND")
    return std::nullopt;
  std::string list;
  if (end < text.size() && text[end] == '(') {
    std::size_t close = text.find(')', end);
    list = text.substr(end + 1, close == std::string::npos ? std::string::npos : close - end - 1);
  }
  return std::pair{verb, list};
}

Suppression nolint(const std::string& list, unsigned first, unsigned last, unsigned comment) {
  Suppression suppression{split_ids(list), first, last, comment, true, false};
  suppression.covers_every_check =
      suppression.check_ids.empty() ||
      std::count(suppression.check_ids.begin(), suppression.check_ids.end(), "*") != 0;
  return suppression;
}

// One line's directive, if any, added to `suppressions` (blocks through `open`).
void take_line(const std::string& line, unsigned number, std::vector<Suppression>& suppressions,
               std::optional<Suppression>& open_retort, std::optional<Suppression>& open_nolint) {
  auto comment = comment_text(line);
  if (!comment) return;
  if (auto directive = directive_in(*comment)) {
    const auto& [verb, ids] = *directive;
    if (verb == "disable-next-line") {
      suppressions.push_back({split_ids(ids), number + 1, number + 1, number});
    } else if (verb == "disable-line") {
      suppressions.push_back({split_ids(ids), number, number, number});
    } else if (verb == "disable-begin") {
      open_retort = Suppression{split_ids(ids), number, 0, number};
    } else if (verb == "disable-end" && open_retort) {
      open_retort->last_line = number;
      suppressions.push_back(*open_retort);
      open_retort.reset();
    }
  }
  if (auto directive = nolint_in(*comment)) {
    const auto& [verb, ids] = *directive;
    if (verb == "NOLINT") {
      suppressions.push_back(nolint(ids, number, number, number));
    } else if (verb == "NOLINTNEXTLINE") {
      suppressions.push_back(nolint(ids, number + 1, number + 1, number));
    } else if (verb == "NOLINTBEGIN") {
      open_nolint = nolint(ids, number, 0, number);
    } else if (verb == "NOLINTEND" && open_nolint) {
      open_nolint->last_line = number;
      suppressions.push_back(*open_nolint);
      open_nolint.reset();
    }
  }
}

// A suppression names a check by its id, or, for a tool whose ids carry no category
// of their own (typecheck's `unhandled-message`), by the tool and the id
// (`typecheck/unhandled-message`).
bool silences(const Suppression& suppression, const Diagnostic& diagnostic) {
  unsigned line = diagnostic.range.begin.line;
  if (line < suppression.first_line || line > suppression.last_line) return false;
  std::string under_tool = diagnostic.tool + "/" + diagnostic.check_id;
  return suppression.covers_every_check ||
         std::any_of(
             suppression.check_ids.begin(), suppression.check_ids.end(),
             [&](const std::string& id) { return id == diagnostic.check_id || id == under_tool; });
}

std::string category_of(std::string_view id) {
  return std::string(id.substr(0, std::min(id.find('/'), id.size())));
}

std::string closest_id(const std::string& id, const std::vector<std::string>& known) {
  std::string best;
  unsigned best_distance = ~0u;
  for (const auto& candidate : known) {
    unsigned distance = llvm::StringRef(id).edit_distance(candidate);
    if (distance < best_distance) best = candidate, best_distance = distance;
  }
  return best;
}

Diagnostic suppression_warning(const SuppressionScope& scope, const std::string& file,
                               unsigned line, const std::string& kind, std::string message) {
  Diagnostic warning;
  warning.tool = scope.tool;
  warning.check_id = scope.tool + "/" + kind;
  warning.category = "consistency";
  warning.priority = Priority::normal;
  warning.severity = Severity::warning;
  warning.message = std::move(message);
  warning.range = {file, {line, 1}, {line, 1}};
  return warning;
}

// The warnings about one file's retort suppressions: unknown ids, unused ones.
void judge_suppressions(const std::string& file, const std::vector<Suppression>& suppressions,
                        const std::vector<bool>& is_used, const SuppressionScope& scope,
                        std::vector<Diagnostic>& out) {
  std::set<std::string> categories;
  for (const auto& id : scope.check_ids) categories.insert(category_of(id));
  auto is_own = [&](const std::string& id) {
    return std::count(scope.check_ids.begin(), scope.check_ids.end(), id) != 0;
  };
  for (std::size_t i = 0; i < suppressions.size(); ++i) {
    const Suppression& s = suppressions[i];
    if (s.is_nolint) continue;
    for (const auto& id : s.check_ids) {
      if (is_own(id) || categories.count(category_of(id)) == 0) continue;
      out.push_back(suppression_warning(scope, file, s.comment_line, "unknown-suppression",
                                        "'" + id + "' is not a check of retort " + scope.tool +
                                            ", so this suppression silences nothing; did you "
                                            "mean '" +
                                            closest_id(id, scope.check_ids) + "'?"));
    }
    if (is_used[i] || std::none_of(s.check_ids.begin(), s.check_ids.end(), is_own)) continue;
    out.push_back(suppression_warning(scope, file, s.comment_line, "unused-suppression",
                                      "this suppression silences nothing; remove it"));
  }
}

}  // namespace

std::vector<Suppression> parse_suppressions(std::string_view text) {
  std::vector<Suppression> suppressions;
  std::optional<Suppression> open_retort;
  std::optional<Suppression> open_nolint;
  std::istringstream lines{std::string(text)};
  std::string line;
  unsigned number = 0;
  while (std::getline(lines, line))
    take_line(line, ++number, suppressions, open_retort, open_nolint);
  for (auto* open : {&open_retort, &open_nolint}) {
    if (!*open) continue;
    (*open)->last_line = number;  // unclosed: to the end of the file
    suppressions.push_back(**open);
  }
  return suppressions;
}

std::vector<Diagnostic> apply_suppressions(std::vector<Diagnostic> diagnostics,
                                           const std::filesystem::path& root,
                                           const std::vector<std::string>& checked_files,
                                           const SuppressionScope& scope,
                                           const SourceTexts* replaced) {
  std::map<std::string, std::vector<Suppression>> by_file;
  for (const auto& file : checked_files) by_file.try_emplace(file);
  for (const auto& diagnostic : diagnostics) by_file.try_emplace(diagnostic.range.file);
  std::map<std::string, std::vector<bool>> is_used;
  for (auto& [file, suppressions] : by_file) {
    auto text = read_source(root / file, replaced);
    if (text) {
      suppressions = parse_suppressions(*text);
    } else {
      llvm::consumeError(text.takeError());
    }
    is_used[file].assign(suppressions.size(), false);
  }
  std::erase_if(diagnostics, [&](const Diagnostic& diagnostic) {
    const auto& suppressions = by_file[diagnostic.range.file];
    for (std::size_t i = 0; i < suppressions.size(); ++i) {
      if (!silences(suppressions[i], diagnostic)) continue;
      is_used[diagnostic.range.file][i] = true;
      return true;
    }
    return false;
  });
  for (const auto& [file, suppressions] : by_file)
    judge_suppressions(file, suppressions, is_used[file], scope, diagnostics);
  return diagnostics;
}

}  // namespace retort
