#include "retort/docgen/grading.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "retort/docgen/doc_text.hpp"

// g++ 12 at -O3 reports string literals copied into std::string here as overflows
// (GCC bug 105329, a false positive of its inlined char_traits::copy).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wstringop-overread"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif

namespace retort::doc {
namespace {

constexpr int function_doc_points = 50;
constexpr int function_without_parameters_doc_points = 90;
constexpr int parameter_points = 40;
constexpr int result_points = 10;
constexpr int one_example_points = 10;
constexpr int several_examples_points = 25;
constexpr int actor_doc_points = 50;
constexpr int actor_messages_points = 50;

bool is_function(SymbolKind kind) {
  return kind == SymbolKind::function || kind == SymbolKind::method ||
         kind == SymbolKind::constructor;
}

// Splits `total` points over `count` parts whose sum is exactly `total`.
std::vector<int> shares(int total, std::size_t count) {
  std::vector<int> parts(count, count == 0 ? 0 : total / static_cast<int>(count));
  for (std::size_t i = 0; count != 0 && i < static_cast<std::size_t>(total) % count; ++i)
    ++parts[i];
  return parts;
}

void score_function(const Symbol& symbol, bool has_doc, std::vector<Criterion>& criteria) {
  int doc_points =
      symbol.parameters.empty() ? function_without_parameters_doc_points : function_doc_points;
  criteria.push_back({"has a doc comment", doc_points, has_doc ? doc_points : 0});
  auto parameter_shares = shares(parameter_points, symbol.parameters.size());
  for (std::size_t i = 0; i < symbol.parameters.size(); ++i) {
    bool is_mentioned = has_doc && mentions_parameter(symbol.doc, symbol.parameters[i]);
    criteria.push_back({"mentions `" + symbol.parameters[i] + "` in backticks", parameter_shares[i],
                        is_mentioned ? parameter_shares[i] : 0});
  }
  if (symbol.returns_value) {
    bool is_described = has_doc && describes_result(symbol.doc);
    criteria.push_back({"describes its result (\"Returns ...\")", result_points,
                        is_described ? result_points : 0});
  }
  unsigned examples = has_doc ? count_code_examples(symbol.doc) : 0;
  int example_points = examples == 0   ? 0
                       : examples == 1 ? one_example_points
                                       : several_examples_points;
  criteria.push_back(
      {"code examples (one +10, several +25)", several_examples_points, example_points});
}

void score_actor(const Symbol& symbol, bool has_doc, std::vector<Criterion>& criteria) {
  if (symbol.messages.empty()) {
    criteria.push_back({"has a doc comment", 100, has_doc ? 100 : 0});
    return;
  }
  criteria.push_back({"has a doc comment", actor_doc_points, has_doc ? actor_doc_points : 0});
  auto message_shares = shares(actor_messages_points, symbol.messages.size());
  for (std::size_t i = 0; i < symbol.messages.size(); ++i) {
    const ProtocolMessage& message = symbol.messages[i];
    bool is_earned = has_doc && message.is_documented;
    criteria.push_back({message.kind + " message `" + message.message + "` documented",
                        message_shares[i], is_earned ? message_shares[i] : 0});
  }
}

Grade grade_of(int score) {
  if (score >= 80) return Grade::A;
  if (score >= 50) return Grade::B;
  if (score >= 1) return Grade::C;
  return Grade::U;
}

void prioritise(const Symbol& symbol, Assessment& assessment) {
  auto adjust = [&](int by, std::string_view reason) {
    assessment.priority += by;
    std::string text = by > 0 ? "+" : "";
    text.append(std::to_string(by)).append(" ").append(reason);
    assessment.priority_reasons.push_back(std::move(text));
  };
  if (symbol.is_top_level && symbol.kind != SymbolKind::namespace_) adjust(1, "top-level API");
  if (symbol.parameters.size() >= 3) adjust(1, "three or more parameters");
  if (symbol.member_count >= 5) adjust(1, "five or more public members");
  if (symbol.is_trivial_accessor) adjust(-1, "trivial accessor");
  if (symbol.looks_internal) adjust(-2, "internal-looking name or namespace");
  assessment.priority = std::clamp(assessment.priority, -2, 2);
}

}  // namespace

std::string_view grade_letter(Grade grade) {
  static constexpr std::array<std::string_view, 4> letters{"A", "B", "C", "U"};
  return letters[static_cast<std::size_t>(grade)];
}

std::string_view grade_meaning(Grade grade) {
  static constexpr std::array<std::string_view, 4> meanings{
      "really good", "proper documentation present", "needs work", "undocumented"};
  return meanings[static_cast<std::size_t>(grade)];
}

std::optional<Grade> grade_from_letter(std::string_view letter) {
  if (letter.size() != 1) return std::nullopt;
  switch (letter.front()) {
    case 'A':
    case 'a':
      return Grade::A;
    case 'B':
    case 'b':
      return Grade::B;
    case 'C':
    case 'c':
      return Grade::C;
    case 'U':
    case 'u':
      return Grade::U;
    default:
      return std::nullopt;
  }
}

Assessment assess(const Symbol& symbol) {
  Assessment assessment;
  bool has_doc = !symbol.doc.empty();
  assessment.criteria.reserve(symbol.parameters.size() + symbol.messages.size() + 3);
  if (is_function(symbol.kind)) {
    score_function(symbol, has_doc, assessment.criteria);
  } else if (symbol.kind == SymbolKind::actor) {
    score_actor(symbol, has_doc, assessment.criteria);
  } else {
    assessment.criteria.push_back({"has a doc comment", 100, has_doc ? 100 : 0});
  }
  for (const auto& criterion : assessment.criteria) assessment.score += criterion.earned;
  assessment.score = std::min(assessment.score, 100);
  assessment.grade = grade_of(assessment.score);
  prioritise(symbol, assessment);
  return assessment;
}

std::string_view priority_arrow(int priority) {
  static constexpr std::array<std::string_view, 5> arrows{"↓", "↘", "→", "↗", "↑"};
  return arrows[static_cast<std::size_t>(std::clamp(priority, -2, 2) + 2)];
}

std::vector<Symbol> merge_reopened_namespaces(std::vector<Symbol> symbols) {
  std::map<std::string, std::size_t> kept_by_name;
  std::vector<Symbol> merged;
  for (auto& symbol : symbols) {
    if (symbol.kind != SymbolKind::namespace_) {
      merged.push_back(std::move(symbol));
      continue;
    }
    auto [found, is_new] = kept_by_name.try_emplace(symbol.name, merged.size());
    if (is_new) {
      merged.push_back(std::move(symbol));
    } else if (merged[found->second].doc.empty() && !symbol.doc.empty()) {
      merged[found->second] = std::move(symbol);
    }
  }
  return merged;
}

}  // namespace retort::doc
