#include <algorithm>
#include <cctype>
#include <cstdint>
#include <regex>
#include <string_view>
#include <unordered_map>

#include <llvm/ADT/Hashing.h>
#include <llvm/Support/xxhash.h>

#include "../factories.hpp"
#include "retort/core/directives.hpp"
#include "retort/core/line_regex.hpp"

namespace retort::lint {
namespace {

// A line's code (`code_of`) as compared: trimmed, runs of spaces collapsed.
std::string normalised(const std::string& code) {
  std::string result;
  bool is_space = false;
  for (char c : code) {
    if (c == ' ' || c == '\t') {
      is_space = !result.empty();
      continue;
    }
    if (is_space) result += ' ';
    is_space = false;
    result += c;
  }
  return result;
}

// Type declarations (an iterator's traits, repeated in each iterator) are the protocol
// they follow, and a variable declared without a call (`int length;`, `int total =
// 0;`, `char buffer[kSize];`) names what the lines after it work on, as each of a
// file's tests declares its locals.
bool is_declaration(const std::string& line) {
  if (line.rfind("typedef ", 0) == 0 || line.rfind("using ", 0) == 0) return true;
  // Most code lines call something: no regex for them (this runs on every line).
  if (line.back() != ';' || line.find('(') != std::string::npos) return false;
  static const std::regex declaration(
      R"(^((static|const|constexpr|unsigned|signed|long|short|volatile)\s+)*)"
      R"([A-Za-z_][\w:]*(<[^()]*>)?(\s*[*&]+\s*|\s+)[A-Za-z_]\w*(\[[^\]()]*\])?)"
      R"((\s*=\s*[^()=]+)?;$)");
  static const std::regex statement_keyword(
      R"(^(return|delete|throw|goto|co_return|co_yield|co_await|case|else|new)\b)");
  return match_line(line, declaration) && !search_line(line, statement_keyword);
}

bool has_balanced_brackets(const std::string& line) {
  int open = 0;
  for (char c : line) {
    open += c == '(' || c == '{' ? 1 : c == ')' || c == '}' ? -1 : 0;
    if (open < 0) return false;
  }
  return open == 0;
}

// A constructor's member initialisers (`: _type(type),`, `_axis(0),`) say what the
// object is made of, and no function can take them over. A statement (`;`) or a
// control line (`if (a) {`) is not one.
bool is_member_initializer(const std::string& line) {
  static const std::regex entry(R"(^([:,]\s*)?[A-Za-z_]\w*\s*[({].*[)}]\s*(,|\{\s*\}?)?$)");
  static const std::regex control(R"(^(if|for|while|switch|catch|return|else|do)\b)");
  bool is_in_a_list = line.front() == ':' || line.front() == ',' || line.back() == ',' ||
                      line.back() == '{' || line.back() == '}';
  return is_in_a_list && line.find(';') == std::string::npos && !search_line(line, control) &&
         match_line(line, entry) && has_balanced_brackets(line);
}

// A line of only literals is data: a table's row (`0x0009, 0x000A,`) or the last
// line of a long string (`"}\n");`). Scanned by hand: a regex over repeated literals
// backtracks exponentially on a long line that fails to match.
bool is_data(const std::string& line) {
  auto is_separator = [](char c) {
    return std::string_view(" \t,{}()[];").find(c) != std::string_view::npos;
  };
  auto is_number_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '\'' || c == '_';
  };
  bool has_literal = false;
  std::size_t at = 0;
  while (at < line.size()) {
    char c = line[at];
    if (is_separator(c)) {
      ++at;
    } else if (c == '"' || c == '\'') {
      char quote = c;
      for (++at; at < line.size() && line[at] != quote; ++at) at += line[at] == '\\' ? 1 : 0;
      if (at >= line.size()) return false;  // a literal that goes on past the line
      ++at;
      has_literal = true;
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
               ((c == '-' || c == '+') && at + 1 < line.size() &&
                std::isdigit(static_cast<unsigned char>(line[at + 1])) != 0)) {
      for (++at; at < line.size() && is_number_char(line[at]); ++at) {
      }
      has_literal = true;
    } else {
      return false;
    }
  }
  return has_literal;
}

// Lines that carry no logic of their own do not make two blocks alike: braces,
// preprocessor lines, a lone keyword (`else`, `break;`, `private:`), `case` labels,
// a `return` of a constant (`return 0;`, `return *this;`), declarations and data. A
// call such as `iter->Next();` is logic: it is where two blocks differ.
bool is_significant(const std::string& line) {
  if (line.empty() || line.front() == '#') return false;
  if (line.find_first_not_of("{}();") == std::string::npos) return false;
  if (is_declaration(line) || is_member_initializer(line) || is_data(line)) return false;
  static const std::regex trivial(
      R"(^[{}\s]*(else|do|try|break|continue|return|default|public|private|protected)?\s*[:;{}]*\s*$)"
      R"(|^\s*case\b.*:\s*[{]?\s*$)"
      R"(|^[}\s]*return\s+(\*?this|true|false|nullptr|NULL|-?[0-9][0-9a-fA-FxXuUlL.]*)\s*;\s*$)");
  return !match_line(line, trivial);
}

// How deep in braces each line starts, from the lines' code (string and character
// literals aside): a copy may not leave the block it starts in, so the end of one
// function and the start of the next are never "the same lines".
std::vector<int> brace_depths(const std::vector<std::string>& code_lines) {
  std::vector<int> depths;
  int depth = 0;
  for (const auto& code : code_lines) {
    depths.push_back(depth);
    char quote = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
      char c = code[i];
      if (quote != 0) {
        if (c == '\\')
          ++i;
        else if (c == quote)
          quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}') {
        --depth;
      }
    }
  }
  return depths;
}

