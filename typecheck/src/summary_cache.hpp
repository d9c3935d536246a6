#pragma once

// Dialyzer's PLT without its two complaints: a unit's summary is replayed without
// parsing when nothing it read has changed, so a warm run parses only the units an
// edit touched, and a stale entry is never used. The key holds what the summary
// depends on besides the files (the unit's compile command, retort's build, the
// project's root and file selection); the files it read are stored with their stamps
// and compared on load, so a restored cache stays right on another machine.

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "retort/core/file_stamps.hpp"
#include "retort/core/result_cache.hpp"
#include "retort/core/source_files.hpp"
#include "retort/typecheck/summary.hpp"

namespace clang::tooling {
class CompilationDatabase;
}  // namespace clang::tooling

namespace retort::typecheck {

// What a parse of one unit gives the cache: its summary and every file it read.
struct ParsedUnit {
  UnitSummary summary;
  std::set<std::string> input_files;
};

// Where a cache keeps its summaries and how it reads the files they depend on.
struct SummaryCacheOptions {
  // The cache's folder; empty: every lookup misses and nothing is stored.
  std::filesystem::path cache_root;
  // Files are stamped as the run reads them: by this text for those it holds (may be
  // null; it must outlive the cache).
  const SourceTexts* replaced = nullptr;
  // Keeps apart the summaries of another version of the files (the program before a
  // change), so neither evicts the other.
  std::string slot;
};

class SummaryCache {
 public:
  // A cache for the units of `database` shown from `project_root`, as `where` says.
  SummaryCache(const clang::tooling::CompilationDatabase& database,
               const std::filesystem::path& project_root, const FileSelection& selection,
               const SummaryCacheOptions& where);

  // Returns `unit`'s stored summary, and the files it read, when every one of them
  // is unchanged.
  std::optional<ParsedUnit> load(const std::filesystem::path& unit);
  // Stores `parsed` for `unit`, with the current stamps of the files it read.
  void store(const std::filesystem::path& unit, const ParsedUnit& parsed);

 private:
  CacheKey key_for(const std::filesystem::path& unit) const;

  const clang::tooling::CompilationDatabase& database_;
  std::filesystem::path project_root_;
  // The project's root and file selection, which every key includes.
  std::string project_fingerprint_;
  std::string slot_;
  std::optional<ResultCache> cache_;
  FileStamps stamps_;
};

}  // namespace retort::typecheck
