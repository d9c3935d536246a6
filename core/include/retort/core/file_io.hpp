#pragma once

/// @file
/// Reading files whole and replacing them atomically, so a user's file is never
/// truncated or half-written.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <llvm/Support/Error.h>

namespace retort {

/// Returns the whole contents of `path`, or an error naming it.
llvm::Expected<std::string> read_file(const std::filesystem::path& path);

/// Replaces the contents of `path` with `contents` atomically: writes a temporary
/// file beside the real file (following symbolic links), gives it the original's
/// mode bits, flushes it and renames it over the original. On any failure the
/// original is left untouched and the temporary file removed. A file that does not
/// exist yet is created the same way, with mode 0644.
llvm::Error write_file_atomically(const std::filesystem::path& path, std::string_view contents);

/// Writes a report the user asked for at `path` (e.g. `reports/coverage.xml`): creates
/// its folder when missing, as `lcov -o` does, then writes atomically. Returns a
/// `UsageError` naming the folder when it cannot be created.
llvm::Error write_report_file(const std::filesystem::path& path, std::string_view contents);

/// Makes sure a report can be written at `path` before any work is done for it:
/// creates its folder when missing and checks that the folder can take a file and
/// that `path` is not a folder. Returns a `UsageError` naming the path otherwise, so
/// a typo fails at once (exit 2) rather than after a whole run.
llvm::Error prepare_report_path(const std::filesystem::path& path);

/// `prepare_report_path` for each report a command was asked for (empty paths, the
/// reports not asked for, are skipped); the first that cannot be written is the error.
llvm::Error prepare_report_paths(const std::vector<std::filesystem::path>& paths);

/// Creates `directory` (and its parents) for state retort keeps between runs (the
/// cache, the test history) and puts a `.gitignore` holding `*` in it, as pytest and
/// ruff do for theirs, so the folder never shows in `git status`. Returns false when
/// the directory cannot be created.
bool create_state_directory(const std::filesystem::path& directory);

/// Returns every file below `directory` whose name ends in `extension` (".gcda"),
/// sorted; parts that cannot be read are skipped.
std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& directory,
                                                        std::string_view extension);

/// Removes every file below `directory` whose name ends in `extension`; returns how
/// many there were.
std::size_t remove_files_with_extension(const std::filesystem::path& directory,
                                        std::string_view extension);

}  // namespace retort
