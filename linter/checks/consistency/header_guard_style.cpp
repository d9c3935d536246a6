#include <regex>

#include "../factories.hpp"
#include "retort/core/line_regex.hpp"

namespace retort::lint {
namespace {

class HeaderGuardStyle : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "consistency/header-guard-style",
        "consistency",
        Priority::normal,
        "A header is guarded differently from most headers of the project.",
        "`#pragma once` and `#ifndef` include guards both work; a project that mixes "
        "them makes every new header a choice and every review a debate. Whichever "
        "the project uses most is its style: the few headers that differ are reported. "
        "With a tie, or a lead of less than two to one, nothing is reported.\n\n"
        "Bad: 40 headers with `#pragma once` and 3 with `#ifndef FOO_H`.\n\n"
        "Good: all 43 with `#pragma once`.",
        {}};
    return info;
  }

  void check_text(const FileText& file, CheckContext& context) const override {
    if (!file.is_header) return;
    static const std::regex pragma_once(R"(^\s*#\s*pragma\s+once\b)");
    static const std::regex ifndef(R"(^\s*#\s*ifndef\s+(\w+))");
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      std::smatch match;
      const std::string& line = file.lines[i];
      if (search_line(line, pragma_once)) {
        return observe(file, i, "#pragma once", context);
      }
      if (search_line(line, match, ifndef) && i + 1 < file.lines.size() &&
          search_line(file.lines[i + 1],
                      std::regex(R"(^\s*#\s*define\s+)" + match[1].str() + R"(\b)"))) {
        return observe(file, i, "include guards", context);
      }
      // Only comments and blank lines may come before the guard.
      if (line.find('#') != std::string::npos) return;
    }
  }

 private:
  void observe(const FileText& file, std::size_t index, const std::string& style,
               CheckContext& context) const {
    context.observe_style_at(
        info(), file.path, static_cast<unsigned>(index + 1), style,
        "this header uses " + style + "; the project mostly uses {majority} ({counts})");
  }
};

}  // namespace

std::unique_ptr<Check> make_header_guard_style_check() {
  return std::make_unique<HeaderGuardStyle>();
}

}  // namespace retort::lint
