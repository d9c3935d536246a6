#pragma once

// Splitting captured output and source text into lines, shared by the output reader
// and the tag reader.

#include <string_view>
#include <vector>

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>

namespace retort::testrunner::detail {

// Returns `text`'s lines without their newlines (views into `text`); a final newline
// does not start an empty last line.
inline std::vector<std::string_view> split_lines(std::string_view text) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  if (text.empty()) return {};
  llvm::SmallVector<llvm::StringRef, 64> parts;
  llvm::StringRef(text.data(), text.size()).split(parts, '\n');
  return {parts.begin(), parts.end()};
}

}  // namespace retort::testrunner::detail
