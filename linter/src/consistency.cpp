// Credo's consistency checks: the project's own majority decides what is consistent,
// so the findings are the places that follow a minority style. A tie has no minority
// and reports nothing: retort does not pick a side the project has not picked.

#include <map>
#include <set>

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

// The majority style among `places` (style -> distinct places), if one leads.
std::optional<std::string> majority_style(const std::map<std::string, std::size_t>& counts) {
  std::optional<std::string> leader;
  std::size_t leader_count = 0;
  bool is_tied = false;
  for (const auto& [style, count] : counts) {
    if (count > leader_count) {
      leader = style, leader_count = count, is_tied = false;
    } else if (count == leader_count) {
      is_tied = true;
    }
  }
  return is_tied ? std::nullopt : leader;
}

std::string counts_text(const std::map<std::string, std::size_t>& counts) {
  std::string text;
  for (const auto& [style, count] : counts)
    text += (text.empty() ? "" : " vs ") + std::to_string(count) + " " + style;
  return text;
}

}  // namespace

std::vector<Diagnostic> minority_style_findings(const std::vector<StyleObservation>& observations,
                                                const LintSettings& settings) {
  // A header seen by many units is observed many times: count each place once.
  std::map<std::string, std::set<std::tuple<std::string, unsigned, std::string>>> places;
  std::map<std::string, std::vector<const StyleObservation*>> by_check;
  for (const auto& observation : observations) {
    if (places[observation.check_id]
            .insert({observation.file, observation.line, observation.style})
            .second)
      by_check[observation.check_id].push_back(&observation);
  }
  std::vector<Diagnostic> findings;
  for (const auto& [check_id, check_observations] : by_check) {
    std::map<std::string, std::size_t> counts;
    for (const auto* observation : check_observations) ++counts[observation->style];
    auto majority = majority_style(counts);
    const Check* check = find_check(check_id);
    if (!majority || check == nullptr) continue;
    for (const auto* observation : check_observations) {
      if (observation->style == *majority) continue;
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
