#include "retort/formatter/token_equivalence.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include <clang/Basic/LangOptions.h>
#include <clang/Lex/Lexer.h>

namespace retort::format {
namespace {

enum class UnitKind { token, include, using_declaration };

struct NormalToken {
  std::string text;
  unsigned line = 0;
  UnitKind kind = UnitKind::token;
};

struct TokenStreams {
  std::vector<NormalToken> code;
  std::vector<NormalToken> comment_words;
};

clang::LangOptions cpp_language() {
  clang::LangOptions language;
  language.CPlusPlus = language.CPlusPlus11 = language.CPlusPlus14 = 1;
  language.CPlusPlus17 = language.CPlusPlus20 = 1;
  language.LineComment = language.Digraphs = language.Bool = 1;
  language.WChar = language.Char8 = 1;
  return language;
}

// Splits a comment into its words, without the markers libFormat may rewrite
// (`//` gaining a space, `*` starting each line of a re-indented block comment).
std::vector<std::string> comment_words(std::string_view comment) {
  std::istringstream lines{std::string(comment)};
  std::vector<std::string> words;
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos) continue;
    std::string_view body = std::string_view(line).substr(start);
    while (!body.empty() && (body.front() == '/' || body.front() == '*' || body.front() == '!')) {
      body.remove_prefix(1);
    }
    while (!body.empty() && (body.back() == '/' || body.back() == '*' || body.back() == ' ')) {
      body.remove_suffix(1);
    }
    std::istringstream split{std::string(body)};
    for (std::string word; split >> word;) words.push_back(word);
  }
  return words;
}

// `}  // namespace foo` comments are added and corrected by FixNamespaceComments.
bool is_namespace_end_comment(const std::vector<std::string>& words) {
  std::size_t first = !words.empty() && words[0] == "end" ? 1 : 0;
  return words.size() > first && words[first] == "namespace" && words.size() <= first + 2;
}

bool is_string_literal(clang::tok::TokenKind kind) { return clang::tok::isStringLiteral(kind); }

// A string literal's prefix and contents, so adjacent literals can be joined.
std::pair<std::string, std::string> split_string_literal(std::string_view spelling) {
  std::size_t quote = spelling.find('"');
  if (quote == std::string_view::npos || spelling.back() != '"' || spelling.find('R') < quote) {
    return {std::string(spelling), ""};  // raw strings are compared as they are
  }
  return {std::string(spelling.substr(0, quote)),
          std::string(spelling.substr(quote + 1, spelling.size() - quote - 2))};
}

class Normaliser {
 public:
  explicit Normaliser(std::string_view text) : text_(text), language_(cpp_language()) {}

  TokenStreams run() {
    clang::Lexer lexer(clang::SourceLocation(), language_, text_.data(), text_.data(),
                       text_.data() + text_.size());
    lexer.SetCommentRetentionState(true);
    clang::Token token;
    while (!lexer.LexFromRawLexer(token)) take(token);
    if (token.isNot(clang::tok::eof)) take(token);
    close_unit();
    return std::move(streams_);
  }

 private:
  std::size_t offset_of(const clang::Token& token) const {
    return token.getLocation().getRawEncoding();
  }

  unsigned line_of(std::size_t offset) {
    while (counted_until_ < offset && counted_until_ < text_.size()) {
      if (text_[counted_until_++] == '\n') ++line_;
    }
    return line_;
  }

