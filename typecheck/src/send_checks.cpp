#include "program.hpp"
#include "retort/typecheck/analysis.hpp"
#include "warnings.hpp"

namespace retort::typecheck {
namespace {

std::string actors_text(const Receivers& receivers) {
  std::string text;
  for (const auto& actor : receivers.actors) text += (text.empty() ? "" : " or ") + actor;
  return text;
}

// How the possible receivers of one send take it.
struct Verdicts {
  std::size_t known = 0, unhandled = 0, mismatched = 0;
  std::string replies;  // the mismatched receivers' reply types
};

Verdicts verdicts_for(const SendSite& send, const Receivers& receivers,
                      const std::map<std::string, const Actor*>& actors) {
  Verdicts verdicts;
  for (const auto& receiver : receivers.actors) {
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
// possible receiver is known and fails the same way, or when it goes by a name no
// process registers.
void check_send(const SendSite& send, const Receivers& receivers,
                const std::map<std::string, const Actor*>& actors,
                std::vector<Diagnostic>& warnings) {
  std::string category = category_name(send.category);
  if (!receivers.unregistered_name.empty()) {
    warnings.push_back(make_warning("unhandled-message",
                                    category + " of " + send.message + " to the name '" +
                                        receivers.unregistered_name +
                                        "', which no process in the project registers",
                                    send.place));
    return;
  }
  Verdicts verdicts = verdicts_for(send, receivers, actors);
  if (verdicts.known == 0 || verdicts.known != receivers.actors.size()) return;
  std::string target = actors_text(receivers) + " (" + receivers.text + ")";
  if (verdicts.unhandled == verdicts.known)
    warnings.push_back(make_warning("unhandled-message",
                                    category + " of " + send.message + " to " + target +
                                        ", which has no " + category + " entry for it",
                                    send.place));
  else if (verdicts.mismatched == verdicts.known)
    warnings.push_back(make_warning("reply-type-mismatch",
                                    "call<" + send.expected_reply + "> of " + send.message +
                                        " to " + target + ", whose Call replies with " +
                                        verdicts.replies,
                                    send.place));
}

}  // namespace

void check_sends(const Program& program, std::vector<Diagnostic>& warnings) {
  for (const auto& [send, receivers] : program.sends)
    if (is_checked(*send) && !receivers.is_unknown)
      check_send(*send, receivers, program.actors, warnings);
}

}  // namespace retort::typecheck
