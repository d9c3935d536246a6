#include "retort/core/cache_trim.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

#include "retort/core/result_cache.hpp"

namespace retort {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t default_limit_mib = 512;
constexpr auto trim_interval = std::chrono::hours(1);
constexpr std::string_view trim_stamp = "last-trim";

struct Entry {
  fs::file_time_type used;
  std::uintmax_t size = 0;
  fs::path path;
};

// Removes the folders `v<N>` of every other format version under `cache_root`.
void remove_other_versions(const fs::path& cache_root, CacheTrim& trim) {
  std::error_code error;
  std::string current = "v" + std::to_string(cache_format_version);
  for (const auto& child : fs::directory_iterator(cache_root, error)) {
    std::string name = child.path().filename().string();
    if (name == current || name.size() < 2 || name[0] != 'v' || !child.is_directory(error))
      continue;
    std::uintmax_t removed = fs::remove_all(child.path(), error);
    if (removed != static_cast<std::uintmax_t>(-1)) trim.entries_removed += removed;
  }
}

std::vector<Entry> list_entries(const fs::path& folder) {
  std::vector<Entry> entries;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    Entry entry{it->last_write_time(error), it->file_size(error), it->path()};
    if (!error) entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::uintmax_t cache_size_limit() {
  const char* configured = std::getenv("RETORT_CACHE_MAX_MB");
  long mib = configured != nullptr ? std::atol(configured) : 0;
  return (mib > 0 ? static_cast<std::uintmax_t>(mib) : default_limit_mib) * 1024 * 1024;
}

CacheTrim trim_cache(const fs::path& cache_root, std::uintmax_t max_bytes) {
  CacheTrim trim;
  remove_other_versions(cache_root, trim);
  std::vector<Entry> entries =
      list_entries(cache_root / ("v" + std::to_string(cache_format_version)));
  for (const auto& entry : entries) trim.bytes_left += entry.size;
  if (trim.bytes_left <= max_bytes) return trim;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.used < b.used; });
  std::uintmax_t target = max_bytes / 10 * 8;
  for (const auto& entry : entries) {
    if (trim.bytes_left <= target) break;
    std::error_code error;
    if (!fs::remove(entry.path, error)) continue;
    trim.bytes_left -= entry.size;
    ++trim.entries_removed;
  }
  return trim;
}

void trim_cache_now_and_then(const fs::path& cache_root) {
  fs::path stamp = cache_root / trim_stamp;
  std::error_code error;
  auto last = fs::last_write_time(stamp, error);
  auto now = fs::file_time_type::clock::now();
  if (!error && now - last < trim_interval) return;
  trim_cache(cache_root, cache_size_limit());
  std::FILE* file = std::fopen(stamp.c_str(), "w");
  if (file != nullptr) std::fclose(file);
  fs::last_write_time(stamp, now, error);
}

}  // namespace retort
