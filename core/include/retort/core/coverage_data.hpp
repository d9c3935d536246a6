#pragma once

/// @file
/// What the tests executed, file by file: hit counts of lines, functions and branches,
/// as an lcov tracefile holds them.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "retort/core/format_number.hpp"

namespace retort {

/// One function: where it starts and how often it was entered.
struct FunctionHits {
  /// The line of its definition.
  unsigned line = 0;
  /// How many times it was called.
  std::uint64_t count = 0;
  /// Its name as the object file spells it (`_ZN4calc3addEii`), which lcov's `FN`
  /// records carry; empty when there is none (doc-grade's symbols).
  std::string mangled_name;
};

/// Identifies one branch: its line, its basic block and its index within the block.
struct BranchId {
  /// The line the branch is on.
  unsigned line = 0;
  /// The block of that line it leaves from (lcov's block number).
  unsigned block = 0;
  /// Its index among the block's branches.
  unsigned branch = 0;

  /// Orders branches by line, then block, then index.
  auto operator<=>(const BranchId&) const = default;
};

/// The coverage of one source file.
struct FileCoverage {
  /// Hit count of every line holding code, by line number.
  std::map<unsigned, std::uint64_t> lines;
  /// Every function by (demangled) name.
  std::map<std::string, FunctionHits> functions;
  /// How often each branch was taken; no value when its line never ran (lcov's `-`).
  std::map<BranchId, std::optional<std::uint64_t>> branches;

  /// Adds `taken` to branch `id`'s count; a branch whose line never ran (`std::nullopt`)
  /// keeps no count until one arrives.
  void add_branch(const BranchId& id, std::optional<std::uint64_t> taken);

  /// Adds `other`'s counts to these (the same file seen from another object or run).
  void merge(const FileCoverage& other);
};

/// The coverage of every file, by absolute path.
struct CoverageData {
  /// Each file's coverage.
  std::map<std::filesystem::path, FileCoverage> files;

  /// Adds `other`'s counts to these, file by file, as `lcov --add-tracefile` does.
  void merge(const CoverageData& other);
};

/// How many of something exist and how many of them ran.
struct Counts {
  /// How many there are (lcov's LF, FNF, BRF).
  std::size_t found = 0;
  /// How many of them ran (lcov's LH, FNH, BRH).
  std::size_t hit = 0;

  /// Returns `hit` as a percentage of `found`; 100 when there is nothing to cover.
  double percent() const { return found == 0 ? 100.0 : 100.0 * hit / found; }
  /// False when nothing was found, e.g. branches of a run that did not measure them:
  /// reports then say "not measured" rather than a percentage.
  bool is_measured() const { return found > 0; }
  /// Adds `other`'s found and hit counts to these.
  Counts& operator+=(const Counts& other);
};

/// A file's (or a project's) line, function and branch counts.
struct Totals {
  /// Lines holding code (relevant) and lines that ran.
  Counts lines;
  /// Functions and functions entered.
  Counts functions;
  /// Branches and branches taken.
  Counts branches;

  /// Adds `other`'s counts to these.
  Totals& operator+=(const Totals& other);
};

/// Whether a function is one the compiler made rather than the user wrote (static
/// initialisers, `__cxx_global_var_init`): gcovr leaves them out of function
/// coverage, and so do retort's readers.
bool is_compiler_generated_function(std::string_view mangled_name, std::string_view name);

/// Returns the counts of `file`.
Totals totals_of(const FileCoverage& file);

/// Returns the counts of every file of `data` added up.
Totals totals_of(const CoverageData& data);

}  // namespace retort
