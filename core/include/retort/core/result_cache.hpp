#pragma once

/// @file
/// A content-addressed cache of tool results under `.retort/cache/`. Keys hash
/// everything a result depends on (file contents, options, tool build), so a hit is
/// never stale; writes go through a temporary file and a rename, so two processes may
/// write at once.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <llvm/Support/JSON.h>

namespace retort {

/// The on-disk format version; entries of any other version are ignored.
inline constexpr int cache_format_version = 1;

/// Builds a cache key from every input a result depends on.
///
/// ```cpp
/// auto key =
/// retort::CacheKey().add(tool_fingerprint(RETORT_LINT_SOURCES)).add(options).add(contents);
/// ```
class CacheKey {
 public:
  /// Mixes `part` into the key; parts are length-delimited, so `("ab","c")` and
  /// `("a","bc")` give different keys. Returns `*this` for chaining.
  CacheKey& add(std::string_view part);

  /// Returns the key as 16 lowercase hex digits.
  std::string hex() const;

 private:
  std::string digests_;
};

/// Returns a tool's fingerprint for its cache keys: retort's version, the Clang
/// version it links and `sources`, the hash of the tool's own sources and core's
/// that its build generated (`RETORT_<TOOL>_SOURCES`, cmake/RetortSourceFingerprint):
/// a rebuild for a change elsewhere keeps the tool's results, a change to its code
/// invalidates them.
std::string tool_fingerprint(std::string_view sources);

/// One tool's slice of the result cache.
class ResultCache {
 public:
  /// Opens the cache for `tool` under `cache_root` (usually `<project>/.retort/cache`).
  /// Nothing is created until the first `store`.
  ResultCache(std::filesystem::path cache_root, std::string tool);

  /// Returns the payload stored for `key`, or `std::nullopt` on a miss or when the
  /// entry is from another format version, truncated or otherwise unreadable.
  std::optional<std::string> load(const CacheKey& key) const;

  /// Returns the JSON object stored for `key`; `std::nullopt` as for `load`, and when
  /// the payload is not a JSON object.
  std::optional<llvm::json::Object> load_object(const CacheKey& key) const;

  /// Stores `payload` for `key`. Returns false when it could not be written (a
  /// read-only tree, a full disk); the cache is an optimisation, so callers go on.
  bool store(const CacheKey& key, std::string_view payload) const;

  /// Returns `<project_root>/.retort/cache`.
  static std::filesystem::path default_root(const std::filesystem::path& project_root);

 private:
  std::filesystem::path entry_path(const CacheKey& key) const;
  std::filesystem::path root_;
  std::filesystem::path directory_;
};

}  // namespace retort
