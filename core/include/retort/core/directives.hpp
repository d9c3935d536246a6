#pragma once

/// @file
/// Comments that speak to a tool: retort's own `// retort: <verb> <arguments>`
/// (suppressions, coverage exclusions) and other tools' markers (`NOLINT`,
/// `LCOV_EXCL_LINE`). Every tool finds them with the same rules: only in a comment,
/// so a string literal that names one does nothing.

#include <optional>
#include <string>
#include <string_view>

namespace retort {

/// Returns where the first `//` or `/*` comment on `line` starts, skipping string and
/// character literals (and digit separators); none when the line has no comment.
/// A comment begun on an earlier line is not seen: directives are one-line comments.
std::optional<std::size_t> comment_start(std::string_view line);

/// Returns the text of the comments on `line` without their `//`, `/*` and `*/`
/// (several, as in `f(); /* a */ // b`, joined by a space), or none when the line has
/// no comment.
std::optional<std::string> comment_text(std::string_view line);

/// Returns `line` without its comments: a `/* */` span becomes a space, and a `//`
/// comment (or a `/*` that goes on past the line) ends it.
std::string code_of(std::string_view line);

/// A `retort:` directive.
struct Directive {
  /// The word after `retort:`, e.g. `disable-next-line`.
  std::string verb;
  /// The rest of the comment, trimmed, e.g. `readability/magic-number, design/x`.
  std::string arguments;
};

/// Returns the `retort:` directive in `comment` (the text `comment_text` returns), if
/// there is one: for a caller that also looks for other tools' markers in it.
std::optional<Directive> directive_in(std::string_view comment);

/// Returns the `retort:` directive in the comment on `line`, if there is one.
///
/// ```cpp
/// retort::directive_on("f(); // retort: disable-line warning/x");  // {"disable-line",
/// "warning/x"}
/// ```
std::optional<Directive> directive_on(std::string_view line);

}  // namespace retort
