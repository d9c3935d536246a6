#pragma once

/// @file
/// The guard that formatting never changes meaning: both versions are lexed with
/// Clang's Lexer and their token sequences compared, allowing only what the style
/// legitimately changes.

#include <optional>
#include <string>
#include <string_view>

namespace retort::format {

/// Where two token sequences first disagree.
struct TokenDifference {
  /// 1-based line of the differing token in the original text.
  unsigned original_line = 0;
  /// 1-based line of the differing token in the formatted text.
  unsigned formatted_line = 0;
  /// The original token's normalised spelling (empty at end of file).
  std::string original_token;
  /// The formatted token's normalised spelling (empty at end of file).
  std::string formatted_token;
  /// True when the difference is in a comment's words rather than in code.
  bool is_in_comment = false;
};

/// Compares the tokens of `original` and `formatted`. Returns the first difference,
/// or `std::nullopt` when they mean the same. Allowed: whitespace; runs of
/// `#include` directives or using-declarations (`using a::b;`, not aliases) in another
/// order, each with the comment that trails it; adjacent string literals split or
/// joined; `>>` written as `> >`; comment text re-wrapped (the words must stay the
/// same) and `// namespace x` end comments added or fixed. The rewrites of single
/// tokens apply alike inside a re-sortable run and outside it.
std::optional<TokenDifference> find_token_difference(std::string_view original,
                                                     std::string_view formatted);

}  // namespace retort::format
