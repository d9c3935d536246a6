#pragma once

// The global phase's view of pids: every unit's facts linked, so a member, parameter,
// return value or registered name stands for the actors of every pid the whole
// program writes to it. One way that cannot be followed makes it unknown.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "retort/typecheck/summary.hpp"

namespace retort::typecheck {

// Where a send's target pid may come from, in the whole program.
struct Receivers {
  // The actors it may run.
  std::vector<std::string> actors;
  // Set when some way could not be followed: nothing is then certain.
  bool is_unknown = false;
  // The registered name it is sent to when no process in the project registers that
  // name (and none registers a name that is not a constant).
  std::string unregistered_name;
  // How that is known, for the warning.
  std::string text;
};

class SymbolTable {
 public:
  explicit SymbolTable(const std::vector<UnitSummary>& summaries);

  // The receivers of a send whose target `source` names.
  Receivers receivers_of(const PidSource& source) const;

 private:
  struct Value {
    std::set<std::string> actors;
    std::set<std::string> symbols;
    bool is_unknown = false;
    std::string text;
  };
  // True when `symbol` is a name no process registers: its pid is empty.
  bool is_unregistered(const std::string& symbol) const;
  // Adds to each symbol the actors of the symbols it is written from, until nothing
  // changes.
  void propagate();
  // Adds to `value` what the symbols it is written from hold; true when that changed it.
  bool absorb_sources(Value& value) const;

  std::map<std::string, Value> values_;
  bool registers_unknown_names_ = false;
};

}  // namespace retort::typecheck
