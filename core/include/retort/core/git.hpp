#pragma once

/// @file
/// What retort asks git: the work tree's top, the files it tracks, the lines that
/// changed since a revision (for `--since REV`) and what the index holds for the next
/// commit (for `--staged`).

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "retort/core/source_texts.hpp"

namespace retort {

/// An inclusive range of 1-based line numbers.
struct LineRange {
  /// The first line of the range.
  unsigned first = 1;
  /// The last line of the range (inclusive).
  unsigned last = 1;

  /// Returns true when both ranges cover the same lines.
  bool operator==(const LineRange&) const = default;
};

/// The changed lines of each changed file, keyed by absolute path.
using ChangedLines = std::map<std::filesystem::path, std::vector<LineRange>>;

/// Returns true when `changed` holds line `line` of `file` (an absolute path).
bool is_changed_line(const ChangedLines& changed, const std::filesystem::path& file, unsigned line);

/// Returns the top of the git work tree containing `directory` (the nearest folder
/// holding `.git`, as git finds it; git itself is asked when `GIT_DIR` or
/// `GIT_WORK_TREE` is set), or `std::nullopt` outside a work tree.
std::optional<std::filesystem::path> git_toplevel(const std::filesystem::path& directory);

/// Returns the files below `paths` that git tracks or that are untracked but not
/// ignored, so `.gitignore` holds. `repository` is the work tree's top.
llvm::Expected<std::vector<std::filesystem::path>> git_list_files(
    const std::filesystem::path& repository, const std::vector<std::filesystem::path>& paths);

/// Returns the lines that differ between `revision` and the working tree, including
/// uncommitted changes and untracked files (wholly changed). Returns a `UsageError`
/// naming `revision` when git does not know it.
llvm::Expected<ChangedLines> changed_lines_since(const std::filesystem::path& repository,
                                                 const std::string& revision);

/// The changes a run checks.
struct Changes {
  /// The changed lines, by file.
  ChangedLines lines;
  /// With `--staged`, the index's text of each file that an unstaged edit (or
  /// deletion) has made differ from it, so checks read what is committed, not the
  /// working tree; else empty.
  SourceTexts texts;
};

/// Returns what `git commit` would record in the work tree `repository` (paths
/// inside it; it may be a folder below the work tree's top): the lines the index
/// changes against HEAD (against nothing before the first commit), and the index's
/// text of the files whose working-tree copy differs from it.
llvm::Expected<Changes> staged_changes(const std::filesystem::path& repository);

/// Which changes a command checks: the whole project (neither set), the lines
/// changed since a revision (`--since REV`) or the staged ones (`--staged`).
struct ChangeScope {
  /// The revision of `--since`; empty when not given.
  std::string since;
  /// True for `--staged`.
  bool is_staged = false;

  /// Returns true when neither is set: the whole project is checked.
  bool is_whole_project() const { return since.empty() && !is_staged; }
  /// Returns how reports name the scope: `since REV` or `staged`.
  std::string description() const;
};

/// Returns the changes `scope` names (the working tree's since a revision, with no
/// replaced texts; or the staged ones), or `std::nullopt` for the whole project.
llvm::Expected<std::optional<Changes>> read_changes(const std::filesystem::path& repository,
                                                    const ChangeScope& scope);

/// What the files a change touches held before it, for a check whose findings rest on
/// the whole program (typecheck): it judges the program as it was too, and reports
/// only what the change brought.
struct BaseTexts {
  /// Every file that differs between the base and what is checked, by absolute,
  /// lexically normal path: edited, added (untracked too) and deleted ones.
  std::set<std::filesystem::path> changed_files;
  /// The base's text of each of them that existed there.
  SourceTexts texts;
};

/// Returns what the files `scope` changes held at its base: the `--since` revision,
/// or for `--staged` HEAD (nothing before the first commit), compared with the
/// working tree or the index. `scope` must not be the whole project. Returns a
/// `UsageError` naming the revision when git does not know it.
llvm::Expected<BaseTexts> base_texts(const std::filesystem::path& repository,
                                     const ChangeScope& scope);

/// Parses the output of `git diff -U0` into the changed line ranges of the new
/// side, with paths made absolute against `repository`.
ChangedLines parse_unified_diff(const std::string& diff_text,
                                const std::filesystem::path& repository);

}  // namespace retort
