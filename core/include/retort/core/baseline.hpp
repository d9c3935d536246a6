#pragma once

/// @file
/// Baseline files: the findings a legacy codebase already has, recorded once, so a
/// gate fails only on new ones. A finding is identified by a fingerprint of its check,
/// its file, its message without numbers ("repeats lines 791-800" names positions)
/// and the code of the line it points at, whitespace aside, so lines inserted or
/// removed elsewhere in the file do not resurrect it.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/source_texts.hpp"

#include "retort/core/diagnostic.hpp"

namespace retort {

/// The findings recorded in a baseline file, counted by identity.
class Baseline {
 public:
  /// Reads the baseline at `path`. Returns a `UsageError` naming `path` (and the
  /// position, for bad JSON) when it cannot be read or is not a baseline.
  static llvm::Expected<Baseline> read(const std::filesystem::path& path);

  /// Writes `diagnostics` of `tool` as a baseline file at `path`, atomically. The
  /// file is sorted JSON, so it diffs well under version control.
  /// `source_root` is where the findings' files are read for their code.
  static llvm::Error write(const std::filesystem::path& path, const std::string& tool,
                           const std::vector<Diagnostic>& diagnostics,
                           const std::filesystem::path& source_root);

  /// Returns the baseline `write` would record of `diagnostics`, kept in memory: how
  /// one run is compared with another (typecheck's findings before a change). Their
  /// files are read from `source_root`, except those `replaced` (may be null) holds.
  static Baseline of(const std::vector<Diagnostic>& diagnostics,
                     const std::filesystem::path& source_root,
                     const SourceTexts* replaced = nullptr);

  /// Returns `diagnostics` without the ones the baseline records; when a finding
  /// occurs more often than recorded, the extra occurrences are kept as new.
  /// `source_root` is where the findings' files are read for their code, except
  /// those `replaced` (may be null) holds another text of.
  std::vector<Diagnostic> new_findings(std::vector<Diagnostic> diagnostics,
                                       const std::filesystem::path& source_root,
                                       const SourceTexts* replaced = nullptr) const;

  /// Returns how many findings the baseline records.
  std::size_t size() const;

 private:
  std::map<std::string, std::size_t> counts_;  // by fingerprint
};

}  // namespace retort
