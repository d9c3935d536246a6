#include "retort/typecheck/analysis.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace retort::typecheck {
namespace {

struct WarningText {
  const char* id;
  const char* summary;
  const char* explanation;
};

// The explanations `retort typecheck explain` prints: what, an example, the fix.
constexpr WarningText warning_texts[] = {
    {"unhandled-message", "A message is sent that no possible receiver handles in its category",
     "A `send`, `cast` or `call` whose message type no actor the target pid may run "
     "handles that way (`send` needs an `Info` entry, `cast` a `Cast`, `call` a `Call`). "
     "The message compiles, and at run time it is dropped, or the call times out.\n\n"
     "```cpp\n"
     "using Protocol = retort::Protocol<retort::Call<Get, int>>;  // in Counter\n"
     "auto counter = system.spawn<Counter>();\n"
     "retort::cast(counter.pid(), Get{});  // Counter has no Cast<Get>\n"
     "```\n\n"
     "Fix: send it in the category the protocol declares (`retort::call<int>`), or add "
     "the entry and its handler to the receiver's `Protocol`. Types are compared as Clang "
     "sees them: `warehouse::Get` is not `shop::Get`; an alias is its type."},
    {"reply-type-mismatch", "A call asks for another reply type than the receiver's Call gives",
     "`call<R>`/`async_call<R>` on a receiver whose `Call<M, R2>` replies with `R2`, not "
     "`R`. The runtime compares the exact types and throws \"reply type mismatch\", even "
     "when one converts to the other.\n\n"
     "```cpp\n"
     "using Protocol = retort::Protocol<retort::Call<Get, int>>;\n"
     "long value = retort::call<long>(counter.pid(), Get{});  // the reply is an int\n"
     "```\n\n"
     "Fix: ask for the protocol's reply type (`retort::call<int>`), or call through "
     "`Ref<Counter>::call`, which takes the reply type from the protocol."},
    {"protocol-mismatch",
     "A handler no Protocol entry routes to, or an entry its handler disagrees with",
     "Dialyzer's invalid contract: a `handle_cast(const M&)` (or `handle_info`, "
     "`handle_call`) whose message has no matching entry in the actor's `Protocol` "
     "compiles, and its messages go unhandled; a `Call<M, R>` whose `handle_call` returns "
     "another type converts the reply silently.\n\n"
     "```cpp\n"
     "using Protocol = retort::Protocol<retort::Cast<Add>>;\n"
     "void handle_cast(const Add&);\n"
     "void handle_cast(const Reset&);  // no Cast<Reset>: never runs\n"
     "```\n\n"
     "Fix: add the entry (`retort::Cast<Reset>`), or remove the handler; make "
     "`handle_call` return the entry's reply type."},
};

const WarningText* find_text(const std::string& id) {
  for (const auto& text : warning_texts)
    if (id == text.id) return &text;
  return nullptr;
}

Diagnostic warning(const std::string& id, std::string message, const Place& place) {
  Diagnostic d;
  d.tool = "typecheck";
  d.check_id = id;
  d.category = "typecheck";
  d.severity = Severity::warning;
  d.priority = Priority::high;
  d.message = std::move(message);
  d.range.file = place.file;
  d.range.begin = {place.line, place.column};
  d.range.end = d.range.begin;
  if (const auto* text = find_text(id)) d.explanation = text->summary;
  return d;
}

// Every actor once, by name: a header's actor is in the summary of each unit that
// includes it.
std::map<std::string, const Actor*> actors_by_name(const std::vector<UnitSummary>& summaries) {
  std::map<std::string, const Actor*> actors;
  for (const auto& summary : summaries)
    for (const auto& actor : summary.actors) actors.emplace(actor.name, &actor);
  return actors;
}

const ProtocolEntry* entry_for(const Actor& actor, Category category, const std::string& message) {
  for (const auto& entry : actor.entries)
    if (entry.category == category && entry.message == message) return &entry;
  return nullptr;
}

std::string receivers_text(const SendSite& send) {
  std::string text;
  for (const auto& receiver : send.receivers) text += (text.empty() ? "" : " or ") + receiver;
  return text;
}

// How the possible receivers of one send take it.
struct Verdicts {
  std::size_t known = 0, unhandled = 0, mismatched = 0;
  std::string replies;  // the mismatched receivers' reply types
};

Verdicts verdicts_for(const SendSite& send, const std::map<std::string, const Actor*>& actors) {
  Verdicts verdicts;
  for (const auto& receiver : send.receivers) {
    auto found = actors.find(receiver);
    if (found == actors.end()) continue;  // defined outside the project: not checked
    ++verdicts.known;
    const ProtocolEntry* entry = entry_for(*found->second, send.category, send.message);
    if (entry == nullptr) {
      ++verdicts.unhandled;
    } else if (send.category == Category::call && entry->reply != send.expected_reply) {
      ++verdicts.mismatched;
      verdicts.replies += (verdicts.replies.empty() ? "" : ", ") + entry->reply;
    }
  }
  return verdicts;
}

// unhandled-message and reply-type-mismatch for one send: warned only when every
// possible receiver is known and fails the same way.
void check_send(const SendSite& send, const std::map<std::string, const Actor*>& actors,
                std::vector<Diagnostic>& warnings) {
  Verdicts verdicts = verdicts_for(send, actors);
  if (verdicts.known == 0 || verdicts.known != send.receivers.size()) return;
  std::string target = receivers_text(send) + " (" + send.target_origin + ")";
  std::string category = category_name(send.category);
  if (verdicts.unhandled == verdicts.known)
    warnings.push_back(warning("unhandled-message",
                               category + " of " + send.message + " to " + target +
                                   ", which has no " + category + " entry for it",
                               send.place));
  else if (verdicts.mismatched == verdicts.known)
    warnings.push_back(warning("reply-type-mismatch",
                               "call<" + send.expected_reply + "> of " + send.message + " to " +
                                   target + ", whose Call replies with " + verdicts.replies,
                               send.place));
}

void check_protocol(const Actor& actor, std::vector<Diagnostic>& warnings) {
  for (const auto& handler : actor.handlers) {
    const ProtocolEntry* entry = entry_for(actor, handler.category, handler.message);
    std::string handler_name =
        "handle_" + category_name(handler.category) + "(" + handler.message + ") of " + actor.name;
    if (entry == nullptr)
      warnings.push_back(warning("protocol-mismatch",
                                 handler_name + " has no " + category_name(handler.category) +
                                     " entry in its Protocol, so it never runs",
                                 handler.place));
    else if (handler.category == Category::call && !handler.reply.empty() &&
             handler.reply != entry->reply)
      warnings.push_back(warning("protocol-mismatch",
                                 handler_name + " returns " + handler.reply +
                                     ", but its Protocol's Call replies with " + entry->reply,
                                 handler.place));
  }
}

bool warning_order(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.range.file, a.range.begin.line, a.range.begin.column, a.message) <
         std::tie(b.range.file, b.range.begin.line, b.range.begin.column, b.message);
}

