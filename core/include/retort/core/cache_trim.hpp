#pragma once

/// @file
/// Keeping `.retort/cache` bounded, as ccache's cleanup does: once the cache holds
/// more than its limit, the entries no run has read for the longest go first. A hit
/// refreshes its entry's time, so what every run reads stays; entries of an older
/// format version, which nothing can read, go at once.

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace retort {

/// Returns the most bytes the cache keeps: `RETORT_CACHE_MAX_MB` (MiB) when set to a
/// positive number, else 512 MiB.
std::uintmax_t cache_size_limit();

/// What a trim did.
struct CacheTrim {
  /// Entries (files) removed.
  std::size_t entries_removed = 0;
  /// Bytes the cache's entries hold afterwards.
  std::uintmax_t bytes_left = 0;
};

/// Removes from the cache under `cache_root` every folder of another format version,
/// then, when its entries hold more than `max_bytes`, the least recently used ones
/// until they hold at most 80% of it (so the next runs do not trim again at once).
CacheTrim trim_cache(const std::filesystem::path& cache_root, std::uintmax_t max_bytes);

/// Trims `cache_root` to `cache_size_limit()` unless that was done in the last hour:
/// a stamp file in it records when, so a warm run pays one `stat` for this.
void trim_cache_now_and_then(const std::filesystem::path& cache_root);

}  // namespace retort
