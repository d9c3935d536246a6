#include <map>

#include "../factories.hpp"

namespace retort::lint {
namespace {

// Where a trailing `//` comment starts: the first `//` outside a string literal.
std::size_t comment_start(const std::string& line) {
  bool is_in_string = false;
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '"') {
      is_in_string = !is_in_string;
    } else if (!is_in_string && line[i] == '/' && line[i + 1] == '/') {
      return i;
    }
  }
  return std::string::npos;
}

// A line as compared: without a trailing comment, trimmed, runs of spaces collapsed.
std::string normalised(const std::string& line) {
  std::string result;
  bool is_space = false;
  for (char c : line.substr(0, comment_start(line))) {
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

// Lines that carry no logic of their own do not make two blocks alike.
bool is_significant(const std::string& line) {
  if (line.empty() || line.rfind("#include", 0) == 0) return false;
  return line.find_first_not_of("{}();") != std::string::npos;
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
        "whose parameters are what differs. Blank lines, comments, braces and includes "
        "are ignored when comparing, as is indentation.\n\n"
        "Bad: the same eight lines that validate a path in `load()` and in `save()`.\n\n"
        "Good: `validate_path(path)` called from both.",
        {{"min_lines", 6, "How many significant lines must repeat to be reported."}}};
    return info;
  }

  void check_text(const FileText& file, CheckContext& context) const override {
    auto window = static_cast<std::size_t>(context.param(info(), "min_lines"));
    if (window == 0) return;
    std::vector<std::pair<std::string, std::size_t>> lines;  // text, line index
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      std::string line = normalised(file.lines[i]);
      if (is_significant(line)) lines.emplace_back(std::move(line), i);
    }
    std::map<std::string, std::size_t> first_seen;  // block text -> start in `lines`
    for (std::size_t start = 0; start + window <= lines.size(); ++start) {
      std::string block;
      for (std::size_t k = start; k < start + window; ++k) block += lines[k].first + "\n";
      auto [found, is_new] = first_seen.emplace(block, start);
      std::size_t original = found->second;
      if (is_new || original + window > start) continue;  // first copy, or overlapping
      // A longer copy is reported once, with its full length.
      std::size_t length = window;
      while (start + length < lines.size() && original + length < start &&
             lines[original + length].first == lines[start + length].first)
        ++length;
      context.report_at(info(), file.path, static_cast<unsigned>(lines[start].second + 1), 1,
                        std::to_string(length) + " lines here repeat lines " +
                            std::to_string(lines[original].second + 1) + "-" +
                            std::to_string(lines[original + length - 1].second + 1) +
                            "; extract them into a function");
      start += length - 1;
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_duplicated_block_check() { return std::make_unique<DuplicatedBlock>(); }

}  // namespace retort::lint
