#pragma once

/// @file
/// Clang's errors as retort's tools report them: a code that does not compile is a
/// finding with a place, never output on stderr from inside Clang.

#include <filesystem>
#include <string>

namespace clang {
class Diagnostic;
}

namespace retort {

/// One Clang error.
struct ClangError {
  /// The file, relative to the display root; empty when Clang gives no location.
  std::string file;
  /// 1-based line; 0 without a location.
  unsigned line = 0;
  /// 1-based column; 0 without a location.
  unsigned column = 0;
  /// Clang's message.
  std::string message;
};

/// Returns `info`'s message and where it is, with the file shown relative to
/// `display_root`.
ClangError describe_clang_error(const clang::Diagnostic& info,
                                const std::filesystem::path& display_root);

}  // namespace retort
