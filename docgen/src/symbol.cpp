#include "retort/docgen/symbol.hpp"

#include <array>

#include "retort/core/errors.hpp"

namespace retort::doc {
namespace {

constexpr std::array<std::string_view, 11> kind_names{
    "namespace", "class",       "struct", "union",    "enum", "function",
    "method",    "constructor", "alias",  "variable", "actor"};

llvm::json::Value message_to_json(const ProtocolMessage& message) {
  return llvm::json::Object{{"kind", message.kind},
                            {"message", message.message},
                            {"reply", message.reply},
                            {"documented", message.is_documented}};
}

llvm::json::Value symbol_to_json(const Symbol& symbol) {
  llvm::json::Array parameters;
  for (const auto& parameter : symbol.parameters) parameters.push_back(parameter);
  llvm::json::Array messages;
  for (const auto& message : symbol.messages) messages.push_back(message_to_json(message));
  return llvm::json::Object{{"kind", std::string(kind_name(symbol.kind))},
                            {"name", symbol.name},
                            {"signature", symbol.signature},
                            {"file", symbol.file},
                            {"line", symbol.line},
                            {"doc", symbol.doc},
                            {"doc_file", symbol.doc_file},
                            {"parameters", std::move(parameters)},
                            {"returns_value", symbol.returns_value},
                            {"top_level", symbol.is_top_level},
                            {"looks_internal", symbol.looks_internal},
                            {"trivial_accessor", symbol.is_trivial_accessor},
                            {"members", symbol.member_count},
                            {"messages", std::move(messages)}};
}

std::string string_of(const llvm::json::Object& object, llvm::StringRef key) {
  return object.getString(key).value_or("").str();
}

bool symbol_from_json(const llvm::json::Object& object, Symbol& symbol) {
  auto kind = object.getString("kind");
  auto found =
      kind ? std::find(kind_names.begin(), kind_names.end(), kind->str()) : kind_names.end();
  if (found == kind_names.end()) return false;
  symbol.kind = static_cast<SymbolKind>(found - kind_names.begin());
  symbol.name = string_of(object, "name");
  symbol.signature = string_of(object, "signature");
  symbol.file = string_of(object, "file");
  symbol.line = static_cast<unsigned>(object.getInteger("line").value_or(0));
  symbol.doc = string_of(object, "doc");
  symbol.doc_file = string_of(object, "doc_file");
  if (const auto* parameters = object.getArray("parameters")) {
    for (const auto& parameter : *parameters)
      symbol.parameters.push_back(parameter.getAsString().value_or("").str());
  }
  symbol.returns_value = object.getBoolean("returns_value").value_or(false);
  symbol.is_top_level = object.getBoolean("top_level").value_or(false);
  symbol.looks_internal = object.getBoolean("looks_internal").value_or(false);
  symbol.is_trivial_accessor = object.getBoolean("trivial_accessor").value_or(false);
  symbol.member_count = static_cast<unsigned>(object.getInteger("members").value_or(0));
  if (const auto* messages = object.getArray("messages")) {
    for (const auto& value : *messages) {
      const auto* message = value.getAsObject();
      if (!message) return false;
      symbol.messages.push_back({string_of(*message, "kind"), string_of(*message, "message"),
                                 string_of(*message, "reply"),
                                 message->getBoolean("documented").value_or(false)});
    }
  }
  return true;
}

}  // namespace

std::string_view kind_name(SymbolKind kind) { return kind_names[static_cast<std::size_t>(kind)]; }

llvm::json::Value symbols_to_json(const std::vector<Symbol>& symbols) {
  llvm::json::Array array;
  for (const auto& symbol : symbols) array.push_back(symbol_to_json(symbol));
  return array;
}

llvm::Expected<std::vector<Symbol>> symbols_from_json(const llvm::json::Value& value) {
  const auto* array = value.getAsArray();
  if (!array) return usage_error("expected a JSON array of symbols");
  std::vector<Symbol> symbols;
  for (const auto& element : *array) {
    const auto* object = element.getAsObject();
    Symbol symbol;
    if (!object || !symbol_from_json(*object, symbol))
      return usage_error("expected a symbol object with a known kind");
    symbols.push_back(std::move(symbol));
  }
  return symbols;
}

}  // namespace retort::doc
