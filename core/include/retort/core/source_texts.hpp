#pragma once

/// @file
/// The texts a run reads in place of the working tree's: with `--staged`, what the
/// index holds of each file an unstaged edit has changed, so the checks see what
/// `git commit` records.

#include <filesystem>
#include <map>
#include <string>

#include <llvm/Support/Error.h>

namespace retort {

/// Texts that replace files' contents on disk for one run, keyed by absolute,
/// lexically normal path.
using SourceTexts = std::map<std::filesystem::path, std::string>;

/// Returns `file`'s text as the run sees it: `replaced`'s when it holds the file
/// (`replaced` may be null), else the file's on disk.
llvm::Expected<std::string> read_source(const std::filesystem::path& file,
                                        const SourceTexts* replaced);

}  // namespace retort
