#include "unit_cache.hpp"

#include <clang/Tooling/CompilationDatabase.h>

#include "retort/core/compile_commands.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/source_files.hpp"
#include "retort_fingerprint_lint.hpp"

namespace retort::lint {

namespace fs = std::filesystem;

UnitCache::UnitCache(const LintRequest& request)
    : request_(request),
      settings_fingerprint_(request.settings.fingerprint()),
      stamps_(&request.replaced_texts) {
  if (!request.cache_root.empty()) cache_.emplace(request.cache_root, "lint");
}

CacheKey UnitCache::key_for(const fs::path& unit) const {
  CacheKey key;
  key.add(tool_fingerprint(RETORT_LINT_SOURCES)).add("lint-unit-1").add(unit.string());
  key.add(request_.project_root.string()).add(request_.display_root.string());
  key.add(settings_fingerprint_);
  add_compile_commands(key, *request_.database, unit);
  return key;
}

std::optional<UnitResult> UnitCache::load(const fs::path& unit) {
  if (!cache_) return std::nullopt;
  auto object = cache_->load_object(key_for(unit));
  if (!object) return std::nullopt;
  auto result = unit_result_from_json(*object, stamps_);
  if (!result) return std::nullopt;
  result->is_cached = true;
  return result;
}

void UnitCache::store(const fs::path& unit, const UnitResult& result) {
  if (!cache_) return;
  std::vector<std::string> stamps;
  for (const auto& file : result.input_files)
    stamps.push_back(stamps_.stamp(file, result.project_files.count(file) != 0));
  cache_->store(key_for(unit), unit_result_to_json(result, stamps));
}

}  // namespace retort::lint
