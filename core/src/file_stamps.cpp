#include "retort/core/file_stamps.hpp"

#include <llvm/Support/JSON.h>

#include "retort/core/file_io.hpp"
#include "retort/core/result_cache.hpp"

namespace retort {

namespace fs = std::filesystem;

namespace {

std::string compute_stamp(const fs::path& file, bool is_project_file, const SourceTexts* replaced) {
  if (is_project_file || (replaced && replaced->count(file) != 0)) {
    auto contents = read_source(file, replaced);
    if (contents) return "h" + CacheKey().add(*contents).hex();
    llvm::consumeError(contents.takeError());
    return "missing";
  }
  std::error_code error;
  auto size = fs::file_size(file, error);
  if (error) return "missing";
  auto time = fs::last_write_time(file, error);
  if (error) return "missing";
  return "s" + std::to_string(size) + "t" + std::to_string(time.time_since_epoch().count());
}

}  // namespace

std::string FileStamps::stamp(const fs::path& file, bool is_project_file) {
  return stamp(std::string_view(file.native()), is_project_file);
}

std::string FileStamps::stamp(std::string_view path, bool is_project_file) {
  {
    std::lock_guard lock(mutex_);
    if (auto found = stamps_.find(path); found != stamps_.end()) return found->second;
  }
  std::string value = compute_stamp(fs::path(path), is_project_file, replaced_);
  std::lock_guard lock(mutex_);
  stamps_.emplace(std::string(path), value);
  return value;
}

bool FileStamps::is_current(std::string_view path, std::string_view stored) {
  return stamp(path, stored.starts_with("h")) == stored;
}

bool FileStamps::are_inputs_current(const llvm::json::Object& object) {
  const auto* files = object.getArray("input_files");
  const auto* stamps = object.getArray("stamps");
  if (files == nullptr || stamps == nullptr || files->size() != stamps->size()) return false;
  for (std::size_t i = 0; i < files->size(); ++i) {
    auto file = (*files)[i].getAsString();
    auto stamp = (*stamps)[i].getAsString();
    if (!file || !stamp || !is_current(*file, *stamp)) return false;
  }
  return true;
}

}  // namespace retort
