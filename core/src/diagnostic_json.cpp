#include "retort/core/diagnostic_json.hpp"

namespace retort {
namespace {

void add_range(llvm::json::Object& object, const SourceRange& range) {
  object["line"] = range.begin.line;
  object["column"] = range.begin.column;
  object["end_line"] = range.end.line;
  object["end_column"] = range.end.column;
}

bool read_range(const llvm::json::Object& object, SourceRange& range) {
  auto line = object.getInteger("line");
  auto column = object.getInteger("column");
  auto end_line = object.getInteger("end_line");
  auto end_column = object.getInteger("end_column");
  if (!line || !column || !end_line || !end_column) return false;
  range.begin = {static_cast<unsigned>(*line), static_cast<unsigned>(*column)};
  range.end = {static_cast<unsigned>(*end_line), static_cast<unsigned>(*end_column)};
  return true;
}

std::optional<std::string> text_field(const llvm::json::Object& object, llvm::StringRef name) {
  if (auto text = object.getString(name)) return text->str();
  return std::nullopt;
}

}  // namespace

llvm::json::Object diagnostic_to_json(const Diagnostic& d) {
  llvm::json::Object object{{"tool", d.tool},
                            {"check_id", d.check_id},
                            {"category", d.category},
                            {"priority", std::string(priority_name(d.priority))},
                            {"severity", std::string(severity_name(d.severity))},
                            {"message", d.message},
                            {"file", d.range.file}};
  add_range(object, d.range);
  if (!d.explanation.empty()) object["explanation"] = d.explanation;
  if (d.fix) {
    llvm::json::Object fix{{"replacement", d.fix->replacement}};
    add_range(fix, d.fix->range);
    object["fix"] = std::move(fix);
  }
  return object;
}

std::optional<Diagnostic> diagnostic_from_json(const llvm::json::Value& value) {
  const llvm::json::Object* object = value.getAsObject();
  if (object == nullptr) return std::nullopt;
  Diagnostic d;
  auto tool = text_field(*object, "tool");
  auto check_id = text_field(*object, "check_id");
  auto category = text_field(*object, "category");
  auto message = text_field(*object, "message");
  auto file = text_field(*object, "file");
  auto priority = parse_priority(text_field(*object, "priority").value_or(""));
  auto severity = parse_severity(text_field(*object, "severity").value_or(""));
  if (!tool || !check_id || !category || !message || !file || !priority || !severity)
    return std::nullopt;
  d.tool = *tool, d.check_id = *check_id, d.category = *category, d.message = *message;
  d.range.file = *file, d.priority = *priority, d.severity = *severity;
  if (!read_range(*object, d.range)) return std::nullopt;
  d.explanation = text_field(*object, "explanation").value_or("");
  if (const auto* fix = object->getObject("fix")) {
    FixIt fix_it;
    fix_it.range.file = d.range.file;
    auto replacement = text_field(*fix, "replacement");
    if (!replacement || !read_range(*fix, fix_it.range)) return std::nullopt;
    fix_it.replacement = *replacement;
    d.fix = std::move(fix_it);
  }
  return d;
}

}  // namespace retort
