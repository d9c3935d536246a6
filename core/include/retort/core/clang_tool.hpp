#pragma once

/// @file
/// How every retort Clang tool compiles a translation unit: on a file system of its
/// own, with Clang's builtin headers, without warnings, and with Clang's errors handed
/// back as values (a code that does not compile is a finding with a place, never
/// output on stderr from inside Clang).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "retort/core/source_texts.hpp"

namespace clang::tooling {
class CompilationDatabase;
class FrontendActionFactory;
}  // namespace clang::tooling

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

/// One translation unit to compile.
struct ClangUnit {
  /// The file to compile, as `database` names it.
  std::string file;
  /// Its text when it is not on disk (a unit the tool writes itself).
  std::optional<std::string> text;
  /// Arguments put before the command's own, e.g. `-xc++`, which applies to the
  /// files named after it.
  std::vector<std::string> leading_arguments;
  /// Files Clang reads with another text than the disk's (with `--staged`, the
  /// index's); may be null.
  const SourceTexts* replaced_texts = nullptr;
};

/// Compiles `unit` with `database`'s command and runs `factory`'s action on it. The
/// database may name g++, so Clang is given its own builtin headers; compiler
/// warnings are off (they are not findings, and `-Werror` must not turn them into
/// errors); each error goes to `on_error`, its file shown relative to `display_root`.
/// Safe to call from several threads at once: each unit has a working directory of
/// its own.
void run_clang_tool(const clang::tooling::CompilationDatabase& database, const ClangUnit& unit,
                    clang::tooling::FrontendActionFactory& factory,
                    const std::filesystem::path& display_root,
                    const std::function<void(ClangError)>& on_error);

}  // namespace retort
