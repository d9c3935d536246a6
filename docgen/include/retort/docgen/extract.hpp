#pragma once

/// @file
/// Extracting the public API of a project's headers with Clang: every header is
/// parsed (headers sharing a compile command together, in one translation unit), its
/// declarations walked, and its doc comments read from Clang's RawComment list.

#include <filesystem>
#include <string>
#include <vector>

#include "retort/core/source_texts.hpp"
#include "retort/docgen/symbol.hpp"

namespace retort {
class CompileCommands;
}

namespace retort::doc {

/// What to extract and how.
struct ExtractRequest {
  /// The project's root: files below it are the project's (hashed for the cache).
  std::filesystem::path project_root;
  /// Paths in symbols are shown relative to this directory.
  std::filesystem::path display_root;
  /// The headers whose declarations are extracted (absolute paths).
  std::vector<std::filesystem::path> headers;
  /// The compilation database; null to parse with `fallback_arguments` instead.
  const CompileCommands* commands = nullptr;
  /// Compiler arguments used when there is no database (e.g. `-std=c++20 -Iinclude`).
  std::vector<std::string> fallback_arguments;
  /// Namespaces whose contents are not public API (`doc.internal_namespaces`).
  std::vector<std::string> internal_namespaces{"detail", "internal"};
  /// Where results are cached per header; empty disables the cache.
  std::filesystem::path cache_root;
  /// Parallel translation units (0: one per hardware thread).
  unsigned jobs = 0;
  /// Files read with another text than the disk's: with `--staged`, the index's.
  SourceTexts replaced_texts;
};

/// A Clang error met while parsing; extraction goes on past it.
struct ParseError {
  /// Where, as `file:line:column` relative to the display root.
  std::string location;
  /// Clang's message.
  std::string message;
  /// The file of `location`, empty when Clang named none.
  std::string file;
  /// The line of `location`.
  unsigned line = 0;
  /// The column of `location`.
  unsigned column = 0;
};

/// A header left ungraded because the project's own build does not compile it here
/// either: it needs a header this machine does not have (one for another platform,
/// such as `<windows.h>`, or of an optional dependency), or it does not compile on its
/// own and no source of the build includes it.
struct SkippedHeader {
  /// The header, relative to the display root.
  std::string header;
  /// Why, as a phrase: "it needs <windows.h>, which this machine does not have".
  std::string reason;
};

/// What `extract_api` found.
struct Extraction {
  /// Every public symbol of the requested headers, ordered by file and line.
  std::vector<Symbol> symbols;
  /// The errors of headers that do not compile (their symbols may be incomplete).
  std::vector<ParseError> parse_errors;
  /// Headers not graded because what they include is not on this machine.
  std::vector<SkippedHeader> skipped_headers;
  /// How many headers were parsed in this run.
  std::size_t headers_parsed = 0;
  /// How many headers' results came from the cache.
  std::size_t headers_cached = 0;
};

/// Extracts the public API of `request.headers`. A header whose result is cached and
/// whose inputs (it and everything it includes, and the files its doc comments come
/// from) are unchanged is not parsed again.
Extraction extract_api(const ExtractRequest& request);

}  // namespace retort::doc
