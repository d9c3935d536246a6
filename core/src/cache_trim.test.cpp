#include "retort/core/cache_trim.hpp"

#include <cstdlib>

#include <gtest/gtest.h>

#include "retort/core/result_cache.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

namespace fs = std::filesystem;

// Stores a 1000-byte payload under `name` and dates its entry `age` ago.
fs::path store_aged(const fs::path& root, const std::string& name, std::chrono::hours age) {
  ResultCache cache(root, "lint");
  auto key = CacheKey().add(name);
  EXPECT_TRUE(cache.store(key, std::string(1000, 'x')));
  fs::path entry;
  for (const auto& file : fs::recursive_directory_iterator(root))
    if (file.is_regular_file() && file.path().filename() == key.hex().substr(2))
      entry = file.path();
  fs::last_write_time(entry, fs::file_time_type::clock::now() - age);
  return entry;
}

TEST(CacheTrim, TheLeastRecentlyUsedEntriesGoFirstAndAHitCountsAsAUse) {
  testing::TempTree tree;
  auto oldest = store_aged(tree.root(), "oldest", std::chrono::hours(30));
  auto read_lately = store_aged(tree.root(), "read lately", std::chrono::hours(20));
  auto middle = store_aged(tree.root(), "middle", std::chrono::hours(10));
  auto newest = store_aged(tree.root(), "newest", std::chrono::hours(1));
  ASSERT_TRUE(ResultCache(tree.root(), "lint").load(CacheKey().add("read lately")).has_value());
  // Four entries of ~1050 bytes over a 3000-byte limit: down to 2400, two go.
  CacheTrim trim = trim_cache(tree.root(), 3000);
  EXPECT_EQ(trim.entries_removed, 2u);
  EXPECT_LE(trim.bytes_left, 2400u);
  EXPECT_FALSE(fs::exists(oldest));
  EXPECT_FALSE(fs::exists(middle));
  EXPECT_TRUE(fs::exists(read_lately));
  EXPECT_TRUE(fs::exists(newest));
}

TEST(CacheTrim, ACacheUnderItsLimitKeepsEverythingButOtherFormatVersions) {
  testing::TempTree tree;
  auto entry = store_aged(tree.root(), "kept", std::chrono::hours(1000));
  tree.write("v0/lint/ab/cdef", "an entry no version of retort reads any more");
  CacheTrim trim = trim_cache(tree.root(), 1 << 20);
  EXPECT_TRUE(fs::exists(entry));
  EXPECT_FALSE(fs::exists(tree.root() / "v0"));
  EXPECT_GT(trim.bytes_left, 1000u);
}

TEST(CacheTrim, TheLimitComesFromTheEnvironment) {
  setenv("RETORT_CACHE_MAX_MB", "3", 1);
  EXPECT_EQ(cache_size_limit(), 3u * 1024 * 1024);
  setenv("RETORT_CACHE_MAX_MB", "nonsense", 1);
  EXPECT_EQ(cache_size_limit(), 512u * 1024 * 1024);
  unsetenv("RETORT_CACHE_MAX_MB");
  EXPECT_EQ(cache_size_limit(), 512u * 1024 * 1024);
}

}  // namespace
}  // namespace retort
