#include <cctype>
#include <optional>
#include <string_view>

#include "../factories.hpp"
#include "retort/core/directives.hpp"

namespace retort::lint {
namespace {

class TodoTags : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "design/todo-tags",
        "design",
        Priority::low,
        "A TODO or FIXME comment marks unfinished work.",
        "A TODO in the code is a promise nobody tracks: it outlives its author's "
        "memory of what was meant. Finish the work, or move the promise to the issue "
        "tracker where it can be planned, and link it if the code must say so.\n\n"
        "Bad: `// TODO: handle timeouts`.\n\nGood: the timeout handled, or "
        "`// Timeouts are not handled yet: issue 42.`",
        {}};
    return info;
  }

  void check_text(const FileText& file, CheckContext& context) const override {
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      auto tag = find_tag(file.lines[i]);
      if (!tag) continue;
      context.report_at(
          info(), file.path, static_cast<unsigned>(i + 1), static_cast<unsigned>(tag->first + 1),
          std::string(tag->second) + " comment: finish the work or track it in an issue");
    }
  }

 private:
  // The first tag that is a word of its own in the line's comment (not in a string
  // literal): its column and the tag. By hand rather than a regex, which cannot skip
  // string literals and recurses per character on a long line.
  static std::optional<std::pair<std::size_t, std::string_view>> find_tag(std::string_view line) {
    auto start = comment_start(line);
    if (!start) return std::nullopt;
    auto is_word = [&](std::size_t at) {
      return at < line.size() &&
             (std::isalnum(static_cast<unsigned char>(line[at])) || line[at] == '_');
    };
    for (std::size_t at = *start; at < line.size(); ++at) {
      if (at > *start && is_word(at - 1)) continue;
      for (std::string_view tag : {"TODO", "FIXME", "XXX"}) {
        if (line.substr(at).starts_with(tag) && !is_word(at + tag.size())) return {{at, tag}};
      }
    }
    return std::nullopt;
  }
};

}  // namespace

std::unique_ptr<Check> make_todo_tags_check() { return std::make_unique<TodoTags>(); }

}  // namespace retort::lint
