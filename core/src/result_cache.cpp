#include "retort/core/result_cache.hpp"

#include <unistd.h>

#include <atomic>
#include <mutex>

#include <clang/Basic/Version.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>

#include "retort/core/cache_trim.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/version.hpp"

// LLVM 16 has no xxh3_64bits (it arrived in LLVM 17); xxHash64 is its predecessor
// in the same header and is as well suited to content addressing.

namespace retort {
namespace {

constexpr std::string_view entry_magic = "retort-cache";

std::string to_hex(std::uint64_t value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format_hex_no_prefix(value, 16);
  return text;
}

// "retort-cache 1 <key> <payload size>\n<payload>": a wrong version, key or size
// (a truncated or foreign file) reads as a miss.
std::string entry_header(const CacheKey& key, std::size_t payload_size) {
  return std::string(entry_magic) + " " + std::to_string(cache_format_version) + " " + key.hex() +
         " " + std::to_string(payload_size) + "\n";
}

}  // namespace

CacheKey& CacheKey::add(std::string_view part) {
  std::uint64_t digest = llvm::xxHash64(llvm::StringRef(part.data(), part.size()));
  std::uint64_t length = part.size();
  digests_.append(reinterpret_cast<const char*>(&length), sizeof length);
  digests_.append(reinterpret_cast<const char*>(&digest), sizeof digest);
  return *this;
}

std::string CacheKey::hex() const { return to_hex(llvm::xxHash64(digests_)); }

std::string tool_fingerprint(std::string_view sources) {
  return std::string("retort ") + std::string(version()) + " clang " + CLANG_VERSION_STRING +
         " sources " + std::string(sources);
}

ResultCache::ResultCache(std::filesystem::path cache_root, std::string tool)
    : root_(std::move(cache_root)),
      directory_(root_ / ("v" + std::to_string(cache_format_version)) / tool) {}

std::filesystem::path ResultCache::default_root(const std::filesystem::path& project_root) {
  return project_root / ".retort" / "cache";
}

std::filesystem::path ResultCache::entry_path(const CacheKey& key) const {
  std::string hex = key.hex();
  return directory_ / hex.substr(0, 2) / hex.substr(2);
}

std::optional<std::string> ResultCache::load(const CacheKey& key) const {
  auto contents = read_file(entry_path(key));
  if (!contents) {
    llvm::consumeError(contents.takeError());
    return std::nullopt;
  }
  std::size_t newline = contents->find('\n');
  if (newline == std::string::npos) return std::nullopt;
  std::size_t payload_size = contents->size() - newline - 1;
  if (contents->compare(0, newline + 1, entry_header(key, payload_size)) != 0) return std::nullopt;
  // A hit is a use: the trim removes the entries used longest ago first.
  std::error_code error;
  std::filesystem::last_write_time(entry_path(key), std::filesystem::file_time_type::clock::now(),
                                   error);
  return contents->substr(newline + 1);
}

std::optional<llvm::json::Object> ResultCache::load_object(const CacheKey& key) const {
  auto payload = load(key);
  if (!payload) return std::nullopt;
  auto parsed = llvm::json::parse(*payload);
  if (!parsed) {
    llvm::consumeError(parsed.takeError());
    return std::nullopt;
  }
  auto* object = parsed->getAsObject();
  if (object == nullptr) return std::nullopt;
  return std::move(*object);
}

bool ResultCache::store(const CacheKey& key, std::string_view payload) const {
  static std::once_flag trimmed;
  std::call_once(trimmed, [&] { trim_cache_now_and_then(root_); });
  std::filesystem::path path = entry_path(key);
  std::error_code error;
  if (!std::filesystem::exists(path.parent_path(), error)) {
    if (!create_state_directory(root_)) return false;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) return false;
  }
  // Each writer renames its own temporary file into place, so concurrent writers of
  // one key leave one whole entry, never a mix.
  static std::atomic<std::uint64_t> writes{0};
  std::string temporary = path.string() + ".tmp-" + std::to_string(getpid()) + "-" +
                          std::to_string(writes.fetch_add(1));
  {
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (file == nullptr) return false;
    std::string header = entry_header(key, payload.size());
    bool written = std::fwrite(header.data(), 1, header.size(), file) == header.size() &&
                   std::fwrite(payload.data(), 1, payload.size(), file) == payload.size();
    if (std::fclose(file) != 0 || !written) {
      std::filesystem::remove(temporary, error);
      return false;
    }
  }
  std::filesystem::rename(temporary, path, error);
  if (error) std::filesystem::remove(temporary, error);
  return !error;
}

}  // namespace retort
