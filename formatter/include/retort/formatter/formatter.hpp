#pragma once

/// @file
/// `retort format`: formats C++ with Clang's libFormat in one house style, checks
/// that the tokens did not change, and writes files atomically.
///
/// ```cpp
/// retort::format::FormatRequest request;
/// request.files = {"src/hexify.cpp"};
/// request.mode = retort::format::FormatMode::check;
/// auto run = retort::format::format_files(request);
/// ```

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "retort/core/config.hpp"
#include "retort/core/diagnostic.hpp"
#include "retort/core/git.hpp"
#include "retort/core/rule.hpp"

namespace retort::format {

/// What a run does with each file.
enum class FormatMode {
  /// Rewrite unformatted files in place.
  in_place,
  /// Only report unformatted files.
  check,
  /// Compute the formatted text so a unified diff can be shown; write nothing.
  diff,
};

/// The style-related options, from the `format` section of `.retort.yaml`.
struct FormatOptions {
  /// The house style's column limit (`format.line_length`).
  int line_length = 100;
  /// Honour the nearest `.clang-format` instead of the house style (`format.style: file`).
  bool use_clang_format_file = false;
  /// Files larger than this are skipped with a note (`format.max_file_kb`).
  std::size_t max_file_bytes = 2048 * 1024;

  /// Returns the options that `config` sets.
  static FormatOptions from_config(const Config& config);
};

/// What happened to one file.
enum class FileStatus {
  /// Already formatted; left untouched.
  formatted,
  /// Not formatted (check or diff mode), or rewritten (in-place mode).
  changed,
  /// Skipped with a note: binary, not UTF-8, empty or too large.
  skipped,
  /// Not formatted because of an error: unreadable, read-only, unparseable.
  failed,
  /// Formatting would have changed the code's tokens; the file was left as it was.
  meaning_changed,
};

/// The outcome for one file.
struct FileResult {
  /// The file.
  std::filesystem::path path;
  /// What happened.
  FileStatus status = FileStatus::formatted;
  /// The original text, kept for `changed` files in diff mode.
  std::string original;
  /// The formatted text, kept for `changed` files in diff mode.
  std::string formatted;
  /// Whether the result came from the cache without formatting.
  bool from_cache = false;
};

/// One `retort format` run over many files.
struct FormatRequest {
  /// The files to format (already discovered and filtered).
  std::vector<std::filesystem::path> files;
  /// What to do with them.
  FormatMode mode = FormatMode::check;
  /// Style options.
  FormatOptions options;
  /// When set, only these lines of each file are formatted (`--since REV`); files
  /// missing from it are left alone.
  std::optional<ChangedLines> changed_lines;
  /// Files read with another text than the disk's (`--staged`: the index's). Only
  /// for the check and diff modes: in place, a file's edits would be lost.
  SourceTexts replaced_texts;
  /// Where results are cached; empty disables the cache.
  std::filesystem::path cache_root;
  /// Paths in diagnostics are shown relative to this directory.
  std::filesystem::path display_root;
  /// Worker threads; 0 means one per hardware thread.
  unsigned jobs = 0;
  /// Called after each file with how many are done and how many there are (from the
  /// worker threads, one call at a time); empty for none.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
};

/// Everything a run produced, for a reporter to render.
struct FormatRun {
  /// One result per requested file, in request order.
  std::vector<FileResult> files;
  /// Findings (unformatted files, errors) and notes (skipped files).
  std::vector<Diagnostic> diagnostics;

  /// Returns true when some file would have changed meaning (exit code 3).
  bool has_internal_error() const;
};

/// Formats `request.files` in parallel. Never throws for a bad file: each problem
/// becomes a diagnostic of that file, and the other files are still formatted.
FormatRun format_files(const FormatRequest& request);

/// The outcome of formatting text in memory.
struct TextResult {
  /// What happened (`formatted`, `changed`, `failed` or `meaning_changed`).
  FileStatus status = FileStatus::formatted;
  /// The formatted text when `status` is `formatted` or `changed`.
  std::string formatted;
  /// When `changed`: the first original line that formatting changes.
  unsigned first_changed_line = 0;
  /// When `changed`: how many original lines formatting changes.
  unsigned changed_line_count = 0;
  /// The findings for `failed` and `meaning_changed`, and notes (such as a region
  /// libFormat could not parse).
  std::vector<Diagnostic> diagnostics;
};

/// Formats `code` as if it were the file `file_name` (which picks the language and,
/// with `options.use_clang_format_file`, the `.clang-format`). Used by `--stdin`.
TextResult format_text(const std::string& code, const std::filesystem::path& file_name,
                       const FormatOptions& options);

/// Returns the house style as `.clang-format` YAML, so editors can agree with
/// `retort format`; `line_length` sets its column limit.
std::string house_style_yaml(int line_length);

/// Returns the rules the formatter can report, for SARIF and `--help`.
const RuleCatalog& format_rules();

}  // namespace retort::format
