#include "retort/formatter/token_equivalence.hpp"

#include <algorithm>
#include <cctype>
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

// Appends normalised tokens to a sequence, applying the rewrites the style may make
// to any token wherever it occurs: `>>` closing two templates is `> >`, and adjacent
// string literals of one prefix are one literal.
class TokenSink {
 public:
  explicit TokenSink(std::vector<NormalToken>& out) : out_(&out) {}

  void push(const clang::Token& token, std::string text, unsigned line) {
    if (token.is(clang::tok::greatergreater)) {
      out_->push_back({">", line});
      out_->push_back({">", line});
      previous_was_string_ = false;
      return;
    }
    if (!is_string_literal(token.getKind())) {
      previous_was_string_ = false;
      out_->push_back({std::move(text), line});
      return;
    }
    auto [prefix, contents] = split_string_literal(text);
    if (previous_was_string_ && !contents.empty() && prefix == previous_string_prefix_) {
      out_->back().text.insert(out_->back().text.size() - 1, contents);
      return;
    }
    previous_was_string_ = true;
    previous_string_prefix_ = prefix;
    out_->push_back({prefix + "\"" + contents + "\"", line});
  }

  /// A token the sink did not see (a directive's `#`) ends a run of literals.
  void push_plain(NormalToken token) {
    previous_was_string_ = false;
    out_->push_back(std::move(token));
  }

 private:
  std::vector<NormalToken>* out_;
  bool previous_was_string_ = false;
  std::string previous_string_prefix_;
};

