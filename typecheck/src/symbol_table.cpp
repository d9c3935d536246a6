#include "symbol_table.hpp"

namespace retort::typecheck {
namespace {

// How a fact's pid was written, for a warning's text: "a Ref<Vault>'s pid() at
// src/main.cpp:19".
std::string fact_text(const PidFact& fact) {
  if (fact.place.file.empty()) return fact.source.text;
  return fact.source.text + " at " + fact.place.file + ":" + std::to_string(fact.place.line);
}

}  // namespace

SymbolTable::SymbolTable(const std::vector<UnitSummary>& summaries) {
  // At most this many of a symbol's writes are named in a warning.
  constexpr std::size_t writes_shown = 2;
  std::map<std::string, std::set<std::string>> texts;
  for (const auto& summary : summaries) {
    for (const auto& fact : summary.facts) {
      Value& value = values_[fact.symbol];
      value.actors.insert(fact.source.actors.begin(), fact.source.actors.end());
      value.symbols.insert(fact.source.symbols.begin(), fact.source.symbols.end());
      value.is_unknown = value.is_unknown || fact.source.is_unknown;
      texts[fact.symbol].insert(fact_text(fact));
    }
  }
  registers_unknown_names_ = values_.count("name:*") != 0;
  for (auto& [symbol, value] : values_) {
    std::size_t shown = 0;
    for (const auto& text : texts[symbol]) {
      if (shown++ == writes_shown) {
        value.text += ", ...";
        break;
      }
      value.text += (value.text.empty() ? "" : ", ") + text;
    }
  }
  propagate();
}

bool SymbolTable::is_unregistered(const std::string& symbol) const {
  return symbol.rfind("name:", 0) == 0 && values_.count(symbol) == 0 && !registers_unknown_names_;
}

void SymbolTable::propagate() {
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& [symbol, value] : values_) changed = absorb_sources(value) || changed;
  }
}

bool SymbolTable::absorb_sources(Value& value) const {
  bool changed = false;
  for (const auto& source : value.symbols) {
    auto found = values_.find(source);
    bool is_unknown = found == values_.end() ? !is_unregistered(source) : found->second.is_unknown;
    if (is_unknown && !value.is_unknown) value.is_unknown = changed = true;
    if (found == values_.end()) continue;
    for (const auto& actor : found->second.actors)
      changed = value.actors.insert(actor).second || changed;
  }
  return changed;
}

Receivers SymbolTable::receivers_of(const PidSource& source) const {
  Receivers receivers{source.actors, source.is_unknown, "", source.text};
  std::set<std::string> actors(source.actors.begin(), source.actors.end());
  for (const auto& symbol : source.symbols) {
    auto found = values_.find(symbol);
    if (found == values_.end()) {
      if (!is_unregistered(symbol))
        receivers.is_unknown = true;
      else if (source.symbols.size() == 1 && source.actors.empty())
        receivers.unregistered_name = symbol.substr(5);
      continue;
    }
    receivers.is_unknown = receivers.is_unknown || found->second.is_unknown;
    receivers.text += ", set from " + found->second.text;
    for (const auto& actor : found->second.actors)
      if (actors.insert(actor).second) receivers.actors.push_back(actor);
  }
  return receivers;
}

}  // namespace retort::typecheck
