#include "retort/core/result_cache.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

namespace fs = std::filesystem;

TEST(ResultCache, ReturnsWhatWasStoredUnderTheSameKey) {
  testing::TempTree tree;
  ResultCache cache(tree.root(), "format");
  auto key = CacheKey().add("options").add("contents");
  EXPECT_FALSE(cache.load(key).has_value());
  ASSERT_TRUE(cache.store(key, "formatted"));
  EXPECT_EQ(cache.load(key), "formatted");
}

TEST(ResultCache, TheCacheFolderDoesNotShowInGitStatus) {
  testing::TempTree tree;
  tree.write("a.cpp", "int a;\n");
  tree.init_git_repository();
  ResultCache cache(ResultCache::default_root(tree.root()), "format");
  ASSERT_TRUE(cache.store(CacheKey().add("a"), "formatted"));
  EXPECT_NE(tree.read(".retort/cache/.gitignore").find('*'), std::string::npos);
  EXPECT_EQ(tree.git({"status", "--porcelain", "--untracked-files=all"}), "");
}

TEST(ResultCache, KeysDependOnEveryPartAndTheirBoundaries) {
  EXPECT_NE(CacheKey().add("ab").add("c").hex(), CacheKey().add("a").add("bc").hex());
  EXPECT_NE(CacheKey().add("x").hex(), CacheKey().add("y").hex());
  EXPECT_EQ(CacheKey().add("x").add("y").hex(), CacheKey().add("x").add("y").hex());
  EXPECT_EQ(CacheKey().add("x").hex().size(), 16u);
}

TEST(ResultCache, ToolsDoNotSeeEachOthersEntries) {
  testing::TempTree tree;
  auto key = CacheKey().add("same");
  ResultCache(tree.root(), "format").store(key, "a");
  EXPECT_FALSE(ResultCache(tree.root(), "lint").load(key).has_value());
}

TEST(ResultCache, ATruncatedOrForeignEntryIsAMiss) {
  testing::TempTree tree;
  ResultCache cache(tree.root(), "format");
  auto key = CacheKey().add("k");
  ASSERT_TRUE(cache.store(key, "a long enough payload"));
  fs::path entry;
  for (const auto& file : fs::recursive_directory_iterator(tree.root())) {
    if (file.is_regular_file() && file.path().filename() != ".gitignore") entry = file.path();
  }
  fs::resize_file(entry, fs::file_size(entry) - 3);
  EXPECT_FALSE(cache.load(key).has_value());
  tree.write(fs::relative(entry, tree.root()).string(), "retort-cache 0 " + key.hex() + " 1\na");
  EXPECT_FALSE(cache.load(key).has_value());
}

TEST(ResultCache, EntriesLiveUnderTheFormatVersion) {
  testing::TempTree tree;
  ResultCache(tree.root(), "format").store(CacheKey().add("k"), "x");
  EXPECT_TRUE(
      fs::is_directory(tree.root() / ("v" + std::to_string(cache_format_version)) / "format"));
}

TEST(ResultCache, TwoProcessesWritingOneKeyLeaveOneWholeEntry) {
  testing::TempTree tree;
  auto key = CacheKey().add("contended");
  std::string payload_a(100000, 'a');
  std::string payload_b(100000, 'b');
  std::vector<pid_t> children;
  for (const std::string* payload : {&payload_a, &payload_b}) {
    pid_t child = fork();
    if (child == 0) {
      ResultCache cache(tree.root(), "format");
      for (int i = 0; i < 200; ++i) cache.store(key, *payload);
      _exit(0);
    }
    children.push_back(child);
  }
  ResultCache cache(tree.root(), "format");
  for (int i = 0; i < 200; ++i) {
    auto loaded = cache.load(key);
    if (loaded) EXPECT_TRUE(*loaded == payload_a || *loaded == payload_b);
  }
  for (pid_t child : children) waitpid(child, nullptr, 0);
  auto loaded = cache.load(key);
  ASSERT_TRUE(loaded.has_value());
  EXPECT_TRUE(*loaded == payload_a || *loaded == payload_b);
  for (const auto& file : fs::recursive_directory_iterator(tree.root())) {
    EXPECT_EQ(file.path().string().find(".tmp-"), std::string::npos)
        << "left behind: " << file.path();
  }
}

TEST(ResultCache, TheToolFingerprintNamesVersionClangAndTheToolsSources) {
  std::string fingerprint = tool_fingerprint("0123abcd");
  EXPECT_NE(fingerprint.find("retort "), std::string::npos);
  EXPECT_NE(fingerprint.find(" clang 16"), std::string::npos);
  EXPECT_NE(fingerprint.find(" sources 0123abcd"), std::string::npos);
  EXPECT_NE(tool_fingerprint("other"), fingerprint);
}

}  // namespace
}  // namespace retort