  // A token's text without line splices (backslash-newline), which are whitespace
  // to the compiler and which libFormat may remove or move.
  std::string spelling(const clang::Token& token) const {
    std::string_view raw = text_.substr(offset_of(token), token.getLength());
    std::string text;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\') {
        std::size_t next = raw.find_first_not_of(" \t\r", i + 1);
        if (next != std::string_view::npos && raw[next] == '\n') {
          i = next;
          continue;
        }
      }
      text += raw[i];
    }
    return text;
  }

  // A using-declaration starts a statement; the formatter may move it to a new line,
  // so this looks at the previous code token, not at the layout.
  bool starts_statement() const {
    if (streams_.code.empty()) return true;
    const NormalToken& previous = streams_.code.back();
    return previous.kind != UnitKind::token || previous.text == ";" || previous.text == "{" ||
           previous.text == "}" || previous.text == ":";
  }

  void take(const clang::Token& token) {
    unsigned line = line_of(offset_of(token));
    std::string text = spelling(token);
    if (token.is(clang::tok::comment)) return take_comment(text, line);
    if (unit_ != nullptr && (unit_->kind == UnitKind::include ? token.isAtStartOfLine() : false))
      close_unit();
    if (unit_ != nullptr) return extend_unit(token, text);
    if (token.is(clang::tok::raw_identifier) && text == "using" && starts_statement()) {
      return open_unit(UnitKind::using_declaration, text, line);
    }
    if (token.isAtStartOfLine() && token.is(clang::tok::hash)) {
      pending_hash_line_ = line;
      pending_hash_ = true;
      return;
    }
    if (pending_hash_) return take_after_hash(token, text);
    push_code(token, std::move(text), line);
  }

  void take_after_hash(const clang::Token& token, const std::string& text) {
    pending_hash_ = false;
    if (!token.isAtStartOfLine() &&
        (text == "include" || text == "import" || text == "include_next")) {
      return open_unit(UnitKind::include, "#" + text, pending_hash_line_);
    }
    streams_.code.push_back({"#", pending_hash_line_});
    if (token.isAtStartOfLine()) return take(token);
    push_code(token, text, line_of(offset_of(token)));
  }

  void push_code(const clang::Token& token, std::string text, unsigned line) {
    if (token.is(clang::tok::greatergreater)) {  // `> >` and `>>` close templates alike
      streams_.code.push_back({">", line});
      streams_.code.push_back({">", line});
      return;
    }
    if (is_string_literal(token.getKind())) {
      auto [prefix, contents] = split_string_literal(text);
      if (previous_was_string_ && !contents.empty() && prefix == previous_string_prefix_) {
        streams_.code.back().text.insert(streams_.code.back().text.size() - 1, contents);
        return;
      }
      previous_was_string_ = true;
      previous_string_prefix_ = prefix;
      streams_.code.push_back({prefix + "\"" + contents + "\"", line});
      return;
    }
    previous_was_string_ = false;
    streams_.code.push_back({std::move(text), line});
  }

  void take_comment(const std::string& text, unsigned line) {
    auto words = comment_words(text);
    if (is_namespace_end_comment(words)) return;
    for (auto& word : words) streams_.comment_words.push_back({std::move(word), line});
  }

  void open_unit(UnitKind kind, const std::string& text, unsigned line) {
    previous_was_string_ = false;
    streams_.code.push_back({text, line, kind});
    unit_ = &streams_.code.back();
  }

  void extend_unit(const clang::Token& token, const std::string& text) {
    unit_->text += " " + text;
    if (unit_->kind == UnitKind::using_declaration && token.is(clang::tok::semi)) close_unit();
  }

  void close_unit() {
    unit_ = nullptr;
    if (pending_hash_) {
      streams_.code.push_back({"#", pending_hash_line_});
      pending_hash_ = false;
    }
  }

  std::string_view text_;
  clang::LangOptions language_;
  TokenStreams streams_;
  NormalToken* unit_ = nullptr;
  bool pending_hash_ = false;
  unsigned pending_hash_line_ = 0;
  bool previous_was_string_ = false;
  std::string previous_string_prefix_;
  std::size_t counted_until_ = 0;
  unsigned line_ = 1;
};

// Include sorting and using-declaration sorting reorder contiguous runs of units.
void sort_unit_runs(std::vector<NormalToken>& tokens) {
  auto run_start = tokens.begin();
  while (run_start != tokens.end()) {
    if (run_start->kind == UnitKind::token) {
      ++run_start;
      continue;
    }
    auto run_end = std::find_if(run_start, tokens.end(), [&](const NormalToken& token) {
      return token.kind != run_start->kind;
    });
    std::stable_sort(run_start, run_end,
                     [](const NormalToken& a, const NormalToken& b) { return a.text < b.text; });
    run_start = run_end;
  }
}

std::optional<TokenDifference> first_difference(const std::vector<NormalToken>& original,
                                                const std::vector<NormalToken>& formatted) {
  std::size_t count = std::max(original.size(), formatted.size());
  for (std::size_t i = 0; i < count; ++i) {
    const NormalToken* before = i < original.size() ? &original[i] : nullptr;
    const NormalToken* after = i < formatted.size() ? &formatted[i] : nullptr;
    if (before != nullptr && after != nullptr && before->text == after->text) continue;
    TokenDifference difference;
    if (before != nullptr) difference = {before->line, 0, before->text, "", false};
    if (after != nullptr) {
      difference.formatted_line = after->line;
      difference.formatted_token = after->text;
    }
    return difference;
  }
  return std::nullopt;
}

}  // namespace

std::optional<TokenDifference> find_token_difference(std::string_view original,
                                                     std::string_view formatted) {
  TokenStreams before = Normaliser(original).run();
  TokenStreams after = Normaliser(formatted).run();
  sort_unit_runs(before.code);
  sort_unit_runs(after.code);
  if (auto difference = first_difference(before.code, after.code)) return difference;
  auto difference = first_difference(before.comment_words, after.comment_words);
  if (difference) difference->is_in_comment = true;
  return difference;
}

}  // namespace retort::format
