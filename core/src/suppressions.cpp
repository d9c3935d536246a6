#include "retort/core/suppressions.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>

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

// "retort: disable-next-line a, b" inside a // comment -> {"disable-next-line", "a, b"}.
std::optional<std::pair<std::string, std::string>> directive_on(const std::string& line) {
  std::size_t comment = line.find("//");
  if (comment == std::string::npos) return std::nullopt;
  std::size_t marker = line.find("retort:", comment);
  if (marker == std::string::npos) return std::nullopt;
  std::istringstream words(line.substr(marker + 7));
  std::string verb;
  words >> verb;
  std::string rest;
  std::getline(words, rest);
  return std::pair{verb, rest};
}

}  // namespace

std::vector<Suppression> parse_suppressions(std::string_view text) {
  std::vector<Suppression> suppressions;
  std::optional<Suppression> open_block;
  std::istringstream lines{std::string(text)};
  std::string line;
  unsigned number = 0;
  while (std::getline(lines, line)) {
    ++number;
    auto directive = directive_on(line);
    if (!directive) continue;
    const auto& [verb, ids] = *directive;
    if (verb == "disable-next-line") {
      suppressions.push_back({split_ids(ids), number + 1, number + 1, number});
    } else if (verb == "disable-line") {
      suppressions.push_back({split_ids(ids), number, number, number});
    } else if (verb == "disable-begin") {
      open_block = Suppression{split_ids(ids), number, 0, number};
    } else if (verb == "disable-end" && open_block) {
      open_block->last_line = number;
      suppressions.push_back(*open_block);
      open_block.reset();
    }
  }
  if (open_block) {
    open_block->last_line = number;
    suppressions.push_back(*open_block);
  }
  return suppressions;
}

std::vector<Diagnostic> apply_suppressions(
    std::vector<Diagnostic> diagnostics, const std::filesystem::path& root,
    const std::vector<std::string>& checked_files, const std::string& tool,
    const std::function<bool(std::string_view)>& is_own_check) {
  std::map<std::string, std::vector<Suppression>> by_file;
  for (const auto& file : checked_files) by_file.try_emplace(file);
  for (const auto& diagnostic : diagnostics) by_file.try_emplace(diagnostic.range.file);
  for (auto& [file, suppressions] : by_file) {
    auto text = read_file(root / file);
    if (text) {
      suppressions = parse_suppressions(*text);
    } else {
      llvm::consumeError(text.takeError());
    }
  }
  std::map<std::pair<std::string, std::size_t>, bool> is_used;
  std::erase_if(diagnostics, [&](const Diagnostic& diagnostic) {
    const auto& suppressions = by_file[diagnostic.range.file];
    for (std::size_t i = 0; i < suppressions.size(); ++i) {
      const auto& s = suppressions[i];
      bool covers_line =
          diagnostic.range.begin.line >= s.first_line && diagnostic.range.begin.line <= s.last_line;
      if (covers_line &&
          std::count(s.check_ids.begin(), s.check_ids.end(), diagnostic.check_id) != 0) {
        is_used[{diagnostic.range.file, i}] = true;
        return true;
      }
    }
    return false;
  });
  for (const auto& [file, suppressions] : by_file) {
    for (std::size_t i = 0; i < suppressions.size(); ++i) {
      const auto& s = suppressions[i];
      bool is_ours = std::any_of(s.check_ids.begin(), s.check_ids.end(),
                                 [&](const std::string& id) { return is_own_check(id); });
      if (!is_ours || is_used[{file, i}]) continue;
      Diagnostic unused;
      unused.tool = tool;
      unused.check_id = tool + "/unused-suppression";
      unused.category = "consistency";
      unused.priority = Priority::normal;
      unused.severity = Severity::warning;
      unused.message = "this suppression silences nothing; remove it";
      unused.range = {file, {s.comment_line, 1}, {s.comment_line, 1}};
      diagnostics.push_back(std::move(unused));
    }
  }
  return diagnostics;
}

}  // namespace retort
