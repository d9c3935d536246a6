#pragma once

// Replays a translation unit's findings without parsing it when nothing it read has
// changed: its compile command, retort's build and settings (the key), and every file
// it included (the stamps stored with the result, compared on load).

#include <filesystem>
#include <optional>
#include <string>

#include "retort/core/file_stamps.hpp"
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
  // Returns `unit`'s key: its compile command, retort's build and the settings.
  CacheKey key_for(const std::filesystem::path& unit) const;

 private:
  const LintRequest& request_;
  // The settings' text, which every unit's key includes; computed once per run.
  std::string settings_fingerprint_;
  std::optional<ResultCache> cache_;
  FileStamps stamps_;
};

}  // namespace retort::lint
