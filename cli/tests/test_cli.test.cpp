// `retort test` end to end: the real executable over copies of the fixture programs
// in a temporary project, with real signals and a real CTest file.

#include <fstream>

#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

#include "cli_test_support.hpp"
#include "retort/core/file_io.hpp"

namespace retort {
namespace {

// A project whose test.binaries are copies of the two fixture programs.
class TestProject {
 public:
  TestProject() {
    std::filesystem::create_directories(tree.root() / "bin");
    std::filesystem::create_directories(tree.root() / "state");
    for (const char* fixture : {RETORT_FIXTURE_BASIC, RETORT_FIXTURE_TROUBLE})
      std::filesystem::copy_file(fixture,
                                 tree.root() / "bin" / std::filesystem::path(fixture).filename());
    tree.write(".retort.yaml", "test:\n  binaries: [\"bin/*\"]\n  timeout: 2\n");
  }

  // Runs `retort test arguments...`, through `wrapper` (e.g. `timeout -s INT 1`).
  ProcessResult run(std::vector<std::string> arguments, std::vector<std::string> wrapper = {}) {
    arguments.insert(arguments.begin(), "test");
    return run_command(std::move(arguments), std::move(wrapper));
  }

  // Runs `retort arguments...`, through `wrapper`.
  ProcessResult run_command(std::vector<std::string> arguments,
                            std::vector<std::string> wrapper = {}) {
    arguments.insert(arguments.begin(), RETORT_EXECUTABLE);
    arguments.insert(arguments.begin(), wrapper.begin(), wrapper.end());
    ProcessOptions options;
    options.working_directory = tree.root();
    options.extra_environment = {"NO_COLOR=1", "RETORT_FIXTURE_STATE=" + state().string()};
    auto result = run_process(arguments, options);
    if (!result) {
      ADD_FAILURE() << llvm::toString(result.takeError());
      return {};
    }
    return *result;
  }

  std::filesystem::path state() const { return tree.root() / "state"; }

