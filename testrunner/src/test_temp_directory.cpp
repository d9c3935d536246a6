#include "test_temp_directory.hpp"

#include <stdlib.h>

#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

namespace retort::testrunner::detail {

std::optional<TestTempDirectory> TestTempDirectory::create() {
  std::filesystem::path base = "/tmp";
  for (const char* variable : {"TEST_TMPDIR", "TMPDIR"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && value[0] != '\0') {
      base = value;
      break;
    }
  }
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
