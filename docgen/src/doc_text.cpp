#include "retort/docgen/doc_text.hpp"

#include <cctype>
#include <string>

#include "retort/core/text_lines.hpp"

namespace retort::doc {
namespace {

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Whether `word` occurs in `text` at `position` as a whole word: neither neighbour is
// part of an identifier.
bool is_whole_word_at(std::string_view text, std::size_t position, std::size_t length) {
  bool starts_word = position == 0 || !is_identifier_char(text[position - 1]);
  std::size_t end = position + length;
  bool ends_word = end >= text.size() || !is_identifier_char(text[end]);
  return starts_word && ends_word;
}

bool contains_word(std::string_view text, std::string_view word) {
  for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    if (is_whole_word_at(text, at, word.size())) return true;
  }
  return false;
}

// Whether `doc` holds `@command` or `\command` as a whole word.
bool has_command(std::string_view doc, std::string_view command) {
  return contains_word(doc, "@" + std::string(command)) ||
         contains_word(doc, "\\" + std::string(command));
}

std::string lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string_view trimmed_start(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

}  // namespace

bool mentions_parameter(std::string_view doc, std::string_view name) {
  if (name.empty()) return false;
  // `name`, or a code span that starts with it: `name.path`, `name->next`, `name[0]`.
  std::string opened = "`" + std::string(name);
  for (auto at = doc.find(opened); at != std::string_view::npos; at = doc.find(opened, at + 1)) {
    std::size_t after = at + opened.size();
    if (after < doc.size() && !is_identifier_char(doc[after]) && doc[after] != ' ' &&
        doc.find('`', after) != std::string_view::npos)
      return true;
  }
  for (std::string_view command : {"@param", "\\param"}) {
    for (auto at = doc.find(command); at != std::string_view::npos;
         at = doc.find(command, at + 1)) {
      // `@param name`, `@param[in] name`, `@param[out] name`.
      std::size_t cursor = at + command.size();
      if (cursor < doc.size() && doc[cursor] == '[') cursor = doc.find(']', cursor) + 1;
      while (cursor < doc.size() && doc[cursor] == ' ') ++cursor;
      if (doc.substr(cursor, name.size()) == name && is_whole_word_at(doc, cursor, name.size()))
        return true;
    }
  }
  return false;
}

bool describes_result(std::string_view doc) {
  if (has_command(doc, "return") || has_command(doc, "returns") || has_command(doc, "retval"))
    return true;
  std::string lower = lowercase(doc);
  return contains_word(lower, "returns") || contains_word(lower, "return value");
}

unsigned count_code_examples(std::string_view doc) {
  unsigned fences = 0;
  unsigned code_commands = 0;
  for (std::string_view line : split_lines(doc)) {
    std::string_view text = trimmed_start(line);
    if (text.starts_with("```") || text.starts_with("~~~")) ++fences;
    if (text.starts_with("@code") || text.starts_with("\\code")) ++code_commands;
  }
  // A fenced block opens and closes with a fence.
  return fences / 2 + code_commands;
}

bool is_marked_private(std::string_view doc) {
  return has_command(doc, "private") || has_command(doc, "internal");
}

}  // namespace retort::doc
