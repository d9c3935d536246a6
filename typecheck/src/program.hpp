#pragma once

// The linked program the global phase judges: every actor once, and every send with
// its receivers as the whole program shows them. Each family of warnings is decided
// by a function of its own over it.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "retort/core/diagnostic.hpp"
#include "retort/typecheck/summary.hpp"
#include "symbol_table.hpp"

namespace retort::typecheck {

// One send and the receivers its target resolves to.
struct ResolvedSend {
  const SendSite* send = nullptr;
  Receivers receivers;
};

struct Program {
  // The project's actors, by qualified name.
  std::map<std::string, const Actor*> actors;
  // Every send, including those only counted as sending (see `is_checked`).
  std::vector<ResolvedSend> sends;
  // The actors the program spawns.
  std::set<std::string> spawned;
  // False when some unit did not compile: its sends are missing, so nothing is
  // said about what is never sent.
  bool sees_every_send = true;
};

// True for a send the checker judges: in a project file, as written (not a
// template's instantiation).
bool is_checked(const SendSite& send);

// The entry of `actor`'s Protocol for `message` in `category`, or null.
const ProtocolEntry* entry_for(const Actor& actor, Category category, const std::string& message);

// unhandled-message and reply-type-mismatch (send_checks.cpp).
void check_sends(const Program& program, std::vector<Diagnostic>& warnings);
// protocol-mismatch and no-local-return (actor_checks.cpp).
void check_actors(const Program& program, std::vector<Diagnostic>& warnings);
// unreachable-handler and never-receives (reach_checks.cpp).
void check_reach(const Program& program, std::vector<Diagnostic>& warnings);
// call-cycle (call_cycles.cpp).
void check_call_cycles(const Program& program, std::vector<Diagnostic>& warnings);

}  // namespace retort::typecheck
