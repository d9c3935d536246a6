// The `.retort.yaml` reference: every option of a schema with its default, written as
// YAML that loads back to the defaults, with each option's description as a comment.

#include <algorithm>
#include <cctype>
#include <ostream>
#include <sstream>

#include "retort/core/config.hpp"

namespace retort {
namespace {

constexpr std::size_t comment_column = 30;
constexpr std::size_t line_width = 90;

bool is_word_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("_./-+").find(c) != std::string_view::npos;
}

// Returns true when YAML reads `text` unquoted as that string: a word or path that
// starts with a letter or digit and is none of YAML's words for other types.
bool is_plain_scalar(const std::string& text) {
  if (text.empty() || std::isalnum(static_cast<unsigned char>(text[0])) == 0) return false;
  if (text == "true" || text == "false" || text == "null") return false;
  return std::all_of(text.begin(), text.end(), is_word_character);
}

// A scalar YAML reads back as the same string: plain when it can be, else
// double-quoted.
std::string yaml_scalar(const std::string& text) {
  if (is_plain_scalar(text)) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string yaml_value(const OptionValue& value) {
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* text = std::get_if<std::string>(&value)) return yaml_scalar(*text);
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    std::string items;
    for (const auto& item : *list) items += (items.empty() ? "" : ", ") + yaml_scalar(item);
    return "[" + items + "]";
  }
  return "{}";
}

// Writes `text` as comment lines from `comment_column`, wrapped at `line_width`;
// the first line continues `start` (the key and value).
void write_comment(std::ostream& out, std::string start, const std::string& text) {
  std::istringstream words(text);
  std::string line = std::move(start);
  bool is_line_empty = true;
  auto open_comment = [&] {
    line.resize(std::max(line.size() + 1, comment_column), ' ');
    line += "#";
  };
  open_comment();
  for (std::string word; words >> word;) {
    if (!is_line_empty && line.size() + 1 + word.size() > line_width) {
      out << line << "\n";
      line.clear();
      open_comment();
    }
    line += " " + word;
    is_line_empty = false;
  }
  out << line << "\n";
}

}  // namespace

void write_config_reference(std::ostream& out, const ConfigSchema& schema) {
  for (const auto& section : schema) {
    if (section.options.empty()) {
      out << section.name << ": {}\n";
      continue;
    }
    out << section.name << ":\n";
    for (const auto& option : section.options)
      write_comment(out, "  " + option.name + ": " + yaml_value(option.default_value),
                    option.description);
  }
}

}  // namespace retort
