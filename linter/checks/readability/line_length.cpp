#include "../factories.hpp"

namespace retort::lint {
namespace {

// Counts code points, not bytes, so a line with UTF-8 text is measured as shown.
std::size_t display_width(const std::string& line) {
  std::size_t width = 0;
  for (unsigned char byte : line) {
    if ((byte & 0xC0) != 0x80) ++width;
  }
  return width;
}

class LineLength : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/line-length",
        "readability",
        Priority::low,
        "A line is longer than the column limit.",
        "Long lines are cut off in side-by-side diffs and review tools and make the eye "
        "travel. `retort format` keeps code within the limit; what it cannot break "
        "(long string literals, comments, URLs) is reported here. Keep the limit equal "
        "to `format.line_length`.\n\n"
        "Bad: a 140-column comment.\n\nGood: the same comment wrapped at 100 columns.",
        {{"max_length", 100,
          "The most columns a line may use; by default `format.line_length` (100)."}}};
    return info;
  }

  void check_text(const FileText& file, CheckContext& context) const override {
    auto limit = static_cast<std::size_t>(context.param(info(), "max_length"));
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      std::size_t width = display_width(file.lines[i]);
      if (width <= limit) continue;
      context.report_at(info(), file.path, static_cast<unsigned>(i + 1),
                        static_cast<unsigned>(limit + 1),
                        "line is " + std::to_string(width) + " columns long (at most " +
                            std::to_string(limit) + ")");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_line_length_check() { return std::make_unique<LineLength>(); }

}  // namespace retort::lint
