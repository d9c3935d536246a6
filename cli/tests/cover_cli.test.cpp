// `retort cover` end to end: the real executable over a copy of the coverage fixture
// project, configured and built with --coverage by CMake, in a real git repository.

#include <fstream>

#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

#include "cli_test_support.hpp"
#include "retort/core/file_io.hpp"

namespace retort {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The fixture project built into build/coverage, committed to git, with its test
// file left out of the reports.
class CoverProject {
 public:
  // With `is_source_based`, built by clang++-16 with source-based coverage.
  explicit CoverProject(bool is_source_based = false) : is_source_based_(is_source_based) {
    std::filesystem::copy(RETORT_COVERAGE_FIXTURE_DIR, tree.root(),
                          std::filesystem::copy_options::recursive);
    tree.write(".retort.yaml", "cover:\n  skip_files: [\"*_test.cpp\"]\n");
    tree.write(".gitignore", "build/\n");
    tree.init_git_repository();
    build();
  }

  void build() const {
    auto build = tree.root() / "build" / "coverage";
    std::vector<std::string> configure = {
        "cmake", "-S", tree.root().string(), "-B", build.string(), "-G", "Ninja"};
    if (is_source_based_) {
      configure.push_back("-DCMAKE_CXX_COMPILER=clang++-16");
      configure.push_back("-DSOURCE_BASED=ON");
    }
    for (const auto& argv :
         {configure, std::vector<std::string>{"cmake", "--build", build.string()}}) {
      auto result = run_process(argv);
      ASSERT_TRUE(result && result->exit_code == 0) << (result ? result->standard_error : "");
    }
  }

  testing::TempTree tree;

 private:
  bool is_source_based_;
};

// One built project for the tests that do not change it.
class CoverCommand : public ::testing::Test {
 protected:
  // Each test may run alone (retort test runs one per process): run the tests once, so
  // `--no-test` finds this run's data.
  static void SetUpTestSuite() {
    project_ = new CoverProject();
    cover({});
  }
  static void TearDownTestSuite() { delete project_; }
  static ProcessResult cover(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), "cover");
    return retort(project_->tree, std::move(arguments));
  }
  static CoverProject* project_;
};

CoverProject* CoverCommand::project_ = nullptr;

// calc.cpp: 32 lines, 11 relevant after its markers, 2 missed (never_called).
TEST_F(CoverCommand, RunsTheTestsThenPrintsTheTableWithTheHandComputedCounts) {
  auto result = cover({});
  EXPECT_EQ(result.exit_code, 0) << result.standard_output << result.standard_error;
  const auto& out = result.standard_output;
  EXPECT_TRUE(contains(out, "4 passed, 0 failed, 0 skipped\n")) << out;
  EXPECT_TRUE(
      contains(out, " 81.8% calc.cpp                                      32       11        2\n"))
      << out;
  EXPECT_FALSE(contains(out, "calc_test.cpp")) << out;
  EXPECT_TRUE(contains(out, "[TOTAL]  81.8%\n")) << out;
  EXPECT_TRUE(contains(out, "Functions:  75.0% (3 of 4)\n")) << out;
}

TEST_F(CoverCommand, MinimumGatesTheExitCodeFromTheCommandLineOrTheConfig) {
  auto below = cover({"--minimum", "90"});
  EXPECT_EQ(below.exit_code, 1);
  EXPECT_TRUE(contains(below.standard_output, "line coverage 81.8% is below the minimum of 90%"));
  EXPECT_EQ(cover({"--no-test", "--minimum", "81.8"}).exit_code, 0);
}

// With --format the report alone is on standard output; the table (and the test run
// before it) goes to standard error.
TEST_F(CoverCommand, FormatPrintsAFailedGateAsAnAnnotationOrTheJsonReport) {
  auto github = cover({"--minimum", "90", "--format", "github"});
  EXPECT_EQ(github.exit_code, 1) << github.standard_error;
  EXPECT_EQ(github.standard_output,
            "::error title=cover/below-minimum::line coverage 81.8%25 is below the minimum of "
            "90%25\n");
  EXPECT_TRUE(contains(github.standard_error, "4 passed, 0 failed, 0 skipped\n"))
      << github.standard_error;
  EXPECT_TRUE(contains(github.standard_error, "[TOTAL]  81.8%\n")) << github.standard_error;
  auto json = cover({"--no-test", "--format", "json"});
  EXPECT_EQ(json.exit_code, 0);
  auto parsed = llvm::json::parse(json.standard_output);
  ASSERT_TRUE(static_cast<bool>(parsed)) << json.standard_output;
  EXPECT_NE(parsed->getAsObject()->get("files"), nullptr) << json.standard_output;
}

