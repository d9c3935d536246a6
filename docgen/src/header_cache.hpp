#pragma once

// Replays a header's symbols without parsing it when nothing it read has changed:
// the header, everything it includes, and the files its doc comments came from.

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "retort/core/file_stamps.hpp"
#include "retort/core/result_cache.hpp"
#include "retort/docgen/extract.hpp"

namespace retort::doc {

class HeaderCache {
 public:
  // A cache under `request.cache_root`; with none, every lookup misses.
  explicit HeaderCache(const ExtractRequest& request);

  // Returns the stored symbols of `header`, parsed with `command_key`, when every
  // file they were read from is unchanged.
  std::optional<std::vector<Symbol>> load(const std::filesystem::path& header,
                                          const std::string& command_key);
  // Stores `symbols` of `header` with the current stamps of `inputs`.
  void store(const std::filesystem::path& header, const std::string& command_key,
             const std::vector<Symbol>& symbols, const std::set<std::filesystem::path>& inputs);

 private:
  CacheKey key_for(const std::filesystem::path& header, const std::string& command_key) const;

  const ExtractRequest& request_;
  std::optional<ResultCache> cache_;
  FileStamps stamps_;
};

}  // namespace retort::doc
