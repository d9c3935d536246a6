#include "summary_cache.hpp"

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/JSON.h>

#include "retort/core/compile_commands.hpp"
#include "retort_fingerprint_typecheck.hpp"
#include "summary_json.hpp"

namespace retort::typecheck {

namespace fs = std::filesystem;

namespace {

// Which files a summary's places may be in: the root they are shown from and the
// globs and vendored folders that leave files out.
std::string project_fingerprint(const fs::path& project_root, const FileSelection& selection) {
  CacheKey key;
  key.add(project_root.string());
  for (const auto* globs :
       {&selection.include_globs, &selection.exclude_globs, &selection.vendored_folders}) {
    key.add(std::to_string(globs->size()));
    for (const auto& glob : *globs) key.add(glob);
  }
  return key.hex();
}

}  // namespace

SummaryCache::SummaryCache(const clang::tooling::CompilationDatabase& database,
                           const fs::path& project_root, const FileSelection& selection,
                           const SummaryCacheOptions& where)
    : database_(database),
      project_root_(project_root),
      project_fingerprint_(project_fingerprint(project_root, selection)),
      slot_(where.slot),
      stamps_(where.replaced) {
  if (!where.cache_root.empty()) cache_.emplace(where.cache_root, "typecheck");
}

CacheKey SummaryCache::key_for(const fs::path& unit) const {
  CacheKey key;
  key.add(tool_fingerprint(RETORT_TYPECHECK_SOURCES))
      .add("typecheck-unit-2")
      .add(slot_)
      .add(unit.string())
      .add(project_fingerprint_);
  add_compile_commands(key, database_, unit);
  return key;
}

std::optional<ParsedUnit> SummaryCache::load(const fs::path& unit) {
  if (!cache_) return std::nullopt;
  auto object = cache_->load_object(key_for(unit));
  if (!object || !stamps_.are_inputs_current(*object)) return std::nullopt;
  auto summary = summary_from_json(object->get("summary"));
  if (!summary) return std::nullopt;
  ParsedUnit parsed{std::move(*summary), {}};
  for (const auto& file : *object->getArray("input_files"))
    if (auto name = file.getAsString()) parsed.input_files.insert(name->str());
  return parsed;
}

void SummaryCache::store(const fs::path& unit, const ParsedUnit& parsed) {
  if (!cache_) return;
  llvm::json::Array files, stamps;
  for (const auto& file : parsed.input_files) {
    files.push_back(file);
    stamps.push_back(
        stamps_.stamp(std::string_view(file), is_inside(fs::path(file), project_root_)));
  }
  llvm::json::Value entry = llvm::json::Object{{"summary", summary_to_json(parsed.summary)},
                                               {"input_files", std::move(files)},
                                               {"stamps", std::move(stamps)}};
  std::string text;
  llvm::raw_string_ostream stream(text);
  stream << entry;
  cache_->store(key_for(unit), stream.str());
}

}  // namespace retort::typecheck
