#include "retort/coverage/gcov.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>

#include <gtest/gtest.h>

#include "fixture_build.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/lcov.hpp"
#include "retort/coverage/exclusions.hpp"

namespace retort::coverage {
namespace {

using testing::FixtureBuild;

// One build shared by the tests that only read its data.
class GcovOnFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixture_ = new FixtureBuild();
    fixture_->run_tests();
  }
  static void TearDownTestSuite() { delete fixture_; }

  static CoverageData collect_with_exclusions(const GcovOptions& options) {
    auto data = fixture_->collect(options);
    apply_exclusions(data, ExclusionOptions{fixture_->project(), {}});
    return data;
  }

  static const FileCoverage& calc(const CoverageData& data) {
    return data.files.at(fixture_->project() / "calc.cpp");
  }

  static FixtureBuild* fixture_;
};

FixtureBuild* GcovOnFixture::fixture_ = nullptr;

// calc.cpp, worked out by hand. gcc counts a function's opening line and each
// statement, not closing braces. The tests call clamp_to_ten twice (20 and 3),
// checked_divide once and sign_of once (5); never_called never.
// Excluded: 22 (LCOV_EXCL_LINE), 24 (cover-ignore-next-line on 23), 28-32 (begin/end).
TEST_F(GcovOnFixture, CountsEveryLineOfTheFixtureAsWorkedOutByHand) {
  auto data = collect_with_exclusions(fixture_->options());
  std::map<unsigned, std::uint64_t> expected{{5, 2},  {6, 2},  {7, 1},  {9, 1},  {12, 0}, {13, 0},
                                             {16, 1}, {17, 1}, {18, 1}, {21, 1}, {25, 1}};
  EXPECT_EQ(calc(data).lines, expected);
  auto totals = totals_of(calc(data));
  EXPECT_EQ(totals.lines.found, 11u);
  EXPECT_EQ(totals.lines.hit, 9u);
}

TEST_F(GcovOnFixture, CountsFunctionsAndLeavesOutAnExcludedOne) {
  auto data = collect_with_exclusions(fixture_->options());
  const auto& functions = calc(data).functions;
  ASSERT_EQ(functions.size(), 4u);  // debug_only lies in the ignored region
  EXPECT_EQ(functions.at("clamp_to_ten(int)").count, 2u);
  EXPECT_EQ(functions.at("clamp_to_ten(int)").line, 5u);
  EXPECT_EQ(functions.at("never_called(int)").count, 0u);
  EXPECT_EQ(functions.at("checked_divide(int, int)").count, 1u);
  EXPECT_EQ(functions.at("sign_of(int)").count, 1u);
  EXPECT_EQ(totals_of(calc(data)).functions.hit, 3u);
}

// Line 6 (value > 10) went both ways. Line 17 (divisor == 0) has two outcomes and one
// more edge for the exception object's constructor, which leaves by a throw only when
// allocation fails: 3 branches, 1 taken; its fourth, the throw edge, is left out by
// default. Lines 22 and 24 are excluded.
TEST_F(GcovOnFixture, CountsBranchesWithoutThrowBranchesByDefault) {
  auto data = collect_with_exclusions(fixture_->options());
  auto branches = totals_of(calc(data)).branches;
  EXPECT_EQ(branches.found, 5u);
  EXPECT_EQ(branches.hit, 3u);

  auto options = fixture_->options();
  options.is_excluding_throw_branches = false;
  auto with_throws = totals_of(calc(collect_with_exclusions(options))).branches;
  EXPECT_EQ(with_throws.found, 6u);
  EXPECT_EQ(with_throws.hit, 3u);
}

TEST_F(GcovOnFixture, CollectsNoBranchesUnlessAsked) {
  auto options = fixture_->options();
  options.is_collecting_branches = false;
  EXPECT_TRUE(calc(collect_with_exclusions(options)).branches.empty());
}

