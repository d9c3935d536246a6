#pragma once

// What linting one translation unit yields, in a shape the result cache can store.

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "retort/core/diagnostic.hpp"
#include "retort/core/file_stamps.hpp"

namespace retort::lint {

// One place that follows a style a consistency check tracks; whether it is reported
// depends on what the rest of the project does.
struct StyleObservation {
  std::string check_id;
  std::string style;
  std::string message;
  std::string file;  // as diagnostics show it
  unsigned line = 0;
  unsigned column = 0;
  std::string dimension;  // majorities are kept apart per check and dimension
};

// The findings of one unit and the files it read.
struct UnitResult {
  std::vector<Diagnostic> diagnostics;
  std::vector<StyleObservation> observations;
  // Files inside the project (reported, line-checked).
  std::set<std::filesystem::path> project_files;
  // Every file the unit read, project or not: what a cached result depends on.
  std::set<std::filesystem::path> input_files;
  // Whether this result came from the cache rather than a parse.
  bool is_cached = false;
};

// Serialises `result` (with each input file's `stamps`, same order) for the cache.
std::string unit_result_to_json(const UnitResult& result, const std::vector<std::string>& stamps);

// Reads what `unit_result_to_json` wrote (the cache's entry `object`), if every input
// file it lists is current by `stamps`. Returns nullopt for a stale input or anything
// malformed.
std::optional<UnitResult> unit_result_from_json(const llvm::json::Object& object,
                                                FileStamps& stamps);

}  // namespace retort::lint
