#include "test_temp_directory.hpp"

#include <stdlib.h>

#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

namespace retort::testrunner::detail {

std::optional<TestTempDirectory> TestTempDirectory::create() {
  // Under a runner that gave retort a TEST_TMPDIR of its own (Bazel), inside that.
  const char* outer = std::getenv("TEST_TMPDIR");
  std::error_code error;
  std::filesystem::path base = outer != nullptr && outer[0] != '\0'
                                   ? std::filesystem::path(outer)
                                   : std::filesystem::temp_directory_path(error);
  if (error) return std::nullopt;
  std::string pattern = (base / "retort-tmpdir-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return std::nullopt;
  return TestTempDirectory(pattern);
}

TestTempDirectory::TestTempDirectory(TestTempDirectory&& other) noexcept
    : path_(std::exchange(other.path_, {})) {}

TestTempDirectory& TestTempDirectory::operator=(TestTempDirectory&& other) noexcept {
  std::swap(path_, other.path_);
  return *this;
}

TestTempDirectory::~TestTempDirectory() {
  if (path_.empty()) return;
  std::error_code ignored;  // a test that made its files unremovable keeps them
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace retort::testrunner::detail