bool is_identifier(const std::string& text) {
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// libFormat's using-declaration sorter moves only `using [typename] a::b;`, not
// aliases (`using A = ...;`), using-directives or `using enum`.
bool is_sortable_using(const std::vector<NormalToken>& tokens) {
  if (tokens.size() < 3 || tokens.back().text != ";") return false;
  std::size_t first = tokens[1].text == "typename" ? 2 : 1;
  for (std::size_t i = first; i + 1 < tokens.size(); ++i) {
    const std::string& text = tokens[i].text;
    if (text == "namespace" || text == "enum") return false;
    if (text != "::" && !is_identifier(text)) return false;
  }
  return true;
}

// A re-sortable unit (an include line, a using-declaration) with the comments that
// trail it: libFormat moves both together.
struct OpenUnit {
  UnitKind kind = UnitKind::token;
  unsigned line = 0;
  std::vector<NormalToken> tokens;
  TokenSink sink{tokens};
  unsigned last_line = 0;
  std::size_t end_offset = 0;  // just after its last token
  std::vector<std::string> comment_words;
  std::size_t comment_column = 0;
  unsigned last_comment_line = 0;
  bool is_closed = false;
};

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
    flush_unit();
    flush_hash();
    return std::move(streams_);
  }

 private:
  std::size_t offset_of(const clang::Token& token) const {
    return token.getLocation().getRawEncoding();
  }

  std::size_t column_of(const clang::Token& token) const {
    std::size_t offset = offset_of(token);
    std::size_t line_start = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
    return line_start == std::string_view::npos ? offset : offset - line_start - 1;
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
  // so this looks at the previous code token, not at the layout. The end of a
  // preprocessor directive ends whatever came before it too.
  bool starts_statement() const {
    if (streams_.code.empty() || directive_ended_) return true;
    const NormalToken& previous = streams_.code.back();
    return previous.kind != UnitKind::token || previous.text == ";" || previous.text == "{" ||
           previous.text == "}" || previous.text == ":";
  }

  void take(const clang::Token& token) {
    unsigned line = line_of(offset_of(token));
    std::string text = spelling(token);
    if (token.is(clang::tok::comment)) return take_comment(text, line, column_of(token));
    if (token.isAtStartOfLine()) {
      if (unit_ && unit_->kind == UnitKind::include) unit_->is_closed = true;
      if (!token.is(clang::tok::hash)) flush_hash();  // a `#` alone on its line
      directive_ended_ = in_directive_;
      in_directive_ = false;
    }
    if (unit_ && unit_->is_closed) flush_unit();
    if (unit_) return extend_unit(token, std::move(text));
    if (token.is(clang::tok::raw_identifier) && text == "using" && !pending_hash_ &&
        starts_statement()) {
      return open_unit(UnitKind::using_declaration, token, std::move(text), line);
    }
    if (token.isAtStartOfLine() && token.is(clang::tok::hash)) {
      flush_hash();
      pending_hash_line_ = line;
      pending_hash_ = true;
      in_directive_ = true;
      return;
    }
    if (pending_hash_) return take_after_hash(token, std::move(text), line);
    if (!in_directive_) track_namespaces(token, text, line);
    push_code(token, std::move(text), line);
  }

  // libFormat's namespace end comments: whatever comment follows the `}` that closes
  // a namespace, on its line, it replaces with `// namespace name` (or removes, for
  // a short namespace), so that comment is not compared.
  void track_namespaces(const clang::Token& token, const std::string& text, unsigned line) {
    closed_namespace_line_ = 0;
    if (token.is(clang::tok::raw_identifier) && text == "namespace") {
      is_namespace_pending_ = true;
    } else if (token.is(clang::tok::l_brace)) {
      open_braces_.push_back(is_namespace_pending_);
      is_namespace_pending_ = false;
    } else if (token.is(clang::tok::r_brace)) {
      if (!open_braces_.empty() && open_braces_.back()) closed_namespace_line_ = line;
      if (!open_braces_.empty()) open_braces_.pop_back();
    } else if (!token.is(clang::tok::raw_identifier) && !token.is(clang::tok::coloncolon)) {
      is_namespace_pending_ = false;  // `namespace a = b;`, `using namespace a;`
    }
  }

  void take_after_hash(const clang::Token& token, std::string text, unsigned line) {
    pending_hash_ = false;
    if (text == "include" || text == "import" || text == "include_next") {
      in_directive_ = false;  // the unit ends at the next line, like the directive
      return open_unit(UnitKind::include, token, "#" + text, pending_hash_line_);
    }
    sink_.push_plain({"#", pending_hash_line_});
    push_code(token, std::move(text), line);
  }

  void flush_hash() {
    if (!pending_hash_) return;
    sink_.push_plain({"#", pending_hash_line_});
    pending_hash_ = false;
  }

  void push_code(const clang::Token& token, std::string text, unsigned line) {
    directive_ended_ = false;
    sink_.push(token, std::move(text), line);
  }

  // A comment that trails a unit's last line (and the lines that continue it, aligned
  // under it) moves with the unit when it is re-sorted, so it is compared as part of
  // it; any other comment is compared in the stream of comment words.
  void take_comment(const std::string& text, unsigned line, std::size_t column) {
    auto words = comment_words(text);
    if (is_namespace_end_comment(words) || (closed_namespace_line_ == line && line != 0)) {
      closed_namespace_line_ = 0;
      return;
    }
    bool trails_unit =
        unit_ && (line == unit_->last_line ||
                  (unit_->comment_column == column && line == unit_->last_comment_line + 1));
    if (!trails_unit) {
      for (auto& word : words) streams_.comment_words.push_back({std::move(word), line});
      return;
    }
    if (unit_->comment_words.empty()) unit_->comment_column = column;
    unit_->last_comment_line =
        line + static_cast<unsigned>(std::count(text.begin(), text.end(), '\n'));
    for (auto& word : words) unit_->comment_words.push_back(std::move(word));
  }

  // Include blocks the author separated with a blank line are sorted apart (the
  // style preserves blocks), so a blank line ends a run of includes.
  void open_unit(UnitKind kind, const clang::Token& token, std::string text, unsigned line) {
    if (kind == UnitKind::include && !streams_.code.empty() &&
        streams_.code.back().kind == UnitKind::include &&
        has_blank_line(last_unit_end_, offset_of(token)))
      sink_.push_plain({"", line});
    unit_.emplace();
    unit_->kind = kind;
    unit_->line = unit_->last_line = line;
    unit_->end_offset = offset_of(token) + token.getLength();
    unit_->sink.push(token, std::move(text), line);
  }

  void extend_unit(const clang::Token& token, std::string text) {
    unsigned line = line_of(offset_of(token));
    unit_->last_line = line;
    unit_->end_offset = offset_of(token) + token.getLength();
    unit_->sink.push(token, std::move(text), line);
    if (unit_->kind == UnitKind::using_declaration && token.is(clang::tok::semi))
      unit_->is_closed = true;
  }

  // Ends the open unit: a sortable one becomes one token of its joined text; a using
  // that libFormat does not sort (an alias) goes back to being ordinary tokens.
  bool has_blank_line(std::size_t from, std::size_t to) const {
    bool is_line_empty = false;
    for (std::size_t i = from; i < to && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        if (is_line_empty) return true;
        is_line_empty = true;
      } else if (text_[i] != ' ' && text_[i] != '\t' && text_[i] != '\r') {
        is_line_empty = false;
      }
    }
    return false;
  }

  void flush_unit() {
    if (!unit_) return;
    OpenUnit& unit = *unit_;
    directive_ended_ = false;
    if (unit.kind == UnitKind::using_declaration &&
        (!unit.is_closed || !is_sortable_using(unit.tokens))) {
      for (auto& token : unit.tokens) sink_.push_plain(std::move(token));
      for (auto& word : unit.comment_words) streams_.comment_words.push_back({word, unit.line});
    } else {
      std::string joined;
      for (const auto& token : unit.tokens) joined += (joined.empty() ? "" : " ") + token.text;
      for (const auto& word : unit.comment_words) joined += " //" + word;
      sink_.push_plain({std::move(joined), unit.line, unit.kind});
    }
    last_unit_end_ = unit.end_offset;
    unit_.reset();
  }

  std::string_view text_;
  clang::LangOptions language_;
  TokenStreams streams_;
  TokenSink sink_{streams_.code};
  std::optional<OpenUnit> unit_;
  bool pending_hash_ = false;
  unsigned pending_hash_line_ = 0;
  bool in_directive_ = false;
  bool directive_ended_ = false;
  std::size_t last_unit_end_ = 0;  // just after the last unit's last token
  std::vector<bool> open_braces_;  // for each open `{`: whether it opens a namespace
  bool is_namespace_pending_ = false;
  unsigned closed_namespace_line_ = 0;
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