TEST_F(GcovOnFixture, KeepsOnlyTheProjectsSourcesOutsideTheBuildTree) {
  auto data = fixture_->collect(fixture_->options());
  std::vector<std::string> names;
  for (const auto& [path, file] : data.files) names.push_back(path.filename().string());
  // gtest's headers and the standard library lie outside the project.
  EXPECT_EQ(names, (std::vector<std::string>{"calc.cpp", "calc_test.cpp"}));
}

TEST(Gcov, MergingTwoPartialRunsThroughTracefilesEqualsOneFullRun) {
  FixtureBuild fixture;
  fixture.run_tests();
  auto full = fixture.collect(fixture.options());
  fixture.run_tests("Calc.Clamps*");
  auto first = parse_lcov(to_lcov(fixture.collect(fixture.options())), "first.info");
  fixture.run_tests("-Calc.Clamps*");
  auto second = parse_lcov(to_lcov(fixture.collect(fixture.options())), "second.info");
  ASSERT_TRUE(first && second);
  first->merge(*second);
  EXPECT_EQ(to_lcov(*first), to_lcov(full));
  EXPECT_EQ(first->files.at(fixture.project() / "calc.cpp").lines.at(5), 2u);
}

std::string collect_error(const FixtureBuild& fixture) {
  auto files = find_gcda_files(fixture.build());
  if (!files) return llvm::toString(files.takeError());
  auto data = collect_gcov(*files, fixture.options());
  return data ? "" : llvm::toString(data.takeError());
}

TEST(Gcov, DataOlderThanTheBuildIsAnErrorNamingTheFileAndWhatToDo) {
  FixtureBuild fixture;
  fixture.run_tests();
  std::ofstream(fixture.project() / "calc.cpp", std::ios::app) << "int added() { return 4; }\n";
  // Only the library: relinking the test would list its tests, and that run would
  // overwrite the data.
  FixtureBuild::run({"cmake", "--build", fixture.build().string(), "--target", "calc"});
  auto error = collect_error(fixture);
  EXPECT_NE(error.find("calc.cpp.gcda:stamp mismatch with notes file"), std::string::npos) << error;
  EXPECT_NE(error.find("rerun the tests"), std::string::npos) << error;
}

// A source edited, touched or restored since it was compiled leaves its counts
// readable: gcov's complaint is a warning naming the file, not a failure.
TEST(Gcov, ASourceNewerThanItsNotesIsAWarningNamingItNotAnError) {
  FixtureBuild fixture;
  fixture.run_tests();
  auto source = fixture.project() / "calc.cpp";
  std::filesystem::last_write_time(
      source, std::filesystem::file_time_type::clock::now() + std::chrono::hours(1));
  std::vector<std::string> warnings;
  auto options = fixture.options();
  options.on_warning = [&](const std::string& warning) { warnings.push_back(warning); };
  auto data = fixture.collect(options);
  EXPECT_FALSE(data.files.at(source).lines.empty());
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings.front().find("calc.cpp"), std::string::npos) << warnings.front();
  EXPECT_NE(warnings.front().find("newer than notes file"), std::string::npos) << warnings.front();
}

// An object no test reached (a .gcno without its .gcda) is listed at 0%, as gcovr lists
// it, rather than left out of the report.
TEST(Gcov, AnObjectNoTestReachedIsReportedWithEveryLineUnrun) {
  FixtureBuild fixture;
  fixture.run_tests();
  auto files = find_gcda_files(fixture.build());
  ASSERT_TRUE(static_cast<bool>(files));
  auto library = std::find_if(files->begin(), files->end(),
                              [](const auto& file) { return file.filename() == "calc.cpp.gcda"; });
  ASSERT_NE(library, files->end());
  std::filesystem::remove(*library);
  auto unreached = find_unreached_notes(fixture.build());
  ASSERT_EQ(unreached.size(), 1u);
  EXPECT_EQ(unreached.front().filename(), "calc.cpp.gcno");
  auto inputs = *find_gcda_files(fixture.build());
  inputs.insert(inputs.end(), unreached.begin(), unreached.end());
  auto data = collect_gcov(inputs, fixture.options());
  ASSERT_TRUE(static_cast<bool>(data)) << llvm::toString(data.takeError());
  const auto& calc = data->files.at(fixture.project() / "calc.cpp");
  ASSERT_FALSE(calc.lines.empty());
  for (const auto& [line, count] : calc.lines) EXPECT_EQ(count, 0u) << "line " << line;
  EXPECT_EQ(totals_of(calc).functions.hit, 0u);
}

