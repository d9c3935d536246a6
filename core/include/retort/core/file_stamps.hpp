#pragma once

/// @file
/// Stamps that tell whether a file a cached result read has changed since.

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "retort/core/source_texts.hpp"

namespace llvm::json {
class Object;
}  // namespace llvm::json

namespace retort {

/// Computes and remembers file stamps for one run; safe to share between threads.
class FileStamps {
 public:
  /// Stamps files as the run reads them: by `replaced`'s text for the files it holds
  /// (it may be null; it must outlive the stamps).
  explicit FileStamps(const SourceTexts* replaced = nullptr) : replaced_(replaced) {}

  /// Returns `file`'s stamp. A project file's stamp hashes its contents (edits that
  /// keep the size and time still count); other files (system, third-party) are
  /// stamped by size and modification time, which package updates change, at the cost
  /// of one stat. A file that cannot be read is stamped `missing`.
  std::string stamp(const std::filesystem::path& file, bool is_project_file);
  /// Returns the stamp of the file at `path`, as above; a cached result's thousand
  /// inputs are checked by their stored names without making a path of each.
  std::string stamp(std::string_view path, bool is_project_file);

  /// Returns true when the file at `path` still has the stamp `stored`, stamped as
  /// `stored` was (a hash of its text, or its size and time): a cached result's
  /// inputs are checked by their stored names, with no path made of each.
  bool is_current(std::string_view path, std::string_view stored);

  /// Returns true when a cached entry's inputs are all current: `object` lists its
  /// files in `input_files` and, in the same order, their stamps in `stamps`. False
  /// when either list is missing, damaged or of another length.
  bool are_inputs_current(const llvm::json::Object& object);

 private:
  const SourceTexts* replaced_;
  std::mutex mutex_;
  // By path text: comparing std::filesystem::path objects costs a parse of each.
  std::map<std::string, std::string, std::less<>> stamps_;
};

}  // namespace retort
