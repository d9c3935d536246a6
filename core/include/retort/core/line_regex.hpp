#pragma once

/// @file
/// std::regex over one line of a user's text (a source line, a comment), bounded.
/// libstdc++'s matcher recurses once per character a repetition consumes, so a pattern
/// such as `.*` overflows the thread's stack on a line of some 50,000 characters (a
/// generated table, minified data). The heuristics that match lines describe ordinary
/// code, so a line longer than `max_regex_line` matches none of them.

#include <cstddef>
#include <regex>
#include <string>

namespace retort {

/// The longest line these functions hand to std::regex.
inline constexpr std::size_t max_regex_line = 4096;

/// `std::regex_search` on `line`; false for a line longer than `max_regex_line`.
///
/// ```cpp
/// retort::search_line("#pragma once", std::regex("pragma"));  // true
/// ```
bool search_line(const std::string& line, const std::regex& pattern);

/// `std::regex_search` on `line`, filling `match`; false (and `match` empty) for a line
/// longer than `max_regex_line`.
bool search_line(const std::string& line, std::smatch& match, const std::regex& pattern);

/// `std::regex_match` on the whole of `line`; false for a line longer than
/// `max_regex_line`.
bool match_line(const std::string& line, const std::regex& pattern);

}  // namespace retort
