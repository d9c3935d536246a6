#include "summary_json.hpp"

namespace retort::typecheck {
namespace {

namespace json = llvm::json;

json::Value place_json(const Place& place) {
  return json::Object{{"file", place.file}, {"line", place.line}, {"column", place.column}};
}

json::Value actor_json(const Actor& actor) {
  json::Array entries, handlers;
  for (const auto& entry : actor.entries)
    entries.push_back(json::Object{{"category", static_cast<int>(entry.category)},
                                   {"message", entry.message},
                                   {"reply", entry.reply},
                                   {"place", place_json(entry.place)}});
  for (const auto& handler : actor.handlers)
    handlers.push_back(json::Object{{"category", static_cast<int>(handler.category)},
                                    {"message", handler.message},
                                    {"reply", handler.reply},
                                    {"place", place_json(handler.place)},
                                    {"can_return", handler.can_return}});
  return json::Object{{"name", actor.name},
                      {"entries", std::move(entries)},
                      {"handlers", std::move(handlers)},
                      {"place", place_json(actor.place)}};
}

json::Value source_json(const PidSource& source) {
  json::Array actors, symbols;
  for (const auto& actor : source.actors) actors.push_back(actor);
  for (const auto& symbol : source.symbols) symbols.push_back(symbol);
  return json::Object{{"actors", std::move(actors)},
                      {"symbols", std::move(symbols)},
                      {"is_unknown", source.is_unknown},
                      {"text", source.text}};
}

json::Value send_json(const SendSite& send) {
  return json::Object{{"category", static_cast<int>(send.category)},
                      {"message", send.message},
                      {"expected_reply", send.expected_reply},
                      {"target", source_json(send.target)},
                      {"place", place_json(send.place)},
                      {"handler_actor", send.handler_actor},
                      {"handler_category", static_cast<int>(send.handler_category)},
                      {"handler_message", send.handler_message},
                      {"is_instantiated", send.is_instantiated}};
}

json::Value fact_json(const PidFact& fact) {
  return json::Object{{"symbol", fact.symbol},
                      {"source", source_json(fact.source)},
                      {"place", place_json(fact.place)}};
}

// Reads the fields of one JSON object, remembering whether any was missing or of
// another type, so a damaged entry is one `ok()` check rather than one per field.
class FieldReader {
 public:
  explicit FieldReader(const json::Value* value)
      : object_(value != nullptr ? value->getAsObject() : nullptr), ok_(object_ != nullptr) {}

  std::string text(llvm::StringRef key) {
    auto found = object_ != nullptr ? object_->getString(key) : std::nullopt;
    ok_ = ok_ && found.has_value();
    return found ? found->str() : "";
  }
  unsigned number(llvm::StringRef key) {
    auto found = object_ != nullptr ? object_->getInteger(key) : std::nullopt;
    ok_ = ok_ && found.has_value() && *found >= 0;
    return found ? static_cast<unsigned>(*found) : 0;
  }
  Category category(llvm::StringRef key = "category") {
    unsigned value = number(key);
    ok_ = ok_ && value <= static_cast<unsigned>(Category::call);
    return static_cast<Category>(value);
  }
  bool flag(llvm::StringRef key) {
    auto found = object_ != nullptr ? object_->getBoolean(key) : std::nullopt;
    ok_ = ok_ && found.has_value();
    return found.value_or(false);
  }
  // A reader of the object `key`.
  FieldReader field(llvm::StringRef key) const {
    return FieldReader(object_ != nullptr ? object_->get(key) : nullptr);
  }
  // Folds `reader`'s damage into this one's.
  void absorb(const FieldReader& reader) { ok_ = ok_ && reader.ok(); }
  Place place() {
    FieldReader reader = field("place");
    Place place{reader.text("file"), reader.number("line"), reader.number("column")};
    ok_ = ok_ && reader.ok();
    return place;
  }
  // Calls `read` with a reader of each item of the array `key`.
  template <class Read>
  void each(llvm::StringRef key, Read read) {
    const auto* items = object_ != nullptr ? object_->getArray(key) : nullptr;
    ok_ = ok_ && items != nullptr;
    if (items == nullptr) return;
    for (const auto& item : *items) {
      FieldReader reader(&item);
      read(reader);
      ok_ = ok_ && reader.ok();
    }
  }
  std::vector<std::string> texts(llvm::StringRef key) {
    std::vector<std::string> found;
    const auto* items = object_ != nullptr ? object_->getArray(key) : nullptr;
    ok_ = ok_ && items != nullptr;
    for (const auto& item : items != nullptr ? *items : json::Array()) {
      auto value = item.getAsString();
      ok_ = ok_ && value.has_value();
      if (value) found.push_back(value->str());
    }
    return found;
  }
  bool ok() const { return ok_; }

