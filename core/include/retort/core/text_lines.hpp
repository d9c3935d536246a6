#pragma once

/// @file
/// Splitting text (captured output, sources, tracefiles) into lines, for every tool.

#include <string_view>
#include <vector>

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>

namespace retort {

/// Returns `text`'s lines without their newlines (views into `text`); a final newline
/// does not start an empty last line.
///
/// ```cpp
/// retort::split_lines("a\nb\n");  // {"a", "b"}
/// ```
inline std::vector<std::string_view> split_lines(std::string_view text) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  if (text.empty()) return {};
  llvm::SmallVector<llvm::StringRef, 64> parts;
  llvm::StringRef(text.data(), text.size()).split(parts, '\n');
  return {parts.begin(), parts.end()};
}

}  // namespace retort