TEST_F(CoverCommand, DetailPrintsTheFilteredSourceWithHitCounts) {
  auto result = cover({"--no-test", "--detail", "--filter", "calc.cpp"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(contains(result.standard_output, "\ncalc.cpp  81.8% (9 of 11 lines)\n"))
      << result.standard_output;
  EXPECT_TRUE(contains(result.standard_output, "   12  ##### | int never_called(int value) {\n"));
  EXPECT_TRUE(contains(result.standard_output, "    5      2 | int clamp_to_ten(int value) {\n"));
}

TEST_F(CoverCommand, WritesLcovCoberturaJsonAndHtmlReports) {
  auto reports = project_->tree.root() / "reports";
  auto result = cover({"--no-test", "--branches", "--lcov", (reports / "a.info").string(),
                       "--cobertura", (reports / "a.xml").string(), "--json",
                       (reports / "a.json").string(), "--html", (reports / "html").string()});
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  auto lcov = project_->tree.read("reports/a.info");
  EXPECT_TRUE(contains(lcov, "FNDA:2,_Z12clamp_to_teni\n")) << lcov;  // as lcov names it
  EXPECT_TRUE(contains(lcov, "BRF:5\nBRH:3\n")) << lcov;
  EXPECT_TRUE(contains(lcov, "LF:11\nLH:9\nend_of_record\n")) << lcov;
  EXPECT_TRUE(
      contains(project_->tree.read("reports/a.xml"), "filename=\"calc.cpp\" line-rate=\"0.8182\""));
  EXPECT_TRUE(contains(project_->tree.read("reports/a.json"),
                       "\"missed_lines\": [\n        12,\n        13\n"));
  EXPECT_TRUE(std::filesystem::exists(reports / "html" / "index.html"));
  EXPECT_TRUE(contains(result.standard_output, "Branches:   60.0% (3 of 5)\n"))
      << result.standard_output;
}

TEST_F(CoverCommand, MergedTracefilesOfTwoPartitionsEqualOneFullRun) {
  auto info = [&](const std::string& name) { return (project_->tree.root() / name).string(); };
  ASSERT_EQ(cover({"--lcov", info("full.info")}).exit_code, 0);
  ASSERT_EQ(cover({"--partition", "1/2", "--lcov", info("p1.info")}).exit_code, 0);
  ASSERT_EQ(cover({"--partition", "2/2", "--lcov", info("p2.info")}).exit_code, 0);
  EXPECT_NE(project_->tree.read("p1.info"), project_->tree.read("full.info"));
  auto merged = cover({"--add-tracefile", info("p1.info"), "--add-tracefile", info("p2.info"),
                       "--lcov", info("merged.info")});
  EXPECT_EQ(merged.exit_code, 0) << merged.standard_error;
  EXPECT_EQ(project_->tree.read("merged.info"), project_->tree.read("full.info"));
}

TEST_F(CoverCommand, ACorruptTracefileIsAUsageErrorNamingItsLine) {
  project_->tree.write("bad.info", "SF:/x/a.cpp\nDA:1,one\nend_of_record\n");
  auto result = cover({"--add-tracefile", (project_->tree.root() / "bad.info").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(
      contains(result.standard_error,
               "bad.info:2: corrupt lcov tracefile: expected a number for DA count, not 'one'"))
      << result.standard_error;
}

// A Clang build: the tests' profiles land below the build, llvm-cov reads them. Its
// lines are llvm-cov's: calc.cpp's markers and its unexecuted closing brace (14) left
// out, 15 relevant, never_called's 12 and 13 missed (86.6%: percentages are cut,
// as gcovr cuts them). A second run starts from zero.
TEST(CoverSourceBased, RunsTheTestsThenReportsLlvmCovsCountsWithMangledLcovNames) {
  CoverProject project(/*is_source_based=*/true);
  auto tracefile = project.tree.root() / "cover.info";
  for (int run = 0; run < 2; ++run) {
    auto result = retort(project.tree, {"cover", "--lcov", tracefile.string()});
    ASSERT_EQ(result.exit_code, 0) << result.standard_output << result.standard_error;
    EXPECT_TRUE(contains(result.standard_output, "4 passed, 0 failed, 0 skipped\n"))
        << result.standard_output;
    EXPECT_TRUE(
        contains(result.standard_output,
                 " 86.6% calc.cpp                                      32       15        2\n"))
        << result.standard_output;
    EXPECT_TRUE(contains(result.standard_output, "Functions:  75.0% (3 of 4)\n"))
        << result.standard_output;
    auto lcov = read_file(tracefile);
    ASSERT_TRUE(static_cast<bool>(lcov));
    EXPECT_TRUE(contains(*lcov, "FNDA:2,_Z12clamp_to_teni\n")) << *lcov;
  }
  auto profiles = project.tree.root() / "build" / "coverage" / "retort-profiles";
  EXPECT_TRUE(std::filesystem::is_directory(profiles));
}

TEST(CoverCommandErrors, WithoutACoverageBuildItSaysHowToMakeOne) {
  testing::TempTree tree;
  tree.write(".retort.yaml", "");
  auto result = retort(tree, {"cover", "--no-test"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(contains(result.standard_error, "build/coverage does not exist"));
  EXPECT_TRUE(contains(result.standard_error, "cmake --preset coverage")) << result.standard_error;
}

// A new, untested function since HEAD: its two lines are the changed code, both missed.
// What the command reads and writes is checked before any work: exit 2, naming it.
TEST(CoverCommandErrors, AMissingTracefileOrAnUnwritableReportIsAUsageError) {
  testing::TempTree tree;
  tree.write(".retort.yaml", "");
  tree.write("a-file", "");
  auto missing = retort(tree, {"cover", "--add-tracefile", "missing.info"});
  EXPECT_EQ(missing.exit_code, 2) << missing.standard_error;
  EXPECT_TRUE(contains(missing.standard_error, "--add-tracefile missing.info: no such file"))
      << missing.standard_error;
  auto unwritable = retort(tree, {"cover", "--no-test", "--lcov", "a-file/cover.info"});
  EXPECT_EQ(unwritable.exit_code, 2) << unwritable.standard_error;
  EXPECT_TRUE(contains(unwritable.standard_error, "a-file/cover.info"))
      << unwritable.standard_error;
}

TEST(CoverSince, ReportsTheChangedLinesAndGatesOnTheirOwnMinimum) {
  CoverProject project;
  std::ofstream(project.tree.root() / "calc.cpp", std::ios::app)
      << "\nint added(int v) {\n  return v - 1;\n}\n";
  project.build();
  auto result = retort(project.tree, {"cover", "--since", "HEAD", "--minimum-diff", "50"});
  EXPECT_EQ(result.exit_code, 1) << result.standard_output << result.standard_error;
  EXPECT_TRUE(contains(result.standard_output,
                       "Diff coverage since HEAD: 0.0% of 2 changed code lines (2 missed)\n  "
                       "calc.cpp: missed 34-35\n"))
      << result.standard_output;
  EXPECT_TRUE(contains(result.standard_output, "diff coverage 0.0% is below the minimum of 50%"));
  auto sarif = retort(project.tree, {"cover", "--no-test", "--since", "HEAD", "--minimum-diff",
                                     "50", "--format", "sarif"});
  EXPECT_EQ(sarif.exit_code, 1);
  auto parsed = llvm::json::parse(sarif.standard_output);
  ASSERT_TRUE(static_cast<bool>(parsed)) << sarif.standard_output;
  auto* results =
      parsed->getAsObject()->getArray("runs")->front().getAsObject()->getArray("results");
  ASSERT_EQ(results->size(), 2u) << sarif.standard_output;
  EXPECT_EQ(results->front().getAsObject()->getString("ruleId"), "cover/below-minimum");
  auto* uncovered = results->back().getAsObject();
  EXPECT_EQ(uncovered->getString("ruleId"), "cover/uncovered-change");
  EXPECT_EQ(uncovered->getObject("message")->getString("text"),
            "2 changed lines not executed by any test");
}

TEST(CoverSince, IsAStepOfEnsureConsistency) {
  CoverProject project;
  project.tree.write(".retort.yaml",
                     "cover:\n  skip_files: [\"*_test.cpp\"]\n  minimum: 90\n"
                     "ensure_consistency:\n  steps: [cover]\n");
  auto result = retort(project.tree, {"ensure-consistency"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.standard_output, "==> cover: failed, 1 findings"));
  EXPECT_TRUE(contains(result.standard_output, "ensure-consistency: 0 of 1 steps passed"))
      << result.standard_output;
}

}  // namespace
}  // namespace retort
