#include <regex>

#include "../factories.hpp"

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
    // A tag inside a // or /* comment, as a word of its own.
    static const std::regex tag(R"((//|/\*).*\b(TODO|FIXME|XXX)\b)");
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      std::smatch match;
      if (!std::regex_search(file.lines[i], match, tag)) continue;
      context.report_at(info(), file.path, static_cast<unsigned>(i + 1),
                        static_cast<unsigned>(match.position(2) + 1),
                        match.str(2) + " comment: finish the work or track it in an issue");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_todo_tags_check() { return std::make_unique<TodoTags>(); }

}  // namespace retort::lint