 private:
  const json::Object* object_;
  bool ok_;
};

Actor read_actor(FieldReader& reader) {
  Actor actor;
  actor.name = reader.text("name");
  reader.each("entries", [&](FieldReader& entry) {
    actor.entries.push_back(
        {entry.category(), entry.text("message"), entry.text("reply"), entry.place()});
  });
  reader.each("handlers", [&](FieldReader& handler) {
    actor.handlers.push_back({handler.category(), handler.text("message"), handler.text("reply"),
                              handler.place(), handler.flag("can_return")});
  });
  actor.place = reader.place();
  return actor;
}

PidSource read_source(FieldReader& reader) {
  PidSource source;
  source.actors = reader.texts("actors");
  source.symbols = reader.texts("symbols");
  source.is_unknown = reader.flag("is_unknown");
  source.text = reader.text("text");
  return source;
}

// The pid source held in `reader`'s object `key`; damage there is `reader`'s.
PidSource read_source_field(FieldReader& reader, llvm::StringRef key) {
  FieldReader nested = reader.field(key);
  PidSource source = read_source(nested);
  reader.absorb(nested);
  return source;
}

SendSite read_send(FieldReader& reader) {
  SendSite send;
  send.category = reader.category();
  send.message = reader.text("message");
  send.expected_reply = reader.text("expected_reply");
  send.target = read_source_field(reader, "target");
  send.place = reader.place();
  send.handler_actor = reader.text("handler_actor");
  send.handler_category = reader.category("handler_category");
  send.handler_message = reader.text("handler_message");
  send.is_instantiated = reader.flag("is_instantiated");
  return send;
}

PidFact read_fact(FieldReader& reader) {
  PidFact fact;
  fact.symbol = reader.text("symbol");
  fact.source = read_source_field(reader, "source");
  fact.place = reader.place();
  return fact;
}

}  // namespace

json::Value summary_to_json(const UnitSummary& summary) {
  json::Array actors, sends;
  for (const auto& actor : summary.actors) actors.push_back(actor_json(actor));
  json::Array facts;
  for (const auto& send : summary.sends) sends.push_back(send_json(send));
  for (const auto& fact : summary.facts) facts.push_back(fact_json(fact));
  json::Array spawned;
  for (const auto& actor : summary.spawned) spawned.push_back(actor);
  return json::Object{{"actors", std::move(actors)},
                      {"sends", std::move(sends)},
                      {"facts", std::move(facts)},
                      {"spawned", std::move(spawned)}};
}

std::optional<UnitSummary> summary_from_json(const json::Value* value) {
  UnitSummary summary;
  FieldReader reader(value);
  reader.each("actors", [&](FieldReader& actor) { summary.actors.push_back(read_actor(actor)); });
  reader.each("sends", [&](FieldReader& send) { summary.sends.push_back(read_send(send)); });
  reader.each("facts", [&](FieldReader& fact) { summary.facts.push_back(read_fact(fact)); });
  summary.spawned = reader.texts("spawned");
  if (!reader.ok()) return std::nullopt;
  return summary;
}

}  // namespace retort::typecheck
