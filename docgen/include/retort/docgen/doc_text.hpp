#pragma once

/// @file
/// What a doc comment's text says, as the grader reads it. Doc comments are Markdown;
/// Doxygen's `@param`, `@return` and `@code` commands count as well, since many
/// codebases already use them.

#include <string_view>

namespace retort::doc {

/// Returns whether `doc` names the parameter `name` in backticks (`` `name` ``, or a
/// code span that starts with it such as `` `name.path` ``) or documents it with
/// `@param name` / `\param name`.
bool mentions_parameter(std::string_view doc, std::string_view name);

/// Returns whether `doc` describes a result: a `Returns …` sentence (any case) or a
/// `@return`, `@returns` or `@retval` command.
bool describes_result(std::string_view doc);

/// Returns how many code examples `doc` holds: fenced blocks (```` ``` ```` or `~~~`)
/// and `@code` / `\code` blocks.
unsigned count_code_examples(std::string_view doc);

/// Returns whether `doc` opts its symbol out of the API with `@private` / `\private`
/// (or Doxygen's `@internal`).
bool is_marked_private(std::string_view doc);

}  // namespace retort::doc
