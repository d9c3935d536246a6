#pragma once

// Helpers for end-to-end tests that run the real `retort` executable.

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "retort/core/process.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort {

/// Runs `retort arguments...` in `tree`'s root with `input` on standard input and
/// colour off; a failure to start it fails the test.
inline ProcessResult retort(const testing::TempTree& tree, std::vector<std::string> arguments,
                            std::optional<std::string> input = std::nullopt) {
  arguments.insert(arguments.begin(), RETORT_EXECUTABLE);
  ProcessOptions options;
  options.working_directory = tree.root();
  options.standard_input = std::move(input);
  options.extra_environment = {"NO_COLOR=1"};
  auto result = run_process(arguments, options);
  if (!result) {
    ADD_FAILURE() << llvm::toString(result.takeError());
    return {};
  }
  return *result;
}

/// Returns a compile_commands.json compiling `files` (relative to `tree`) as C++20.
inline std::string compile_commands_for(const testing::TempTree& tree,
                                        const std::vector<std::string>& files) {
  std::string entries;
  for (const auto& file : files) {
    entries += std::string(entries.empty() ? "" : ",\n") + "{\"directory\": \"" +
               tree.root().string() + "\", \"file\": \"" + file +
               "\", \"arguments\": [\"c++\", \"-std=c++20\", \"-c\", \"" + file + "\"]}";
  }
  return "[" + entries + "]";
}

}  // namespace retort