bool same_warning(const Diagnostic& a, const Diagnostic& b) {
  return !warning_order(a, b) && !warning_order(b, a);
}

}  // namespace

std::string category_name(Category category) {
  switch (category) {
    case Category::info:
      return "info";
    case Category::cast:
      return "cast";
    case Category::call:
      return "call";
  }
  return "info";
}

RuleCatalog typecheck_rules() {
  RuleCatalog rules;
  for (const auto& text : warning_texts) rules.push_back({text.id, text.summary, text.explanation});
  return rules;
}

std::string explain_warning(const std::string& id) {
  const auto* text = find_text(id);
  if (text == nullptr) return "";
  return std::string(text->id) + ": " + text->summary + "\n\n" + text->explanation + "\n";
}

std::vector<Diagnostic> analyse(const std::vector<UnitSummary>& summaries) {
  auto actors = actors_by_name(summaries);
  std::vector<Diagnostic> warnings;
  for (const auto& [name, actor] : actors) check_protocol(*actor, warnings);
  for (const auto& summary : summaries)
    for (const auto& send : summary.sends) check_send(send, actors, warnings);
  // A header's send sites are in every unit that includes it: each is warned once.
  std::sort(warnings.begin(), warnings.end(), warning_order);
  warnings.erase(std::unique(warnings.begin(), warnings.end(), same_warning), warnings.end());
  return warnings;
}

}  // namespace retort::typecheck
