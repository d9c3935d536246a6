#pragma once

/// @file
/// Test support: a temporary directory tree that removes itself, with helpers to
/// write files and make a real git repository in it.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace retort::testing {

/// A fresh directory under the system temp dir, removed with everything in it when
/// the object goes out of scope.
class TempTree {
 public:
  /// Creates the directory.
  TempTree();
  /// Removes the directory and its contents.
  ~TempTree();
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  /// Returns the directory's absolute path.
  const std::filesystem::path& root() const { return root_; }

  /// Writes `contents` to `relative` (creating parent directories); returns the
  /// file's absolute path.
  std::filesystem::path write(const std::string& relative, std::string_view contents) const;

  /// Writes `build/compile_commands.json`: one entry per file of `units` (relative to
  /// the tree), each compiled by `c++` in the tree's root with `flags` (such as
  /// `-std=c++20`, `-Iinclude`).
  void write_compile_database(const std::vector<std::string>& units,
                              const std::vector<std::string>& flags) const;

  /// Returns the contents of `relative`.
  std::string read(const std::string& relative) const;

  /// Runs `git` with `arguments` in the tree (failing the test on error) and
  /// returns what it printed.
  std::string git(const std::vector<std::string>& arguments) const;

  /// Makes the tree a git repository with one commit of everything in it.
  void init_git_repository() const;

 private:
  std::filesystem::path root_;
};

}  // namespace retort::testing
