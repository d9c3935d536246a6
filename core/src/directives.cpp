#include "retort/core/directives.hpp"

#include <algorithm>
#include <cctype>

#include <llvm/ADT/StringRef.h>

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

std::optional<std::string> comment_text(std::string_view line) {
  return split_comments(line).comments;
}

std::string code_of(std::string_view line) { return split_comments(line).code; }

std::optional<Directive> directive_in(std::string_view comment) {
  auto marker = comment.find("retort:");
  if (marker == std::string_view::npos) return std::nullopt;
  llvm::StringRef rest = llvm::StringRef(comment.data(), comment.size()).substr(marker + 7).trim();
  std::size_t verb_end = std::min(rest.find_first_of(" \t\v\f\r\n"), rest.size());
  if (verb_end == 0) return std::nullopt;
  return Directive{rest.take_front(verb_end).str(), rest.drop_front(verb_end).trim().str()};
}

std::optional<Directive> directive_on(std::string_view line) {
  auto comment = comment_text(line);
  if (!comment) return std::nullopt;
  return directive_in(*comment);
}

}  // namespace retort