// One line as compared (its text's hash) and where it is.
struct Line {
  std::uint64_t hash;
  std::size_t index;  // in the file
  int depth;          // braces open where it starts
};

// Whether the `length` lines from `start` stay inside the block the first one is in.
bool stays_in_block(const std::vector<Line>& lines, std::size_t start, std::size_t length) {
  for (std::size_t k = start; k < start + length; ++k) {
    if (lines[k].depth < lines[start].depth) return false;
  }
  return true;
}

bool same_lines(const std::vector<Line>& lines, std::size_t a, std::size_t b, std::size_t length) {
  for (std::size_t k = 0; k < length; ++k) {
    if (lines[a + k].hash != lines[b + k].hash) return false;
  }
  return true;
}

class DuplicatedBlock : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "design/duplicated-block",
        "design",
        Priority::normal,
        "The same block of lines appears twice in one file.",
        "Copied code must be fixed twice, and the second copy is the one that gets "
        "forgotten. When a run of lines repeats in a file, extract it into a function "
        "whose parameters are what differs. Blank lines, comments, braces, preprocessor "
        "lines, type aliases, variables declared without a call (`int total = 0;`), "
        "member initialisers, lines of only literals (a table's rows) and "
        "lone keywords (`else`, `private:`, `case` labels, `return 0;`) are ignored when "
        "comparing, "
        "as is indentation, and a copy never runs from one function into the next.\n\n"
        "Bad: the same eight lines that validate a path in `load()` and in `save()`.\n\n"
        "Good: `validate_path(path)` called from both.",
        {{"min_lines", 6, "How many significant lines must repeat to be reported."}}};
    return info;
  }

  // Lines are compared by hash and windows by a hash of their lines' hashes, so the
  // cost stays linear in the file (a 5 MB generated source included), and every
  // candidate is confirmed line by line.
  void check_text(const FileText& file, CheckContext& context) const override {
    auto window = static_cast<std::size_t>(context.param(info(), "min_lines"));
    if (window == 0) return;
    std::vector<std::string> code;  // each line without its comments, worked out once
    code.reserve(file.lines.size());
    for (const auto& line : file.lines) code.push_back(code_of(line));
    std::vector<int> depths = brace_depths(code);
    std::vector<Line> lines;
    bool in_block_comment = false;  // a `/** ... */` doc comment's lines are comments
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      llvm::StringRef raw = llvm::StringRef(file.lines[i]).ltrim();
      bool opens_comment = raw.starts_with("/*");
      if (in_block_comment || opens_comment) {
        in_block_comment = !raw.contains("*/");
        continue;
      }
      std::string line = normalised(code[i]);
      if (is_significant(line)) lines.push_back({llvm::xxHash64(line), i, depths[i]});
    }
    std::unordered_map<std::uint64_t, std::size_t> first_seen;  // window hash -> start
    for (std::size_t start = 0; start + window <= lines.size(); ++start) {
      std::uint64_t block = window;
      for (std::size_t k = start; k < start + window; ++k)
        block = llvm::hash_combine(block, lines[k].hash);
      auto [found, is_new] = first_seen.emplace(block, start);
      std::size_t original = found->second;
      if (is_new || original + window > start || !same_lines(lines, original, start, window) ||
          !stays_in_block(lines, original, window) || !stays_in_block(lines, start, window))
        continue;  // the first copy, an overlap, a hash collision, or across blocks
      // A longer copy is reported once, with its full length.
      std::size_t length = window;
      while (start + length < lines.size() && original + length < start &&
             lines[original + length].hash == lines[start + length].hash &&
             lines[original + length].depth >= lines[original].depth &&
             lines[start + length].depth >= lines[start].depth)
        ++length;
      context.report_at(info(), file.path, static_cast<unsigned>(lines[start].index + 1), 1,
                        std::to_string(length) + " lines here repeat lines " +
                            std::to_string(lines[original].index + 1) + "-" +
                            std::to_string(lines[original + length - 1].index + 1) +
                            "; extract them into a function");
      start += length - 1;
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_duplicated_block_check() { return std::make_unique<DuplicatedBlock>(); }

}  // namespace retort::lint