  testing::TempTree tree;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(TestCommand, PassingTestsExitZeroWithTheSummaryAndClosingLine) {
  TestProject project;
  auto result = project.run({"Math.Adds:Sizes*:Small*:Skipping.*"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_output << result.standard_error;
  EXPECT_TRUE(contains(result.standard_output, "Finished in ")) << result.standard_output;
  EXPECT_TRUE(contains(result.standard_output, " of test time across 2 workers)"));
  EXPECT_TRUE(result.standard_output.ends_with("6 passed, 0 failed, 1 skipped\n"))
      << result.standard_output;
}

TEST(TestCommand, AFailureShowsTheComparedValuesAndTheCommandThatRerunsIt) {
  TestProject project;
  auto result = project.run({"Math.*"});
  EXPECT_EQ(result.exit_code, 1);
  const auto& out = result.standard_output;
  EXPECT_TRUE(contains(out, "1) FAIL Math.AddsBadly (bin/retort_fixture_basic,")) << out;
  EXPECT_TRUE(contains(out, "basic.cpp:15\n")) << out;
  EXPECT_TRUE(contains(out, "- add(2, 2) = 4\n     + 5\n")) << out;
  EXPECT_TRUE(contains(out, "rerun: retort test Math.AddsBadly\n")) << out;
  EXPECT_TRUE(out.ends_with("2 passed, 1 failed, 1 skipped\n")) << out;
}

TEST(TestCommand, CountsTimeoutsAndCrashesAfterTheClosingCounts) {
  TestProject project;
  auto result = project.run({"Crash.Segfaults:Hang.SleepsForever", "--timeout", "1"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.standard_output, "killed by SIGSEGV")) << result.standard_output;
  EXPECT_TRUE(contains(result.standard_output, "TIMEOUT Hang.SleepsForever"));
  EXPECT_TRUE(contains(result.standard_output, " s; its output so far:\n     going to sleep\n"))
      << result.standard_output;
  EXPECT_TRUE(
      result.standard_output.ends_with("0 passed, 2 failed, 0 skipped, 1 timed out, 1 crashed\n"))
      << result.standard_output;
}

// JUnit tells errors (crashes, timeouts) from failures, keeps each test's output, and
// stays well-formed XML when a test prints bytes that are not UTF-8.
TEST(TestCommand, JUnitHasErrorsFailuresOutputAndTimesAndParsesAsXml) {
  TestProject project;
  auto result = project.run({"Crash.Segfaults:Hang.SleepsForever:Math.AddsBadly", "--timeout", "1",
                             "--junit", "report.xml"});
  EXPECT_EQ(result.exit_code, 1) << result.standard_output;
  auto junit = project.tree.read("report.xml");
  EXPECT_TRUE(contains(junit, "<error message=\"killed by SIGSEGV\" type=\"crashed\">")) << junit;
  EXPECT_TRUE(contains(junit, "<error message=\"timed out\" type=\"timed_out\">")) << junit;
  EXPECT_TRUE(contains(junit, "<failure message=")) << junit;
  EXPECT_TRUE(contains(junit, "<system-out>about to crash \xEF\xBF\xBD\xEF\xBF\xBD(bytes"))
      << junit;
  EXPECT_TRUE(contains(junit, "errors=\"2\" skipped=\"0\"")) << junit;
  EXPECT_TRUE(contains(junit, "timestamp=\"20")) << junit;
  auto parsed = run_process({"python3", "-c",
                             "import sys, xml.etree.ElementTree as t; "
                             "root = t.parse(sys.argv[1]).getroot(); "
                             "print(len(root.findall('.//testcase')))",
                             (project.tree.root() / "report.xml").string()});
  ASSERT_TRUE(static_cast<bool>(parsed));
  EXPECT_EQ(parsed->exit_code, 0) << parsed->standard_error;
  EXPECT_EQ(parsed->standard_output, "3\n");
}

// With --format the report alone is on standard output, for a CI step to upload or
// the gate to merge; the progress and the closing line go to standard error.
TEST(TestCommand, FormatPrintsFailuresAsAnnotationsOrSarifAndTheProgressOnStandardError) {
  TestProject project;
  auto github = project.run({"Math.AddsBadly:Crash.Segfaults", "--format", "github"});
  EXPECT_EQ(github.exit_code, 1) << github.standard_error;
  EXPECT_TRUE(contains(github.standard_output,
                       "basic.cpp,line=15,col=1,endLine=15,endColumn=1,"
                       "title=test/failed::Math.AddsBadly failed: "
                       "expected equality of add(2, 2) = 4 and 5\n"))
      << github.standard_output;
  EXPECT_TRUE(
      contains(github.standard_output, "title=test/crashed::Crash.Segfaults crashed (SIGSEGV)"))
      << github.standard_output;
  for (std::size_t at = 0; at < github.standard_output.size();
       at = github.standard_output.find('\n', at) + 1)
    EXPECT_TRUE(github.standard_output.compare(at, 8, "::error ") == 0) << github.standard_output;
  EXPECT_TRUE(github.standard_error.ends_with("0 passed, 2 failed, 0 skipped, 1 crashed\n"))
      << github.standard_error;

  auto sarif = project.run({"Math.AddsBadly:Crash.Segfaults", "--format", "sarif"});
  auto parsed = llvm::json::parse(sarif.standard_output);
  ASSERT_TRUE(static_cast<bool>(parsed)) << sarif.standard_output;
  auto* results =
      parsed->getAsObject()->getArray("runs")->front().getAsObject()->getArray("results");
  ASSERT_EQ(results->size(), 2u);
  EXPECT_EQ(results->front().getAsObject()->getString("ruleId"), "test/failed");
}

TEST(TestCommand, FormatJsonCountsFlakyTestsAsFailuresUnderFlakyFails) {
  TestProject project;
  auto result = project.run(
      {"Flaky.PassesOnTheSecondTry", "--retries", "1", "--flaky-fails", "--format", "json"});
  EXPECT_EQ(result.exit_code, 1);
  auto parsed = llvm::json::parse(result.standard_output);
  ASSERT_TRUE(static_cast<bool>(parsed)) << result.standard_output;
  EXPECT_EQ(parsed->getAsObject()->getString("summary"), "0 passed, 1 failed, 0 skipped, 1 flaky");
  EXPECT_EQ(parsed->getAsObject()->getInteger("exit_code"), 1);
}

TEST(TestCommand, NoSelectedTestsExitsFour) {
  TestProject project;
  auto result = project.run({"NoSuchSuite.*"});
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_TRUE(contains(result.standard_output, "no tests selected (34 tests known)"));
}

TEST(TestCommand, BadOptionsAndBadConfigurationExitTwo) {
  TestProject project;
  auto partition = project.run({"--partition", "5/4"});
  EXPECT_EQ(partition.exit_code, 2);
  EXPECT_TRUE(contains(partition.standard_error, "--partition: expected K/N"));
  auto format = project.run({"--format", "yaml"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_TRUE(contains(format.standard_error, "unknown format 'yaml'")) << format.standard_error;
  project.tree.write(".retort.yaml", "test:\n  timeout: soon\n");
  auto config = project.run({"--list"});
  EXPECT_EQ(config.exit_code, 2);
  EXPECT_TRUE(contains(config.standard_error, ".retort.yaml:2:")) << config.standard_error;
}

TEST(TestCommand, FailedRerunsLastRunsFailuresAndNewTests) {
  TestProject project;
  EXPECT_EQ(project.run({"Math.*:Sizes*:Small*:Skipping.*"}).exit_code, 1);
  auto failed = project.run({"--failed", "--list"});
  EXPECT_TRUE(contains(failed.standard_output, "Math.AddsBadly")) << failed.standard_output;
  EXPECT_FALSE(contains(failed.standard_output, "Math.Adds ")) << failed.standard_output;
  EXPECT_TRUE(contains(failed.standard_output, "Crash.Segfaults")) << "never run: new";
}

TEST(TestCommand, StaleRunsOnlyProgramsChangedSinceTheirLastGreenRun) {
  TestProject project;
  auto ctest_file = [&](const std::string& good_command) {
    project.tree.write("build/CTestTestfile.cmake",
                       "add_test(Good \"/bin/sh\" \"-c\" \"" + good_command +
                           "\")\n"
                           "add_test(Bad \"/bin/sh\" \"-c\" \"exit 1\")\n");
  };
  ctest_file("exit 0");
  project.tree.write(".retort.yaml", "test:\n  build_directory: build\n");
  EXPECT_EQ(project.run({}).exit_code, 1);
  auto stale = project.run({"--stale", "--list"});
  EXPECT_EQ(stale.standard_output, "Bad  (Bad)\n");
  ctest_file("true; exit 0");
  stale = project.run({"--stale", "--list"});
  EXPECT_EQ(stale.standard_output, "Good  (Good)\nBad  (Bad)\n");
}

TEST(TestCommand, SeedIsPrintedAndSlowestListsTheSlowest) {
  TestProject project;
  auto result = project.run({"Slow.*:Math.Adds", "--seed", "7", "--slowest", "1"});
  EXPECT_TRUE(contains(result.standard_output, "Randomized with seed 7\n"));
  EXPECT_TRUE(contains(result.standard_output, "Slowest 1 test:\n")) << result.standard_output;
  EXPECT_TRUE(contains(result.standard_output, "Slow.TakesAWhile (bin/retort_fixture_trouble)"));
}

TEST(TestCommand, RetriesReportFlakyTestsAndFlakyFailsFailsTheRun) {
  TestProject project;
  auto result = project.run({"Flaky.PassesOnTheSecondTry", "--retries", "1", "--junit",
                             "report.xml", "--json", "report.json"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_output;
  EXPECT_TRUE(contains(result.standard_output, "FLAKY Flaky.PassesOnTheSecondTry"));
  EXPECT_TRUE(result.standard_output.ends_with("1 passed, 0 failed, 0 skipped, 1 flaky\n"));
  auto junit = project.tree.read("report.xml");
  EXPECT_TRUE(contains(junit, "<flakyFailure message=")) << junit;
  EXPECT_TRUE(contains(project.tree.read("report.json"), "\"status\": \"flaky\""));
  std::filesystem::remove(project.state() / "flaky-count");
  auto strict = project.run({"Flaky.PassesOnTheSecondTry", "--retries", "1", "--flaky-fails"});
  EXPECT_EQ(strict.exit_code, 1);
  // A run that fails says so in its closing line.
  EXPECT_TRUE(strict.standard_output.ends_with("0 passed, 1 failed, 0 skipped, 1 flaky\n"))
      << strict.standard_output;
}

// GoogleTest reads its flags from the environment too; a user's settings must not
// change what retort's tests find.
TEST(TestCommand, GoogleTestSettingsInTheEnvironmentDoNotChangeTheVerdicts) {
  TestProject project;
  auto plain = project.run({"Math.*"});
  auto hostile = project.run(
      {"Math.*"}, {"env", "GTEST_BRIEF=1", "GTEST_COLOR=yes", "GTEST_FILTER=Nothing.*",
                   "GTEST_TOTAL_SHARDS=3", "GTEST_SHARD_INDEX=2", "GTEST_REPEAT=2",
                   "GTEST_ALSO_RUN_DISABLED_TESTS=1", "GTEST_FAIL_FAST=1", "GTEST_PRINT_TIME=0"});
  EXPECT_EQ(hostile.exit_code, plain.exit_code) << hostile.standard_output;
  auto closing = [](const std::string& output) {
    return output.substr(output.rfind('\n', output.size() - 2) + 1);
  };
  EXPECT_EQ(closing(hostile.standard_output), closing(plain.standard_output))
      << hostile.standard_output;
  EXPECT_TRUE(contains(plain.standard_output, "FAIL Math.AddsBadly")) << plain.standard_output;
  EXPECT_TRUE(contains(hostile.standard_output, "FAIL Math.AddsBadly")) << hostile.standard_output;
}

// A report that cannot be written fails before any test runs, not after all of them.
TEST(TestCommand, AnUnwritableReportPathIsAUsageErrorBeforeAnyTestRuns) {
  TestProject project;
  project.tree.write("a-file", "");
  auto result = project.run({"Math.*", "--junit", "a-file/report.xml"});
  EXPECT_EQ(result.exit_code, 2) << result.standard_output << result.standard_error;
  EXPECT_TRUE(contains(result.standard_error, "a-file/report.xml")) << result.standard_error;
  EXPECT_FALSE(contains(result.standard_output, "passed")) << result.standard_output;
  auto folder = project.run({"Math.*", "--json", "bin"});
  EXPECT_EQ(folder.exit_code, 2) << folder.standard_error;
  EXPECT_TRUE(contains(folder.standard_error, "it is a folder")) << folder.standard_error;
}

TEST(TestCommand, RepeatUntilFailureStopsAtTheFirstFailingIteration) {
  TestProject project;
  auto result = project.run({"Flaky.AlwaysFails", "--repeat-until-failure", "3"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.standard_output, "Failed on iteration 1 of 3"));
  auto passing = project.run({"Math.Adds", "--repeat-until-failure", "3"});
  EXPECT_EQ(passing.exit_code, 0);
  EXPECT_TRUE(contains(passing.standard_output, "==> iteration 3 of 3"));
}

TEST(TestCommand, CtrlCStopsTheRunPrintsThePartialSummaryAndLeavesNoProcess) {
  TestProject project;
  auto result = project.run({"Hang.*", "--timeout", "600"},
                            {"timeout", "--preserve-status", "-s", "INT", "1"});
  EXPECT_EQ(result.exit_code, 130) << result.standard_output << result.standard_error;
  EXPECT_TRUE(contains(result.standard_output, "Interrupted: the run was stopped"));
  EXPECT_TRUE(result.standard_output.ends_with("3 not run\n")) << result.standard_output;
  auto left = run_process({"pgrep", "-f", project.tree.root().string()});
  ASSERT_TRUE(static_cast<bool>(left));
  EXPECT_EQ(left->standard_output, "") << "processes left behind";
}

TEST(TestCommand, CtrlCDuringTheGateStopsItsTestsStartsNoFurtherStepAndLeavesNoProcess) {
  TestProject project;
  project.tree.write(".retort.yaml",
                     "test:\n  binaries: [\"bin/*\"]\n  timeout: 600\n"
                     "ensure_consistency:\n  steps: [format, test, cover]\n");
  auto result = project.run_command({"ensure-consistency"},
                                    {"timeout", "--preserve-status", "-s", "INT", "2"});
  EXPECT_EQ(result.exit_code, 130) << result.standard_output << result.standard_error;
  const auto& out = result.standard_output;
  EXPECT_TRUE(contains(out, "Interrupted: the run was stopped")) << out;
  EXPECT_TRUE(contains(out, "==> format: passed")) << out;
  EXPECT_TRUE(contains(out, "\ntest        interrupted")) << out;
  EXPECT_TRUE(contains(out, "\ncover       interrupted")) << out;
  auto left = run_process({"pgrep", "-f", project.tree.root().string()});
  ASSERT_TRUE(static_cast<bool>(left));
  EXPECT_EQ(left->standard_output, "") << "processes left behind";
}

TEST(TestCommand, OnATerminalDrawsALiveProgressLine) {
  TestProject project;
  ProcessOptions options;
  options.working_directory = project.tree.root();
  options.extra_environment = {"NO_COLOR=1"};
  auto terminal = run_process(
      {"script", "-qec", std::string(RETORT_EXECUTABLE) + " test 'Slow.*'", "/dev/null"}, options);
  ASSERT_TRUE(static_cast<bool>(terminal));
  EXPECT_TRUE(contains(terminal->standard_output, "\r\x1b[2K[0/1] 1 running, 0 failed"))
      << terminal->standard_output;
}

TEST(TestCommand, TakesTestsFromCTestOneProgramPerBinaryAndRunsPlainCommands) {
  TestProject project;
  std::string basic = (project.tree.root() / "bin" / "retort_fixture_basic").string();
  project.tree.write(
      "build/CTestTestfile.cmake",
      "add_test(Math.Adds \"" + basic +
          "\" \"--gtest_filter=Math.Adds\")\n"
          "add_test(Math.AddsBadly \"" +
          basic +
          "\" \"--gtest_filter=Math.AddsBadly\")\n"
          "add_test(SaysHello \"/bin/sh\" \"-c\" \"echo hello; exit 3\")\n"
          "set_tests_properties(SaysHello PROPERTIES PASS_REGULAR_EXPRESSION \"hel+o\")\n"
          "add_test(ExpectedToFail \"/bin/false\")\n"
          "set_tests_properties(ExpectedToFail PROPERTIES WILL_FAIL TRUE)\n");
  project.tree.write(".retort.yaml", "test:\n  build_directory: build\n");
  auto listed = project.run({"--list"});
  EXPECT_TRUE(contains(listed.standard_output, "Small/Squares.AreNotNegative/2"))
      << listed.standard_output;
  EXPECT_TRUE(contains(listed.standard_output, "SaysHello  (SaysHello)")) << listed.standard_output;
  auto result = project.run({"Math.Adds:SaysHello:ExpectedToFail"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_output << result.standard_error;
  EXPECT_TRUE(result.standard_output.ends_with("3 passed, 0 failed, 0 skipped\n"))
      << result.standard_output;
}

// Each command fails when the other holds the shared directory, as two scripts that
// write the same files fail each other: kept apart, both pass.
std::string claims_shared_directory(const std::string& name, const std::filesystem::path& root) {
  auto shared = (root / "shared").string();
  return "add_test(" + name + " \"/bin/sh\" \"-c\" \"mkdir " + shared +
         " || exit 1; sleep 0.4; rmdir " + shared + "\")\n";
}

void expect_both_writers_pass(TestProject& project) {
  auto result = project.run({"-j", "2"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_output << result.standard_error;
  EXPECT_TRUE(result.standard_output.ends_with("2 passed, 0 failed, 0 skipped\n"))
      << result.standard_output;
}

TEST(TestCommand, KeepsPlainCommandsHoldingOneResourceLockApart) {
  TestProject project;
  auto root = project.tree.root();
  project.tree.write("build/CTestTestfile.cmake",
                     claims_shared_directory("WritesA", root) +
                         claims_shared_directory("WritesB", root) +
                         "set_tests_properties(WritesA WritesB PROPERTIES RESOURCE_LOCK data)\n");
  project.tree.write(".retort.yaml", "test:\n  build_directory: build\n");
  expect_both_writers_pass(project);
}

TEST(TestCommand, SerialGlobsNamePlainCommandsByTheirCTestName) {
  TestProject project;
  auto root = project.tree.root();
  project.tree.write("build/CTestTestfile.cmake", claims_shared_directory("WritesA", root) +
                                                      claims_shared_directory("WritesB", root));
  project.tree.write(".retort.yaml", "test:\n  build_directory: build\n  serial: [\"Writes*\"]\n");
  expect_both_writers_pass(project);
}

// CTest's fixtures, as glog's tests use them: a test that needs a fixture runs after
// its setup and not at all when the setup failed; the clean-up runs after every user.
TEST(TestCommand, CTestFixturesOrderTheirTestsAndAFailedSetupStopsItsUsers) {
  TestProject project;
  auto ready = (project.tree.root() / "ready").string();
  project.tree.write("build/CTestTestfile.cmake",
                     "add_test(Cleanup \"/bin/sh\" \"-c\" \"rm " + ready +
                         "\")\n"
                         "add_test(Uses \"/bin/sh\" \"-c\" \"test -f " +
                         ready +
                         "\")\n"
                         "add_test(Setup \"/bin/sh\" \"-c\" \"sleep 0.3; touch " +
                         ready +
                         "\")\n"
                         "add_test(NeedsBroken \"/bin/sh\" \"-c\" \"true\")\n"
                         "add_test(BrokenSetup \"/bin/sh\" \"-c\" \"exit 1\")\n"
                         "set_tests_properties(Setup PROPERTIES FIXTURES_SETUP db)\n"
                         "set_tests_properties(Uses PROPERTIES FIXTURES_REQUIRED db)\n"
                         "set_tests_properties(Cleanup PROPERTIES FIXTURES_CLEANUP db)\n"
                         "set_tests_properties(BrokenSetup PROPERTIES FIXTURES_SETUP broken)\n"
                         "set_tests_properties(NeedsBroken PROPERTIES FIXTURES_REQUIRED broken)\n");
  project.tree.write(".retort.yaml", "test:\n  build_directory: build\n");
  auto result = project.run({"-j", "2"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(result.standard_output.ends_with("3 passed, 2 failed, 0 skipped\n"))
      << result.standard_output;
  EXPECT_TRUE(contains(result.standard_output,
                       "not run: the test that sets up its fixture, BrokenSetup, failed"))
      << result.standard_output;
  EXPECT_FALSE(std::filesystem::exists(ready)) << "the clean-up ran before the test that uses it";
  // Selected alone, a test brings its fixture's setup and clean-up along.
  auto alone = project.run({"Uses"});
  EXPECT_EQ(alone.exit_code, 0) << alone.standard_output;
  EXPECT_TRUE(alone.standard_output.ends_with("3 passed, 0 failed, 0 skipped\n"))
      << alone.standard_output;
}

TEST(TestCommand, IsAStepOfEnsureConsistency) {
  TestProject project;
  project.tree.write(
      ".retort.yaml",
      "test:\n  binaries: [\"bin/*basic*\"]\nensure_consistency:\n  steps: [test]\n");
  auto result = project.run_command({"ensure-consistency"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.standard_output, "==> test: failed"));
  EXPECT_TRUE(contains(result.standard_output, "ensure-consistency: 0 of 1 steps passed"))
      << result.standard_output;
}

}  // namespace
}  // namespace retort
