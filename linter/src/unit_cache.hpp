#pragma once

// Replays a translation unit's findings without parsing it when nothing it read has
// changed: its compile command, retort's build and settings (the key), and every file
// it included (the stamps stored with the result, compared on load).

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "retort/core/result_cache.hpp"
#include "retort/linter/linter.hpp"
#include "unit_result.hpp"

namespace retort::lint {

class UnitCache {
 public:
  // A cache under `request.cache_root`; with none, every lookup misses and nothing
  // is stored.
  explicit UnitCache(const LintRequest& request);

  // Returns the stored result for `unit` when every file it read is unchanged.
  std::optional<UnitResult> load(const std::filesystem::path& unit);
  // Stores `result` for `unit` with the current stamps of the files it read.
  void store(const std::filesystem::path& unit, const UnitResult& result);

 private:
  CacheKey key_for(const std::filesystem::path& unit) const;
  // A project file's stamp hashes its contents (edits that keep the size and time
  // still count); other files (system, third-party) are stamped by size and mtime,
  // which package updates change, at the cost of one stat.
  std::string stamp(const std::filesystem::path& file, bool is_project_file);

  const LintRequest& request_;
  // The settings' text, which every unit's key includes; computed once per run.
  std::string settings_fingerprint_;
  std::optional<ResultCache> cache_;
  std::mutex stamps_mutex_;
  std::map<std::filesystem::path, std::string> stamps_;
};

}  // namespace retort::lint
