#include "program.hpp"
#include "retort/typecheck/analysis.hpp"
#include "warnings.hpp"

namespace retort::typecheck {
namespace {

std::string handler_name(const Actor& actor, const Handler& handler) {
  return "handle_" + category_name(handler.category) + "(" + handler.message + ") of " + actor.name;
}

void check_protocol(const Actor& actor, std::vector<Diagnostic>& warnings) {
  for (const auto& handler : actor.handlers) {
    const ProtocolEntry* entry = entry_for(actor, handler.category, handler.message);
    std::string name = handler_name(actor, handler);
    if (entry == nullptr)
      warnings.push_back(make_warning("protocol-mismatch",
                                      name + " has no " + category_name(handler.category) +
                                          " entry in its Protocol, so it never runs",
                                      handler.place));
    else if (handler.category == Category::call && !handler.reply.empty() &&
             handler.reply != entry->reply)
      warnings.push_back(make_warning("protocol-mismatch",
                                      name + " returns " + handler.reply +
                                          ", but its Protocol's Call replies with " + entry->reply,
                                      handler.place));
  }
}

// Dialyzer's no_return, for handlers.
void check_returns(const Actor& actor, std::vector<Diagnostic>& warnings) {
  for (const auto& handler : actor.handlers) {
    if (handler.can_return) continue;
    std::string reply = handler.category == Category::call ? " and its caller gets no reply" : "";
    warnings.push_back(make_warning("no-local-return",
                                    handler_name(actor, handler) +
                                        " can only throw or never end: each " + handler.message +
                                        " it takes stops the actor" + reply,
                                    handler.place));
  }
}

}  // namespace

bool is_checked(const SendSite& send) { return !send.is_instantiated && !send.place.file.empty(); }

const ProtocolEntry* entry_for(const Actor& actor, Category category, const std::string& message) {
  for (const auto& entry : actor.entries)
    if (entry.category == category && entry.message == message) return &entry;
  return nullptr;
}

void check_actors(const Program& program, std::vector<Diagnostic>& warnings) {
  for (const auto& [name, actor] : program.actors) {
    check_protocol(*actor, warnings);
    check_returns(*actor, warnings);
  }
}

}  // namespace retort::typecheck
