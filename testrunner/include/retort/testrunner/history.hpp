#pragma once

/// @file
/// What earlier runs learnt, kept in `.retort/test/history.json`: each test's last
/// duration and status (for longest-first scheduling and `--failed`) and each
/// program's fingerprint at its last green run (for `--stale`) and start-up time
/// (what a process of it costs before and after its tests, for sizing batches).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include <llvm/Support/Error.h>

#include "retort/testrunner/test_case.hpp"

namespace retort::testrunner {

/// One test's record from its last run.
struct TestRecord {
  /// How long it took.
  std::chrono::microseconds duration{0};
  /// How it ended.
  TestStatus status = TestStatus::passed;
};

/// The records of earlier runs.
class History {
 public:
  /// Reads `file`. A missing file is an empty history; an unreadable or malformed
  /// one is an error naming it (the caller may start afresh).
  static llvm::Expected<History> load(const std::filesystem::path& file);
  /// Writes the history to `file` atomically, creating its directory.
  llvm::Error save(const std::filesystem::path& file) const;

  /// Returns the record of the test `id` (see `test_id`), if it ever ran.
  std::optional<TestRecord> find(const std::string& id) const;
  /// Records how the test `id` ended.
  void record(const std::string& id, TestRecord record) { tests_[id] = record; }
  /// Returns the fingerprint `program` had when all its tests last passed.
  std::optional<std::string> green_fingerprint(const std::string& program) const;
  /// Remembers `fingerprint` as `program`'s last green state.
  void set_green_fingerprint(const std::string& program, std::string fingerprint) {
    green_[program] = std::move(fingerprint);
  }
  /// Returns how long a process of `program` last took outside its tests.
  std::optional<std::chrono::microseconds> startup(const std::string& program) const;
  /// Remembers how long a process of `program` took outside its tests.
  void set_startup(const std::string& program, std::chrono::microseconds time) {
    startup_[program] = time;
  }

 private:
  std::map<std::string, TestRecord> tests_;
  std::map<std::string, std::string> green_;
  std::map<std::string, std::chrono::microseconds> startup_;
};

/// Returns the key of `test` in the history: `program::Suite.Name`.
std::string test_id(const TestProgram& program, const TestCase& test);

/// Content hashes of executables, each file read once however many programs run it:
/// fifty CTest tests may all run `cmake -P` (9 MB), as gflags' do.
class ExecutableHashes {
 public:
  /// Returns the xxHash64 of `path`'s contents; none when it cannot be read.
  std::optional<std::uint64_t> of(const std::filesystem::path& path);

 private:
  std::map<std::filesystem::path, std::optional<std::uint64_t>> hashes_;
};

/// Returns a fingerprint of what `program` runs: a hash of its executable's contents
/// (from `hashes`) and its command line. Empty when the executable cannot be read.
std::string program_fingerprint(const TestProgram& program, ExecutableHashes& hashes);

}  // namespace retort::testrunner
