#include "warnings.hpp"

#include "retort/typecheck/analysis.hpp"

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
    {"unreachable-handler", "A Protocol entry that nothing in the program sends to its actor",
     "No send site in the program sends this message, in this category, to a pid that may "
     "run the actor: its handler is dead code, or the sender that should use it sends "
     "something else. Sends whose target is not known count as reaching every actor, "
     "and so do the messages the runtime sends itself (`retort::Down`, `retort::Exit`) "
     "and every send in a template (`Ref<A>::cast`). Like Dialyzer, it judges the "
     "program it is given: an actor other programs message is not one.\n\n"
     "```cpp\n"
     "using Protocol = retort::Protocol<retort::Cast<Open>, retort::Cast<Close>>;\n"
     "retort::cast(door.pid(), Open{});  // and nothing ever casts Close\n"
     "```\n\n"
     "Fix: send the message where it is meant to be sent, or remove the entry and its "
     "handler."},
    {"never-receives", "An actor to which nothing in the program sends anything",
     "Every entry of the actor's `Protocol` is unreachable (see `unreachable-handler`): "
     "the actor is spawned, or defined, and never messaged. Low priority: an actor may "
     "be kept for its side effects or for another program.\n\n"
     "```cpp\n"
     "auto auditor = system.spawn<Auditor>();  // and no send to it anywhere\n"
     "```\n\n"
     "Fix: message it where it is meant to be, or remove it."},
    {"no-local-return", "A handler whose every path throws or never ends",
     "Dialyzer's no_return: every path through the handler's body ends in a `throw` "
     "that leaves it, or in a call that never returns (`std::abort`), or loops forever. "
     "Each message it takes crashes the actor (or hangs it), and a caller never gets a "
     "reply. Coroutine handlers are not judged.\n\n"
     "```cpp\n"
     "int handle_call(const Divide&, retort::From) {\n"
     "  throw std::runtime_error(\"not implemented\");\n"
     "}\n"
     "```\n\n"
     "Fix: implement the handler, or remove its entry until it is."},
    {"call-cycle", "A call that can come back to an actor still waiting for its reply",
     "A `call` or `async_call` made from inside a handler to a process whose handler, "
     "directly or through further calls, calls the first actor back: the first is still "
     "waiting for its reply, so the inner call waits too, until the timeout (a call to "
     "the process itself fails at once). Only targets known for certain are followed; "
     "actors are told apart by type, so the chain is a deadlock when the actor it "
     "comes back to is the same process.\n\n"
     "```cpp\n"
     "retort::Async<bool> handle_call(const Ask&, retort::From) {\n"
     "  co_return co_await retort::async_call<bool>(self(), Ask{});  // waits for itself\n"
     "}\n"
     "```\n\n"
     "Fix: cast instead of calling on one leg of the cycle, or reply first and continue "
     "with a message to self."},
    {"parse-error", "A unit does not compile, so its sends may be missed",
     "Clang's error in a translation unit of the compilation database, with its place. "
     "The unit's summary may lack sends (never has a wrong one), so the other units are "
     "still checked, and what is never sent (`unreachable-handler`, `never-receives`) is "
     "not judged until every unit compiles.\n\n"
     "```cpp\n"
     "retort::cast(counter.pid(), Add{1};  // a missing parenthesis\n"
     "```\n\n"
     "Fix: make the unit compile (`cmake --build` shows the same error)."},
    {"unresolved-target", "A send whose receiver could not be determined, so it is not checked",
     "Off by default, like Dialyzer's -Wunknown: with `--unresolved-target` (or "
     "`typecheck.unresolved_target: true`) each send whose target pid the checker could "
     "not follow is listed, low priority, so a user sees what was not checked. A pid is "
     "followed through `Ref<A>::pid()`, `self()`, locals that keep their value, `?:`, "
     "members (every write in the program), parameters (every call), return values, and "
     "names registered with a constant; not through containers, globals, pointers or a "
     "name that is not a constant.\n\n"
     "```cpp\n"
     "std::vector<retort::Pid> workers = start_workers(system);\n"
     "retort::cast(workers[0], Job{});  // from a container: unresolved\n"
     "```\n\n"
     "Fix: nothing is wrong; to have it checked, keep the pid as a `Ref<A>`."},
};

const WarningText* find_text(const std::string& id) {
  for (const auto& text : warning_texts)
    if (id == text.id) return &text;
  return nullptr;
}

}  // namespace

Diagnostic make_warning(const std::string& id, std::string message, const Place& place,
                        Priority priority) {
  Diagnostic d;
  d.tool = "typecheck";
  d.check_id = id;
  d.category = "typecheck";
  d.severity = Severity::warning;
  d.priority = priority;
  d.message = std::move(message);
  d.range.file = place.file;
  d.range.begin = {place.line, place.column};
  d.range.end = d.range.begin;
  if (const auto* text = find_text(id)) d.explanation = text->summary;
  return d;
}

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

}  // namespace retort::typecheck
