#include "run_cache.hpp"
#include "retort_fingerprint_lint.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

namespace retort::lint {
namespace {

// Each finding and each observed place once: a header's are repeated by every unit
// that includes it, and the run keeps only the first of each (findings are made
// unique, observations counted once per place).
UnitResult merged_results(const std::vector<UnitResult>& results) {
  UnitResult merged;
  std::set<std::tuple<std::string, unsigned, unsigned, std::string, std::string>> findings;
  std::set<std::tuple<std::string, std::string, std::string, unsigned, unsigned>> places;
  for (const auto& result : results) {
    for (const auto& d : result.diagnostics) {
      auto place =
          std::tuple(d.range.file, d.range.begin.line, d.range.begin.column, d.check_id, d.message);
      if (findings.insert(std::move(place)).second) merged.diagnostics.push_back(d);
    }
    for (const auto& o : result.observations) {
      if (places.insert({o.check_id, o.dimension, o.file, o.line, o.column}).second)
        merged.observations.push_back(o);
    }
    merged.project_files.insert(result.project_files.begin(), result.project_files.end());
    merged.input_files.insert(result.input_files.begin(), result.input_files.end());
  }
  return merged;
}

bool has_parse_error(const UnitResult& result) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& d) { return d.check_id == "lint/parse-error"; });
}

}  // namespace

RunCache::RunCache(const LintRequest& request, const UnitCache& units)
    : stamps_(&request.replaced_texts) {
  if (request.cache_root.empty()) return;
  cache_.emplace(request.cache_root, "lint");
  key_.add(tool_fingerprint(RETORT_LINT_SOURCES)).add("lint-run-1");
  for (const auto& unit : request.translation_units) key_.add(units.key_for(unit).hex());
}

std::optional<UnitResult> RunCache::load() {
  if (!cache_) return std::nullopt;
  auto object = cache_->load_object(key_);
  if (!object) return std::nullopt;
  auto result = unit_result_from_json(*object, stamps_);
  if (result) result->is_cached = true;
  return result;
}

void RunCache::store(const std::vector<UnitResult>& results) {
  if (!cache_) return;
  for (const auto& result : results)
    if (has_parse_error(result) || result.input_files.empty()) return;
  UnitResult merged = merged_results(results);
  std::vector<std::string> stamps;
  for (const auto& file : merged.input_files)
    stamps.push_back(stamps_.stamp(file, merged.project_files.count(file) != 0));
  cache_->store(key_, unit_result_to_json(merged, stamps));
}

}  // namespace retort::lint
