#pragma once

/// @file
/// What one translation unit tells the type checker: the actors it defines (their
/// `Protocol` entries and handlers) and the messages it sends, each with where its
/// target pid came from. The global phase (`analysis.hpp`) links the summaries of all
/// units.

#include <optional>
#include <string>
#include <vector>

namespace retort::typecheck {

/// How a message travels, and so which handler takes it: `send` → `Info`,
/// `cast` → `Cast`, `call`/`async_call` → `Call`.
enum class Category { info, cast, call };

/// Returns `info`, `cast` or `call`.
std::string category_name(Category category);

/// A place in a source file, relative to the display root.
struct Place {
  /// The file.
  std::string file;
  /// 1-based line.
  unsigned line = 0;
  /// 1-based column.
  unsigned column = 0;
};

/// One entry of an actor's `Protocol`: `Call<M, R>`, `Cast<M>` or `Info<M>`.
struct ProtocolEntry {
  /// The entry's kind.
  Category category = Category::info;
  /// The message type as Clang prints its canonical type (aliases resolved).
  std::string message;
  /// A call's reply type (canonical); empty otherwise.
  std::string reply;
  /// Where the entry is written in the `Protocol`.
  Place place;
};

/// A `handle_call`, `handle_cast` or `handle_info` member.
struct Handler {
  /// Which handler it is.
  Category category = Category::info;
  /// The type of its first parameter, without `const` and `&` (canonical).
  std::string message;
  /// What `handle_call` returns (an `Async<R>`'s `R`); empty for the others.
  std::string reply;
  /// Where it is declared.
  Place place;
  /// False when every path through its body throws or never ends (as Clang's CFG
  /// shows it); coroutines and bodies defined elsewhere count as returning.
  bool can_return = true;
};

/// A class derived from `retort::GenServer` with a `Protocol`.
struct Actor {
  /// Its qualified name.
  std::string name;
  /// Its `Protocol`'s entries, in order.
  std::vector<ProtocolEntry> entries;
  /// Its handlers.
  std::vector<Handler> handlers;
  /// Where the class is defined.
  Place place;
};

/// Where a pid may come from, as one unit sees it: actors it knows the pid runs, and
/// symbols whose pids the global phase gathers from every unit's facts.
///
/// Symbols are `member:<USR>` (a data member), `param:<USR>#<n>` (a function's
/// parameter), `return:<USR>` (what a function returns) and `name:<text>` (a
/// registered name); a USR is Clang's name for a declaration, the same in every unit.
struct PidSource {
  /// Actors the pid runs, known here.
  std::vector<std::string> actors;
  /// Symbols the pid comes from, resolved by the global phase.
  std::vector<std::string> symbols;
  /// Set when some way the pid may take could not be followed: the source is then
  /// unknown, whatever else it holds.
  bool is_unknown = false;
  /// How it is known, e.g. "a Ref<Counter>'s pid()", "the member Teller::vault_".
  std::string text;
};

/// One way a symbol gets a pid: a member's assignment or initialiser, an argument
/// at a call of the function, a `return`, a `register_name`. A symbol written in a
/// way that cannot be followed has a fact whose source is unknown.
struct PidFact {
  /// The symbol written.
  std::string symbol;
  /// What it is written with.
  PidSource source;
  /// Where.
  Place place;
};

/// One call of `retort::send`, `cast`, `call`, `async_call` or `send_after`, by pid
/// or by registered name.
struct SendSite {
  /// How the message travels.
  Category category = Category::info;
  /// The message type (canonical).
  std::string message;
  /// For a call, the reply type the caller asks for (canonical); empty otherwise.
  std::string expected_reply;
  /// Where the target pid comes from.
  PidSource target;
  /// Where the send is; no file for a send in a library's header.
  Place place;
  /// The actor whose handler the send is in (directly, not in a lambda); empty
  /// elsewhere.
  std::string handler_actor;
  /// That handler's category and message.
  Category handler_category = Category::info;
  /// That handler's message type (canonical).
  std::string handler_message;
  /// True for a send in a template's instantiation (`Ref<A>::cast`'s): it counts
  /// as sending its message, and is not itself checked.
  bool is_instantiated = false;
};

/// What one translation unit defines and sends.
struct UnitSummary {
  /// The actors defined in the project's files.
  std::vector<Actor> actors;
  /// The send sites in the project's files.
  std::vector<SendSite> sends;
  /// How the symbols pids flow through are written, in the project's files.
  std::vector<PidFact> facts;
  /// The actors spawned (`System::spawn<A>`, `spawn_link<A>`, a supervisor's
  /// `child<A>`), by qualified name.
  std::vector<std::string> spawned;
};

}  // namespace retort::typecheck
