#pragma once

// The fixture project (tests/fixture) copied into a temporary tree, configured and
// built with --coverage by CMake, ready to run its tests and collect their coverage.

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "retort/core/process.hpp"
#include "retort/coverage/gcov.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::coverage::testing {

/// A built copy of the fixture project.
class FixtureBuild {
 public:
  /// Copies the fixture into a fresh tree and builds it into `build/coverage`: with
  /// g++ and `--coverage`, or with `is_source_based`, with clang++-16 and Clang's
  /// source-based coverage.
  explicit FixtureBuild(bool is_source_based = false) {
    std::filesystem::copy(std::filesystem::path(RETORT_COVERAGE_FIXTURE_DIR), project(),
                          std::filesystem::copy_options::recursive);
    std::vector<std::string> configure = {
        "cmake", "-S", project().string(), "-B", build().string(), "-G", "Ninja"};
    if (is_source_based) {
      configure.push_back("-DCMAKE_CXX_COMPILER=clang++-16");
      configure.push_back("-DSOURCE_BASED=ON");
    }
    run(configure);
    run({"cmake", "--build", build().string()});
  }

  /// The project's root.
  std::filesystem::path project() const { return tree_.root() / "project"; }
  /// The coverage build directory.
  std::filesystem::path build() const { return project() / "build" / "coverage"; }
  /// The test program.
  std::filesystem::path test_program() const { return build() / "calc_test"; }

  /// Runs the tests matching `filter` once, after removing earlier counts.
  void run_tests(const std::string& filter = "*") const {
    remove_gcda_files(build());
    run({test_program().string(), "--gtest_filter=" + filter});
  }

  /// Gcov options keeping the project's sources, not the build tree's.
  GcovOptions options() const {
    GcovOptions options;
    options.project_root = project();
    options.excluded_directories = {project() / "build"};
    options.is_collecting_branches = true;
    return options;
  }

  /// Collects the coverage of the last run, failing the test on an error.
  CoverageData collect(const GcovOptions& options) const {
    auto files = find_gcda_files(build());
    if (!files) {
      ADD_FAILURE() << llvm::toString(files.takeError());
      return {};
    }
    auto data = collect_gcov(*files, options);
    if (!data) {
      ADD_FAILURE() << llvm::toString(data.takeError());
      return {};
    }
    return std::move(*data);
  }

  /// Runs `argv`, failing the test when it does not exit 0.
  static void run(const std::vector<std::string>& argv) {
    auto result = run_process(argv);
    ASSERT_TRUE(static_cast<bool>(result)) << llvm::toString(result.takeError());
    ASSERT_EQ(result->exit_code, 0)
        << argv[0] << ": " << result->standard_output << result->standard_error;
  }

 private:
  retort::testing::TempTree tree_;
};

}  // namespace retort::coverage::testing
