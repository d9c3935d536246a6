// Credo's consistency checks: the project's own majority decides what is consistent,
// so the findings are the places that follow a minority style. A tie, or a lead of
// less than two to one, reports nothing: retort does not pick a side the project has
// not picked.

#include <algorithm>
#include <map>
#include <set>

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>

#include "unit_context.hpp"

namespace retort::lint {
namespace {

std::string replace_all(std::string text, const std::string& placeholder,
                        const std::string& value) {
  for (auto at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size()))
    text.replace(at, placeholder.size(), value);
  return text;
}

// The majority style among `places` (style -> distinct places), if one leads by at
// least twice the next: a close split (glog's 17/16/14) is no convention to enforce.
std::optional<std::string> majority_style(const std::map<std::string, std::size_t>& counts) {
  std::optional<std::string> leader;
  std::size_t leader_count = 0;
  std::size_t runner_up = 0;
  for (const auto& [style, count] : counts) {
    if (count > leader_count) {
      runner_up = leader_count;
      leader = style, leader_count = count;
    } else if (count > runner_up) {
      runner_up = count;
    }
  }
  return leader_count >= 2 * runner_up && leader_count > runner_up ? leader : std::nullopt;
}

std::string counts_text(const std::map<std::string, std::size_t>& counts) {
  std::string text;
  for (const auto& [style, count] : counts)
    text += (text.empty() ? "" : " vs ") + std::to_string(count) + " " + style;
  return text;
}

// Whether `styles` (comma-separated) names `style`.
bool fits(const std::string& styles, const std::string& style) {
  llvm::SmallVector<llvm::StringRef> parts;
  llvm::StringRef(styles).split(parts, ',');
  return std::find(parts.begin(), parts.end(), style) != parts.end();
}

}  // namespace

std::vector<Diagnostic> minority_style_findings(const std::vector<StyleObservation>& observations,
                                                const LintSettings& settings) {
  // A header seen by many units is observed many times: count each place once.
  using Group = std::pair<std::string, std::string>;  // check id, dimension
  std::map<Group, std::set<std::tuple<std::string, unsigned, unsigned>>> places;
  std::map<Group, std::vector<const StyleObservation*>> by_group;
  for (const auto& observation : observations) {
    Group group{observation.check_id, observation.dimension};
    if (places[group].insert({observation.file, observation.line, observation.column}).second)
      by_group[group].push_back(&observation);
  }
  std::vector<Diagnostic> findings;
  for (const auto& [group, group_observations] : by_group) {
    std::map<std::string, std::size_t> counts;
    for (const auto* observation : group_observations) {
      if (!observation->style.empty() && observation->style.find(',') == std::string::npos)
        ++counts[observation->style];
    }
    auto majority = majority_style(counts);
    const Check* check = find_check(group.first);
    if (!majority || check == nullptr) continue;
    for (const auto* observation : group_observations) {
      if (fits(observation->style, *majority)) continue;
      std::string message = replace_all(replace_all(observation->message, "{majority}", *majority),
                                        "{counts}", counts_text(counts));
      findings.push_back(lint_finding(check->info(), settings, observation->file,
                                      {observation->line, observation->column},
                                      std::move(message)));
    }
  }
  return findings;
}

}  // namespace retort::lint
