#pragma once

// The libFormat-facing engine, kept behind opaque types so that only the TUs in
// engine.cpp and style.cpp include Clang's headers.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/git.hpp"
#include "retort/formatter/formatter.hpp"

namespace retort::format::detail {

/// A resolved clang::format::FormatStyle (defined in style.cpp).
struct Style;

/// A style with the text that identifies it in cache keys.
struct StyleRef {
  std::shared_ptr<const Style> style;
  std::string fingerprint;
};

/// Picks the style of each file: the house style, or with `format.style: file` the
/// nearest .clang-format. Thread-safe; remembers each directory's answer.
class StyleResolver {
 public:
  explicit StyleResolver(const FormatOptions& options);
  llvm::Expected<StyleRef> style_for(const std::filesystem::path& file);

 private:
  FormatOptions options_;
  StyleRef house_style_;
  std::mutex mutex_;
  std::map<std::filesystem::path, StyleRef> file_styles_;
};

/// Returns `style` with include and using-declaration sorting turned off: sorting is
/// the only part of libFormat that moves or removes tokens (it drops a repeated
/// `#include`), so a file whose sorted result the guard refuses is formatted again
/// with this.
std::shared_ptr<const Style> without_sorting(const Style& style);

/// One libFormat pass: include sorting, then reformatting.
struct PassResult {
  std::string code;
  /// False when libFormat hit a syntax error it could not recover from.
  bool is_complete = true;
  /// Where that error was (1-based), when `is_complete` is false.
  unsigned incomplete_line = 0;
  /// The first original line a change touches, and how many original lines it touches.
  unsigned first_changed_line = 0;
  unsigned changed_line_count = 0;
  /// With a line restriction: the restricted lines, as they lie in `code`.
  std::vector<LineRange> lines_after;
};

/// Runs one pass over `code`; `lines` restricts it to those line ranges when given.
PassResult format_pass(const Style& style, const std::string& code, const std::string& file_name,
                       const std::vector<LineRange>* lines);

/// Formats until the text stops changing (at most a few passes), since one libFormat
/// pass is not always idempotent. `is_stable` is false when it did not settle.
struct FixpointResult {
  PassResult last_pass;
  bool is_stable = true;
};
FixpointResult format_to_fixpoint(const Style& style, const std::string& code,
                                  const std::string& file_name,
                                  const std::vector<LineRange>* lines);

}  // namespace retort::format::detail
