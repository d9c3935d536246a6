#include "header_cache.hpp"

#include <llvm/Support/JSON.h>

#include "retort/core/source_files.hpp"
#include "retort_fingerprint_docgen.hpp"

namespace retort::doc {

namespace fs = std::filesystem;

HeaderCache::HeaderCache(const ExtractRequest& request)
    : request_(request), stamps_(&request.replaced_texts) {
  if (!request.cache_root.empty()) cache_.emplace(request.cache_root, "doc");
}

CacheKey HeaderCache::key_for(const fs::path& header, const std::string& command_key) const {
  CacheKey key;
  key.add(tool_fingerprint(RETORT_DOCGEN_SOURCES))
      .add("doc-header-1")
      .add(header.string())
      .add(command_key);
  key.add(request_.project_root.string()).add(request_.display_root.string());
  for (const auto& name : request_.internal_namespaces) key.add(name);
  return key;
}

std::optional<std::vector<Symbol>> HeaderCache::load(const fs::path& header,
                                                     const std::string& command_key) {
  if (!cache_) return std::nullopt;
  auto object = cache_->load_object(key_for(header, command_key));
  const auto* inputs = object ? object->getArray("inputs") : nullptr;
  const auto* symbols = object ? object->get("symbols") : nullptr;
  if (!inputs || !symbols) return std::nullopt;
  for (const auto& input : *inputs) {
    const auto* pair = input.getAsArray();
    if (!pair || pair->size() != 2) return std::nullopt;
    if (!stamps_.is_current((*pair)[0].getAsString().value_or(""),
                            (*pair)[1].getAsString().value_or("")))
      return std::nullopt;
  }
  auto loaded = symbols_from_json(*symbols);
  if (!loaded) {
    llvm::consumeError(loaded.takeError());
    return std::nullopt;
  }
  return std::move(*loaded);
}

void HeaderCache::store(const fs::path& header, const std::string& command_key,
                        const std::vector<Symbol>& symbols, const std::set<fs::path>& inputs) {
  if (!cache_) return;
  llvm::json::Array stamped;
  for (const auto& file : inputs)
    stamped.push_back(llvm::json::Array{
        file.string(), stamps_.stamp(file, is_inside(file, request_.project_root))});
  llvm::json::Object payload{{"inputs", std::move(stamped)}, {"symbols", symbols_to_json(symbols)}};
  std::string text;
  llvm::raw_string_ostream out(text);
  out << llvm::json::Value(std::move(payload));
  out.flush();
  cache_->store(key_for(header, command_key), text);
}

}  // namespace retort::doc
