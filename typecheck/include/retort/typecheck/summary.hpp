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

/// One call of `retort::send`, `cast`, `call` or `async_call` with a `Pid`.
struct SendSite {
  /// How the message travels.
  Category category = Category::info;
  /// The message type (canonical).
  std::string message;
  /// For a call, the reply type the caller asks for (canonical); empty otherwise.
  std::string expected_reply;
  /// The actors the target pid may run; empty when it could not be determined.
  std::vector<std::string> receivers;
  /// Where the target pid came from, e.g. "spawn<Counter> at src/main.cpp:12".
  std::string target_origin;
  /// Where the send is.
  Place place;
};

/// What one translation unit defines and sends.
struct UnitSummary {
  /// The actors defined in the project's files.
  std::vector<Actor> actors;
  /// The send sites in the project's files.
  std::vector<SendSite> sends;
};

}  // namespace retort::typecheck
