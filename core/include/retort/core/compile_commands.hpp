#pragma once

/// @file
/// The project's compilation database: found in `-p DIR`, `build/` or the project
/// root, with interpolated commands for files it lacks (headers).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

namespace clang::tooling {
class CompilationDatabase;
}

namespace retort {

class CacheKey;

/// Mixes into `key` every command `database` gives for `unit` (its folder and its
/// arguments): a unit's cached result holds only for the same compile command.
void add_compile_commands(CacheKey& key, const clang::tooling::CompilationDatabase& database,
                          const std::filesystem::path& unit);

/// A loaded `compile_commands.json` that answers for every file of the project.
class CompileCommands {
 public:
  /// Finds and loads `compile_commands.json`: in `build_directory` when given (a
  /// `UsageError` if it is not there), else in `<project_root>/build`, else in
  /// `project_root`. Returns a `UsageError` naming the places searched when none has
  /// one, or naming the file when it does not parse.
  static llvm::Expected<CompileCommands> discover(
      const std::filesystem::path& project_root,
      const std::optional<std::filesystem::path>& build_directory);

  /// Loads the database in `directory` (which holds `compile_commands.json`).
  static llvm::Expected<CompileCommands> load(const std::filesystem::path& directory);

  CompileCommands(CompileCommands&&) noexcept;
  CompileCommands& operator=(CompileCommands&&) noexcept;
  ~CompileCommands();

  /// Returns the path of the `compile_commands.json` that was loaded.
  const std::filesystem::path& database_file() const { return database_file_; }

  /// Returns the command line that compiles `file`: its own entry, or one
  /// interpolated from the most similar entry (Clang's
  /// `inferMissingCompileCommands`) when the database lacks it.
  std::vector<std::string> command_for(const std::filesystem::path& file) const;

  /// Returns the files that have an entry of their own.
  std::vector<std::filesystem::path> source_files() const;

  /// Returns the underlying Clang database, for LibTooling-based tools.
  const clang::tooling::CompilationDatabase& clang_database() const { return *database_; }

 private:
  CompileCommands(std::filesystem::path database_file,
                  std::unique_ptr<clang::tooling::CompilationDatabase> database);
  std::filesystem::path database_file_;
  std::unique_ptr<clang::tooling::CompilationDatabase> database_;
};

}  // namespace retort
