#include <algorithm>
#include <utility>

#include "program.hpp"
#include "retort/typecheck/analysis.hpp"
#include "warnings.hpp"

namespace retort::typecheck {
namespace {

// The sends of each message, by category and message type.
using SendsByMessage = std::map<std::pair<Category, std::string>, std::vector<const ResolvedSend*>>;

SendsByMessage index_sends(const Program& program) {
  SendsByMessage index;
  for (const auto& resolved : program.sends)
    index[{resolved.send->category, resolved.send->message}].push_back(&resolved);
  return index;
}

// True when some send may deliver `entry`'s message to `actor`: one whose target is
// unknown, or may be the actor. The runtime sends its own messages itself (`Down`
// from a monitor, `Exit` to a process that traps exits).
bool is_reached(const SendsByMessage& sends, const std::string& actor, const ProtocolEntry& entry) {
  if (entry.message.rfind("retort::", 0) == 0) return true;
  auto found = sends.find({entry.category, entry.message});
  if (found == sends.end()) return false;
  return std::any_of(found->second.begin(), found->second.end(), [&](const ResolvedSend* send) {
    const auto& actors = send->receivers.actors;
    return send->receivers.is_unknown ||
           std::find(actors.begin(), actors.end(), actor) != actors.end();
  });
}

void check_actor_reach(const Actor& actor, const SendsByMessage& sends,
                       std::vector<Diagnostic>& warnings) {
  std::vector<const ProtocolEntry*> unreached;
  for (const auto& entry : actor.entries)
    if (!is_reached(sends, actor.name, entry)) unreached.push_back(&entry);
  if (unreached.empty()) return;
  if (unreached.size() == actor.entries.size()) {
    warnings.push_back(make_warning("never-receives",
                                    actor.name + " is spawned, and nothing in the program sends "
                                                 "it any message of its Protocol",
                                    actor.place, Priority::low));
    return;
  }
  for (const auto* entry : unreached)
    warnings.push_back(make_warning(
        "unreachable-handler",
        category_name(entry->category) + " of " + entry->message + " is in " + actor.name +
            "'s Protocol, and nothing in the program sends it to a " + actor.name,
        entry->place));
}

}  // namespace

// Judged only for the actors the program spawns (a library's actor is other
// programs' to message), and only when every unit compiled.
void check_reach(const Program& program, std::vector<Diagnostic>& warnings) {
  if (!program.sees_every_send) return;
  SendsByMessage sends = index_sends(program);
  for (const auto& [name, actor] : program.actors)
    if (program.spawned.count(name) != 0 && !actor->entries.empty())
      check_actor_reach(*actor, sends, warnings);
}

}  // namespace retort::typecheck
