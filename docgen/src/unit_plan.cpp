#include "unit_plan.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "retort/core/file_io.hpp"
#include "retort/core/line_regex.hpp"

namespace retort::doc {
namespace {

namespace fs = std::filesystem;

// A lexical reading of a header: enough to plan units, without the preprocessor.
struct HeaderFacts {
  bool is_guarded = true;
  std::vector<std::string> included_names;  // `#include "a/b.h"` or `<a/b.h>` -> a/b.h
};

HeaderFacts read_facts(const fs::path& header, const SourceTexts* replaced) {
  HeaderFacts facts;
  auto text = read_source(header, replaced);
  if (!text) {
    llvm::consumeError(text.takeError());
    return facts;
  }
  facts.is_guarded = has_include_guard(*text);
  static const std::regex include(R"(^\s*#\s*include\s*["<]([^">]+)[">])");
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (search_line(line, match, include)) facts.included_names.push_back(match[1]);
  }
  return facts;
}

// The header among `headers` that `name`, included from `from`, names: beside the
// includer first, then any header whose path ends with `/name` (found through -I).
std::optional<fs::path> resolve(const std::string& name, const fs::path& from,
                                const std::vector<fs::path>& headers) {
  fs::path beside = (from.parent_path() / name).lexically_normal();
  std::optional<fs::path> by_suffix;
  for (const auto& header : headers) {
    if (header == beside) return header;
    std::string path = header.string();
    if (!by_suffix && path.size() > name.size() &&
        path.compare(path.size() - name.size(), name.size(), name) == 0 &&
        path[path.size() - name.size() - 1] == '/')
      by_suffix = header;
  }
  return by_suffix;
}

// Roots in a first pass; a header no root reaches (an include cycle) becomes one.
std::vector<fs::path> find_roots(const std::vector<fs::path>& headers, const IncludeGraph& graph) {
  std::set<fs::path> included;
  for (const auto& [header, targets] : graph) {
    for (const auto& target : targets) {
      if (target != header) included.insert(target);
    }
  }
  std::vector<fs::path> roots;
  std::set<fs::path> reached;
  for (const auto& header : headers) {
    if (included.count(header) != 0) continue;
    roots.push_back(header);
    for (const auto& file : include_closure(graph, header)) reached.insert(file);
  }
  for (const auto& header : headers) {
    if (reached.count(header) != 0) continue;
    roots.push_back(header);
    for (const auto& file : include_closure(graph, header)) reached.insert(file);
  }
  return roots;
}

}  // namespace

// A preprocessor line as a unit elsewhere reads it: a quoted include of a file beside
// `source` names it by its absolute path.
std::string as_elsewhere(const std::string& line, const fs::path& source) {
  static const std::regex quoted(R"re(^\s*#\s*include\s*"([^"]+)")re");
  std::smatch match;
  if (!search_line(line, match, quoted)) return line;
  fs::path beside = source.parent_path() / match[1].str();
  std::error_code error;
  return fs::is_regular_file(beside, error) ? "#include \"" + beside.string() + "\"" : line;
}

std::optional<std::string> source_context(const fs::path& source, const fs::path& header,
                                          const SourceTexts* replaced) {
  auto text = read_source(source, replaced);
  if (!text) {
    llvm::consumeError(text.takeError());
    return std::nullopt;
  }
  static const std::regex include(R"(^\s*#\s*include\s*["<]([^">]+)[">])");
  static const std::regex opens(R"(^\s*#\s*if)");
  static const std::regex closes(R"(^\s*#\s*endif)");
  std::string preamble;
  int depth = 0;
  bool continues = false;  // the previous kept line ended with a backslash
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool was_continued = continues;
    continues = !line.empty() && line.back() == '\\';
    if (was_continued) {
      preamble += line + "\n";
      continue;
    }
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] != '#') {
      continues = false;
      continue;
    }
    std::smatch match;
    if (search_line(line, match, include) && resolve(match[1], source, {header}) == header) {
      preamble += "#include \"" + header.string() + "\"\n";
      for (; depth > 0; --depth) preamble += "#endif\n";
      return preamble;
    }
    if (search_line(line, opens)) ++depth;
    if (search_line(line, closes)) --depth;
    preamble += as_elsewhere(line, source) + "\n";
  }
  return std::nullopt;
}