// A unit without functions (only a preprocessor check, as pugixml's test_version.cpp)
// has notes gcov finds nothing in: nothing to count, not an error.
TEST(Gcov, AnObjectWithoutFunctionsHasNothingToCount) {
  retort::testing::TempTree tree;
  tree.write("version_check.cpp", "#if __cplusplus < 201103L\n#error too old\n#endif\n");
  ProcessOptions in_tree;
  in_tree.working_directory = tree.root();
  auto compiled = run_process(
      {"g++", "--coverage", "-c", "version_check.cpp", "-o", "version_check.o"}, in_tree);
  ASSERT_TRUE(compiled && compiled->exit_code == 0);
  GcovOptions options;
  options.project_root = tree.root();
  auto data = collect_gcov(find_unreached_notes(tree.root()), options);
  ASSERT_TRUE(static_cast<bool>(data)) << llvm::toString(data.takeError());
  EXPECT_TRUE(data->files.empty());
}

// genhtml splits `FN:<line>,<name>` at commas: the tracefile names functions as the
// object does, so genhtml reads exactly the functions the tracefile lists.
TEST(Gcov, GenhtmlReadsEveryFunctionTheTracefileLists) {
  FixtureBuild fixture;
  fixture.run_tests();
  auto data = fixture.collect(fixture.options());
  // An overload known only by its demangled name (as doc-grade's symbols are).
  auto& calc = data.files.at(fixture.project() / "calc.cpp");
  ASSERT_TRUE(calc.functions.count("checked_divide(int, int)"));
  calc.functions["checked_divide(int, double)"] = {17, 0, ""};
  auto totals = totals_of(data);
  auto tracefile = fixture.project() / "coverage.info";
  std::ofstream(tracefile) << to_lcov(data);
  auto html =
      run_process({"genhtml", "-o", (fixture.project() / "html").string(), tracefile.string()});
  ASSERT_TRUE(static_cast<bool>(html));
  EXPECT_EQ(html->exit_code, 0) << html->standard_error;
  std::string expected = "of " + std::to_string(totals.functions.found) + " functions)";
  EXPECT_NE(html->standard_output.find(expected), std::string::npos) << html->standard_output;
  // Read back, a mangled name is shown demangled again.
  auto read_back = parse_lcov(to_lcov(data), "coverage.info");
  ASSERT_TRUE(static_cast<bool>(read_back));
  EXPECT_TRUE(read_back->files.at(fixture.project() / "calc.cpp")
                  .functions.count("checked_divide(int, int)"));
}

TEST(Gcov, CorruptDataIsAnErrorNamingTheFile) {
  FixtureBuild fixture;
  fixture.run_tests();
  auto files = find_gcda_files(fixture.build());
  ASSERT_TRUE(static_cast<bool>(files));
  std::ofstream(files->front(), std::ios::trunc) << "not gcov data";
  auto error = collect_error(fixture);
  EXPECT_NE(error.find(files->front().string() + ":not a gcov data file"), std::string::npos)
      << error;
}

TEST(Gcov, NoDataExplainsWhetherToRunTheTestsOrBuildForCoverage) {
  FixtureBuild fixture;
  remove_gcda_files(fixture.build());
  EXPECT_NE(collect_error(fixture).find("has not run its tests yet"), std::string::npos);

  retort::testing::TempTree plain;
  auto error = find_gcda_files(plain.root());
  ASSERT_FALSE(static_cast<bool>(error));
  EXPECT_NE(llvm::toString(error.takeError()).find("cmake --preset coverage"), std::string::npos);

  auto missing = find_gcda_files(plain.root() / "nowhere");
  ASSERT_FALSE(static_cast<bool>(missing));
  EXPECT_NE(llvm::toString(missing.takeError()).find("does not exist"), std::string::npos);
}

}  // namespace
}  // namespace retort::coverage
