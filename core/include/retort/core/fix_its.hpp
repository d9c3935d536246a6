#pragma once

/// @file
/// Applies the fixes that diagnostics carry to the files they name, each file
/// written atomically (temporary file, then rename) so a failure loses nothing.

#include <filesystem>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/diagnostic.hpp"

namespace retort {

/// What applying fixes changed.
struct AppliedFixes {
  /// The files rewritten (as diagnostics show them), with their contents before.
  std::vector<std::pair<std::string, std::string>> originals;
  /// How many fixes were applied; overlapping fixes after the first are skipped.
  std::size_t fix_count = 0;
};

/// Applies the `fix` of every diagnostic in `diagnostics` that has one; paths are
/// relative to `root`. Returns an error naming the file that could not be read or
/// written (files written before it stay fixed and are listed in the error).
llvm::Expected<AppliedFixes> apply_fixes(const std::vector<Diagnostic>& diagnostics,
                                         const std::filesystem::path& root);

/// Returns `text` with `fixes` (all in the same file) applied from last to first;
/// `applied` receives how many were, as overlapping ones are skipped.
std::string apply_fixes_to_text(std::string text, std::vector<FixIt> fixes, std::size_t& applied);

}  // namespace retort
