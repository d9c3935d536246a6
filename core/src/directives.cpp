#include "retort/core/directives.hpp"

#include <cctype>

namespace retort {
namespace {

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// The index just past the literal that opens at `begin` with `quote`.
std::size_t skip_literal(std::string_view line, std::size_t begin, char quote) {
  std::size_t at = begin + 1;
  while (at < line.size() && line[at] != quote) at += line[at] == '\\' ? 2 : 1;
  return at + 1;
}

// The index just past the number starting at `begin`: `1'000` holds no literal.
std::size_t skip_number(std::string_view line, std::size_t begin) {
  std::size_t at = begin;
  while (at < line.size() &&
         (is_identifier_char(line[at]) || line[at] == '.' ||
          (line[at] == '\'' && at + 1 < line.size() && is_identifier_char(line[at + 1]))))
    ++at;
  return at;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::size_t> comment_start(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size()) {
    char c = line[at];
    bool starts_token = at == 0 || !is_identifier_char(line[at - 1]);
    if (c == '/' && at + 1 < line.size() && (line[at + 1] == '/' || line[at + 1] == '*')) return at;
    if (c == '"' || c == '\'') {
      at = skip_literal(line, at, c);
    } else if (starts_token && std::isdigit(static_cast<unsigned char>(c)) != 0) {
      at = skip_number(line, at);
    } else {
      ++at;
    }
  }
  return std::nullopt;
}

namespace {

// The line taken apart into its code and the text of its comments.
struct LineParts {
  std::string code;
  std::optional<std::string> comments;
};

LineParts split_comments(std::string_view line) {
  LineParts parts;
  auto add_comment = [&](std::string_view text) {
    parts.comments = parts.comments ? *parts.comments + " " + std::string(text) : std::string(text);
  };
  while (auto start = comment_start(line)) {
    parts.code.append(line.substr(0, *start));
    std::string_view rest = line.substr(*start + 2);
    if (line[*start + 1] == '/') {
      add_comment(rest);
      return parts;
    }
    auto close = rest.find("*/");
    add_comment(rest.substr(0, close));
    if (close == std::string_view::npos) return parts;
    parts.code += ' ';
    line = rest.substr(close + 2);
  }
  parts.code.append(line);
  return parts;
}

}  // namespace

std::optional<std::string> comment_text(std::string_view line) {
  return split_comments(line).comments;
}

std::string code_of(std::string_view line) { return split_comments(line).code; }

std::optional<Directive> directive_on(std::string_view line) {
  auto comment = comment_text(line);
  if (!comment) return std::nullopt;
  auto marker = comment->find("retort:");
  if (marker == std::string::npos) return std::nullopt;
  std::string_view rest = trimmed(std::string_view(*comment).substr(marker + 7));
  std::size_t verb_end = 0;
  while (verb_end < rest.size() && std::isspace(static_cast<unsigned char>(rest[verb_end])) == 0)
    ++verb_end;
  if (verb_end == 0) return std::nullopt;
  return Directive{std::string(rest.substr(0, verb_end)),
                   std::string(trimmed(rest.substr(verb_end)))};
}

}  // namespace retort
