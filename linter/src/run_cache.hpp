#pragma once

// Replays a whole run without reading each unit's entry when nothing any unit read has
// changed: one entry, keyed by every unit's key, holds the units' findings merged and
// the stamps of every file they read, each file once. A warm run of a project of 200
// units then checks each of its 1,000 inputs once, instead of reading 200 entries
// that each list the same headers (most of a warm run's time before).

#include <cstddef>
#include <optional>
#include <vector>

#include "unit_cache.hpp"

namespace retort::lint {

class RunCache {
 public:
  // The run of `request.translation_units`, whose keys `units` makes.
  RunCache(const LintRequest& request, const UnitCache& units);

  // Returns the units' results merged into one, when every file they read is unchanged.
  std::optional<UnitResult> load();
  // Stores `results` (one per unit, with their input files) merged, unless one is
  // missing its inputs or did not compile (such units are not cached either).
  void store(const std::vector<UnitResult>& results);

 private:
  std::optional<ResultCache> cache_;
  CacheKey key_;
  FileStamps stamps_;
};

}  // namespace retort::lint
