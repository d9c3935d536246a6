// format(format(x)) == format(x), and tokens unchanged, over every C++ file of three
// real codebases that Debian ships: fmt, yaml-cpp and googletest.

#include <filesystem>

#include <gtest/gtest.h>

#include "retort/core/file_io.hpp"
#include "retort/core/source_files.hpp"
#include "retort/formatter/formatter.hpp"
#include "retort/formatter/token_equivalence.hpp"

namespace retort::format {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> cpp_files_under(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && is_cpp_source(entry.path())) files.push_back(entry.path());
  }
  return files;
}

void expect_idempotent_and_equivalent(const fs::path& root) {
  auto files = cpp_files_under(root);
  ASSERT_GT(files.size(), 5u) << "corpus missing: " << root
                              << " (scripts/install-deps.sh installs it)";
  FormatOptions options;
  for (const auto& file : files) {
    auto original = read_file(file);
    ASSERT_TRUE(static_cast<bool>(original)) << llvm::toString(original.takeError());
    TextResult once = format_text(*original, file, options);
    ASSERT_TRUE(once.status == FileStatus::formatted || once.status == FileStatus::changed)
        << file << ": " << (once.diagnostics.empty() ? "" : once.diagnostics.back().message);
    auto difference = find_token_difference(*original, once.formatted);
    EXPECT_FALSE(difference.has_value()) << file << " line " << difference->original_line;
    TextResult twice = format_text(once.formatted, file, options);
    EXPECT_EQ(twice.status, FileStatus::formatted) << file << " is not idempotent";
    EXPECT_EQ(twice.formatted, once.formatted) << file;
  }
}

TEST(Corpus, FmtHeadersFormatIdempotentlyWithoutChangingTokens) {
  expect_idempotent_and_equivalent("/usr/include/fmt");
}

TEST(Corpus, YamlCppHeadersFormatIdempotentlyWithoutChangingTokens) {
  expect_idempotent_and_equivalent("/usr/include/yaml-cpp");
}

TEST(Corpus, GoogletestSourcesAndTestsFormatIdempotentlyWithoutChangingTokens) {
  expect_idempotent_and_equivalent("/usr/src/googletest");
}

}  // namespace
}  // namespace retort::format