std::set<fs::path> include_closure(const IncludeGraph& graph, const fs::path& header) {
  std::set<fs::path> closure{header};
  std::vector<fs::path> pending{header};
  while (!pending.empty()) {
    fs::path file = std::move(pending.back());
    pending.pop_back();
    auto found = graph.find(file);
    if (found == graph.end()) continue;
    for (const auto& included : found->second) {
      if (closure.insert(included).second) pending.push_back(included);
    }
  }
  return closure;
}

std::vector<fs::path> UnitPlan::provided() const {
  std::vector<fs::path> all;
  for (const auto& root : roots) all.insert(all.end(), root.provides.begin(), root.provides.end());
  return all;
}

bool has_include_guard(const std::string& text) {
  static const std::regex pragma_once(R"(^\s*#\s*pragma\s+once\b)");
  static const std::regex ifndef(R"(^\s*#\s*if(?:ndef\s+(\w+)|\s+!\s*defined\s*\(?\s*(\w+)))");
  static const std::regex define(R"(^\s*#\s*define\s+(\w+))");
  std::istringstream lines(text);
  std::string guard;
  bool in_block_comment = false;
  for (std::string line; std::getline(lines, line);) {
    std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos) continue;
    std::string_view rest = std::string_view(line).substr(start);
    if (in_block_comment || rest.starts_with("/*")) {
      in_block_comment = rest.find("*/") == std::string_view::npos;
      continue;
    }
    if (rest.starts_with("//")) continue;
    std::smatch match;
    if (search_line(line, pragma_once)) return true;
    if (guard.empty() && search_line(line, match, ifndef)) {
      guard = match[1].matched ? match[1].str() : match[2].str();
      continue;
    }
    return !guard.empty() && search_line(line, match, define) && match[1] == guard;
  }
  return false;
}

std::vector<fs::path> included_headers(const fs::path& file, const std::vector<fs::path>& headers,
                                       const SourceTexts* replaced) {
  std::vector<fs::path> included;
  for (const auto& name : read_facts(file, replaced).included_names) {
    if (auto target = resolve(name, file, headers)) included.push_back(*target);
  }
  return included;
}

std::vector<UnitPlan> plan_units(const std::vector<fs::path>& headers,
                                 const SourceTexts* replaced) {
  IncludeGraph graph;
  std::set<fs::path> unguarded;
  for (const auto& header : headers) {
    HeaderFacts facts = read_facts(header, replaced);
    if (!facts.is_guarded) unguarded.insert(header);
    for (const auto& name : facts.included_names) {
      if (auto target = resolve(name, header, headers)) graph[header].insert(*target);
    }
  }
  std::vector<UnitPlan> plans(1);  // plans[0] is the shared unit
  std::set<fs::path> provided;
  for (const auto& root : find_roots(headers, graph)) {
    std::set<fs::path> reached = include_closure(graph, root);
    bool needs_own_unit = std::any_of(reached.begin(), reached.end(),
                                      [&](const fs::path& file) { return unguarded.count(file); });
    UnitPlan& plan = needs_own_unit ? plans.emplace_back() : plans.front();
    UnitRoot& unit_root = plan.roots.emplace_back(UnitRoot{root, {}});
    for (const auto& file : reached) {
      if (provided.insert(file).second) unit_root.provides.push_back(file);
    }
  }
  std::erase_if(plans, [](const UnitPlan& plan) { return plan.roots.empty(); });
  return plans;
}

}  // namespace retort::doc
