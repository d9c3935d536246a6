#include "retort/core/process.hpp"

#include <stdlib.h>

#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

TEST(Process, CapturesOutputErrorAndExitCode) {
  auto result = run_process({"sh", "-c", "echo out; echo err >&2; exit 7"});
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->exit_code, 7);
  EXPECT_EQ(result->standard_output, "out\n");
  EXPECT_EQ(result->standard_error, "err\n");
}

TEST(Process, FeedsStandardInputAndRunsInTheGivenDirectory) {
  testing::TempTree tree;
  ProcessOptions options;
  options.standard_input = "hello";
  options.working_directory = tree.root();
  auto result = run_process({"sh", "-c", "cat; pwd"}, options);
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->standard_output, "hello" + tree.root().string() + "\n");
}

TEST(Process, AnExtraEnvironmentEntryReplacesTheInheritedOneOfItsName) {
  ::setenv("RETORT_PROCESS_TEST_SETTING", "inherited", 1);
  ProcessOptions options;
  options.extra_environment = {"RETORT_PROCESS_TEST_SETTING=extra"};
  auto result = run_process({"env"}, options);
  ::unsetenv("RETORT_PROCESS_TEST_SETTING");
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_NE(result->standard_output.find("RETORT_PROCESS_TEST_SETTING=extra\n"), std::string::npos);
  EXPECT_EQ(result->standard_output.find("RETORT_PROCESS_TEST_SETTING=inherited"),
            std::string::npos);
}

TEST(Process, LargeOutputOnBothStreamsDoesNotDeadlock) {
  ProcessOptions options;
  options.standard_input = std::string(1 << 20, 'x');
  auto result = run_process({"sh", "-c", "cat; head -c 1000000 /dev/zero >&2"}, options);
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->standard_output.size(), 1u << 20);
  EXPECT_EQ(result->standard_error.size(), 1000000u);
}

TEST(Process, ASignalIsReportedAs128PlusItsNumber) {
  auto result = run_process({"sh", "-c", "kill -9 $$"});
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->exit_code, 128 + 9);
}

TEST(Process, AMissingProgramIsAnError) {
  auto result = run_process({"retort-no-such-program"});
  ASSERT_FALSE(static_cast<bool>(result));
  EXPECT_NE(llvm::toString(result.takeError()).find("retort-no-such-program"), std::string::npos);
}

}  // namespace
}  // namespace retort
