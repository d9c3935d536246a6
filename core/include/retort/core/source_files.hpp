#pragma once

/// @file
/// Which files a command works on: the paths asked for, expanded through git (so
/// `.gitignore` holds) or a directory walk, filtered by `files.include` and
/// `files.exclude` from `.retort.yaml`.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

namespace retort {

class Config;

/// Returns true when `path` has a C or C++ source or header extension
/// (`.cpp .cc .cxx .c .h .hpp .hh .hxx .ipp .inl .tpp` and friends).
bool is_cpp_source(const std::filesystem::path& path);

/// Returns true when `path` has a C or C++ header extension (`.h .hpp .hh .hxx .ipp
/// .inl .tpp` and friends).
bool is_cpp_header(const std::filesystem::path& path);

/// Include and exclude globs, matched against paths relative to the project root.
struct FileSelection {
  /// When non-empty, only files matching one of these globs are kept.
  std::vector<std::string> include_globs;
  /// Files matching one of these globs are dropped.
  std::vector<std::string> exclude_globs;
  /// Folders of vendored code (relative to the project root): dropped unless a path
  /// named on the command line lies inside one.
  std::vector<std::string> vendored_folders;

  /// Returns the selection configured by `files.include` and `files.exclude`.
  static FileSelection from_config(const Config& config);

  /// Returns the project's whole selection: `from_config`, and the vendored folders
  /// that `files.vendored` names or (for `auto`) that are found among the files
  /// under `project_root`.
  static llvm::Expected<FileSelection> for_project(const std::filesystem::path& project_root,
                                                   const Config& config);
};

/// Tells which files a selection leaves out: those its exclude globs match and those
/// in its vendored folders. The globs are compiled once, for runs that ask per file.
class LeftOutFiles {
 public:
  /// Compiles the globs of `selection`.
  explicit LeftOutFiles(const FileSelection& selection);
  /// Releases the compiled globs.
  ~LeftOutFiles();
  /// Returns true when `relative` (a path relative to the project root) is left out.
  bool contains(const std::string& relative) const;

 private:
  struct Globs;
  std::unique_ptr<Globs> globs_;
  std::vector<std::string> vendored_folders_;
};

/// Expands `requested` (files or directories; the whole project when empty) into the
/// C++ files to work on, sorted and without duplicates. A C or C++ file named
/// explicitly is kept whatever the exclude globs say; a named file that is neither by
/// its extension nor by a `files.include` glob (a `CMakeLists.txt`) is left out and
/// added to `left_alone`, when given. Returns a `UsageError` naming a path that does
/// not exist, or a directory that holds no C++ files.
llvm::Expected<std::vector<std::filesystem::path>> discover_source_files(
    const std::filesystem::path& project_root, const std::vector<std::filesystem::path>& requested,
    const FileSelection& selection, std::vector<std::filesystem::path>* left_alone = nullptr);

/// Returns true when `path` (relative to the project root) matches one of `globs`, by
/// the same rules as `files.include` and `files.exclude`; globs that do not compile
/// match nothing.
bool matches_any_glob(const std::string& path, const std::vector<std::string>& globs);

/// Returns true when `path` lies below the directory `root` (both absolute).
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& root);

/// Returns `path` relative to `root` when it lies below it, else `path` unchanged.
std::string display_path(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace retort
