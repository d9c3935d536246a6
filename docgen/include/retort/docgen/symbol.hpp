#pragma once

/// @file
/// The documented API of a codebase as `retort doc-grade` (and later `retort doc`)
/// sees it: one `Symbol` per public declaration, with its doc comment and what the
/// grader needs to know about its shape.

#include <string>
#include <string_view>
#include <vector>

#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>

namespace retort::doc {

/// What a symbol is; the grader scores each kind by its own rules.
enum class SymbolKind {
  namespace_,
  class_,
  struct_,
  union_,
  enum_,
  function,
  method,
  constructor,
  alias,
  variable,
  actor
};

/// Returns the kind's name as output shows it, e.g. `method`.
std::string_view kind_name(SymbolKind kind);

/// One entry of an actor's `Protocol`: a `Call`, `Cast` or `Info` message.
struct ProtocolMessage {
  /// `call`, `cast` or `info`.
  std::string kind;
  /// The message type as written, e.g. `Allocate`.
  std::string message;
  /// The reply type of a `call`; empty otherwise.
  std::string reply;
  /// Whether the message type or the actor's handler of it has a doc comment.
  bool is_documented = false;
};

/// One public declaration of the project's headers.
struct Symbol {
  /// What it is.
  SymbolKind kind = SymbolKind::function;
  /// Its qualified name, e.g. `retort::ResultCache::load`.
  std::string name;
  /// The parameter types of a function, e.g. `(const CacheKey &)`, which keeps
  /// overloads apart; empty for other kinds.
  std::string signature;
  /// The header it is declared in, relative to the display root.
  std::string file;
  /// The 1-based line of its name.
  unsigned line = 0;
  /// The doc comment's text without comment markers; empty when undocumented.
  std::string doc;
  /// The header holding the doc comment (a definition may carry it); empty when none.
  std::string doc_file;
  /// A function's parameter names, in order (unnamed ones left out).
  std::vector<std::string> parameters;
  /// Whether a function returns something (not `void`, not a constructor).
  bool returns_value = false;
  /// Whether it is declared at namespace scope (not a class member).
  bool is_top_level = false;
  /// Whether it lives in a namespace or has a name that looks internal (`impl`,
  /// `details`, a leading underscore) without being excluded from the API.
  bool looks_internal = false;
  /// Whether it is a trivial accessor: a const method without parameters that
  /// returns a value, inline as a single `return` or only declared.
  bool is_trivial_accessor = false;
  /// How many public members a class, enum or actor has.
  unsigned member_count = 0;
  /// An actor's protocol, in declaration order.
  std::vector<ProtocolMessage> messages;

  /// Returns the name with the signature, as lists and `explain` show it.
  std::string display_name() const { return name + signature; }
};

/// Returns `symbols` as a JSON array (the per-file cache and `--format json` use it).
llvm::json::Value symbols_to_json(const std::vector<Symbol>& symbols);

/// Reads what `symbols_to_json` wrote. Returns an error when `value` is not such an array.
llvm::Expected<std::vector<Symbol>> symbols_from_json(const llvm::json::Value& value);

}  // namespace retort::doc
