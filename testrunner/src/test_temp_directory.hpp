#pragma once

// A folder of one test process's own, named by `TEST_TMPDIR` (Bazel's convention,
// which GoogleTest's `testing::TempDir()`, leveldb's and Abseil's test helpers read).
// retort runs a program's tests side by side in several processes; a fixed folder
// (`/tmp/leveldbtest-0`) shared by them would hand one test another's files, which
// no one-process-at-a-time runner (ctest) ever does. A fresh folder per process also
// keeps a test's verdict from depending on what an earlier test left: tests that
// need that share one process (`test.one_process`).

#include <filesystem>
#include <optional>

namespace retort::testrunner::detail {

class TestTempDirectory {
 public:
  /// Creates a fresh folder below the user's `TEST_TMPDIR`, else the system's
  /// temporary folder (`TMPDIR`, or /tmp); none
  /// when it cannot be made (the test then runs with the environment it had).
  static std::optional<TestTempDirectory> create();

  TestTempDirectory(TestTempDirectory&& other) noexcept;
  TestTempDirectory& operator=(TestTempDirectory&& other) noexcept;
  TestTempDirectory(const TestTempDirectory&) = delete;
  TestTempDirectory& operator=(const TestTempDirectory&) = delete;
  /// Removes the folder and whatever the test left in it.
  ~TestTempDirectory();

  /// The `TEST_TMPDIR=<folder>` entry for the test's environment.
  std::string environment_entry() const { return "TEST_TMPDIR=" + path_.string(); }

 private:
  explicit TestTempDirectory(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace retort::testrunner::detail
