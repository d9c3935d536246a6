#include "retort/coverage/llvm_cov.hpp"

#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

#include "fixture_build.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/process.hpp"
#include "retort/core/source_files.hpp"

namespace retort::coverage {
namespace {

using testing::FixtureBuild;

// One Clang source-based build of the fixture, its tests run once.
class LlvmCovOnFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixture_ = new FixtureBuild(/*is_source_based=*/true);
    ProcessOptions with_profile;
    with_profile.extra_environment = {profile_file_setting(fixture_->build())};
    auto result = run_process({fixture_->test_program().string()}, with_profile);
    ASSERT_TRUE(result && result->exit_code == 0);
  }
  static void TearDownTestSuite() { delete fixture_; }

  static LlvmCovOptions options() {
    LlvmCovOptions options;
    options.project_root = fixture_->project();
    options.excluded_directories = {fixture_->project() / "build"};
    return options;
  }

  static CoverageData collect(const LlvmCovOptions& options) {
    auto data = collect_llvm_cov(fixture_->build(), options);
    if (!data) {
      ADD_FAILURE() << llvm::toString(data.takeError());
      return {};
    }
    return std::move(*data);
  }

  static const FileCoverage& calc(const CoverageData& data) {
    return data.files.at(fixture_->project() / "calc.cpp");
  }

  static FixtureBuild* fixture_;
};

FixtureBuild* LlvmCovOnFixture::fixture_ = nullptr;

TEST_F(LlvmCovOnFixture, FindsTheTestProgramAndItsProfileAndTellsTheBuildKind) {
  EXPECT_EQ(find_instrumented_objects(fixture_->build()),
            std::vector{fixture_->test_program()});  // not calc.cpp.o, not libcalc.a
  // The test run's profile, and the one gtest_discover_tests' listing run left at
  // build time in the build directory (LLVM's default.profraw).
  auto profiles = find_profiles(fixture_->build());
  EXPECT_EQ(profiles.size(), 2u);
  EXPECT_TRUE(std::count(profiles.begin(), profiles.end(), fixture_->build() / "default.profraw"));
  EXPECT_TRUE(is_source_based_build(fixture_->build()));
  retort::testing::TempTree empty;
  EXPECT_FALSE(is_source_based_build(empty.root()));
}

// The tests call clamp_to_ten twice, checked_divide and sign_of once, never_called
// never; llvm-cov counts regions, so a closing brace that runs counts too.
TEST_F(LlvmCovOnFixture, CountsLinesAndFunctionsOfTheProjectsSourcesOnly) {
  auto data = collect(options());
  for (const auto& [path, file] : data.files)
    EXPECT_TRUE(is_inside(path, fixture_->project())) << path;
  EXPECT_TRUE(data.files.contains(fixture_->project() / "calc_test.cpp"));
  const auto& lines = calc(data).lines;
  EXPECT_EQ(lines.at(5), 2u);
  EXPECT_EQ(lines.at(12), 0u);
  EXPECT_EQ(lines.at(13), 0u);
  EXPECT_EQ(lines.at(16), 1u);
  const auto& functions = calc(data).functions;
  EXPECT_EQ(functions.at("clamp_to_ten(int)").count, 2u);
  EXPECT_EQ(functions.at("clamp_to_ten(int)").line, 5u);
  EXPECT_EQ(functions.at("clamp_to_ten(int)").mangled_name, "_Z12clamp_to_teni");
  EXPECT_EQ(functions.at("never_called(int)").count, 0u);
  EXPECT_TRUE(calc(data).branches.empty());  // not asked for
}

// The peer: llvm-cov's own summary of the same profile, file by file.
TEST_F(LlvmCovOnFixture, LineTotalsEqualLlvmCovsOwnSummary) {
  auto data = collect(options());
  auto merged = fixture_->build() / "retort-coverage.profdata";
  auto summary =
      run_process({"llvm-cov-16", "export", "-summary-only", "-instr-profile=" + merged.string(),
                   fixture_->test_program().string()});
  ASSERT_TRUE(summary && summary->exit_code == 0);
  auto document = llvm::json::parse(summary->standard_output);
  ASSERT_TRUE(static_cast<bool>(document)) << llvm::toString(document.takeError());
  const auto* files =
      document->getAsObject()->getArray("data")->front().getAsObject()->getArray("files");
  std::size_t compared = 0;
  for (const auto& file : *files) {
    std::filesystem::path path(file.getAsObject()->getString("filename")->str());
    if (!data.files.contains(path)) continue;
    const auto* lines = file.getAsObject()->getObject("summary")->getObject("lines");
    auto totals = totals_of(data.files.at(path));
    EXPECT_EQ(totals.lines.found, static_cast<std::size_t>(*lines->getInteger("count"))) << path;
    EXPECT_EQ(totals.lines.hit, static_cast<std::size_t>(*lines->getInteger("covered"))) << path;
    ++compared;
  }
  EXPECT_EQ(compared, data.files.size());
}

// Line 6 (value > 10) went both ways; 17 (divisor == 0) only to the division.
TEST_F(LlvmCovOnFixture, KeepsClangsBranchCountsWhenAsked) {
  auto with_branches = options();
  with_branches.is_collecting_branches = true;
  const auto& branches = calc(collect(with_branches)).branches;
  EXPECT_EQ(branches.at(BranchId{6, 0, 0}), 1u);
  EXPECT_EQ(branches.at(BranchId{6, 0, 1}), 1u);
  EXPECT_EQ(branches.at(BranchId{17, 0, 0}), 0u);
  EXPECT_EQ(branches.at(BranchId{17, 0, 1}), 1u);
}

// A test killed while writing leaves a truncated profile: a warning naming it, and the
// other profiles still count.
TEST_F(LlvmCovOnFixture, AnUnreadableProfileIsAWarningNamingIt) {
  auto broken = fixture_->build() / "retort-profiles" / "broken.profraw";
  { std::ofstream(broken) << "not a profile"; }
  std::vector<std::string> warnings;
  auto with_warnings = options();
  with_warnings.on_warning = [&](const std::string& text) { warnings.push_back(text); };
  auto data = collect(with_warnings);
  std::filesystem::remove(broken);
  EXPECT_EQ(calc(data).functions.at("clamp_to_ten(int)").count, 2u);
  bool names_it = false;
  for (const auto& warning : warnings)
    names_it |= warning.find("broken.profraw") != std::string::npos;
  EXPECT_TRUE(names_it) << ::testing::PrintToString(warnings);
}

TEST_F(LlvmCovOnFixture, AMissingLlvmToolIsAUsageErrorNamingItsConfigKey) {
  auto with_missing_tool = options();
  with_missing_tool.cov_executable = "llvm-cov-none";
  auto data = collect_llvm_cov(fixture_->build(), with_missing_tool);
  ASSERT_FALSE(static_cast<bool>(data));
  auto error = data.takeError();
  EXPECT_TRUE(error.isA<UsageError>());
  auto message = llvm::toString(std::move(error));
  EXPECT_NE(message.find("llvm-cov-none"), std::string::npos) << message;
  EXPECT_NE(message.find("cover.llvm_cov"), std::string::npos) << message;
}

TEST(LlvmCov, ABuildWithoutProfilesSaysHowToRunItsTests) {
  FixtureBuild fixture(/*is_source_based=*/true);
  EXPECT_EQ(remove_profiles(fixture.build()), 1u);  // the build-time listing's
  auto data = collect_llvm_cov(fixture.build(), LlvmCovOptions{});
  ASSERT_FALSE(static_cast<bool>(data));
  auto message = llvm::toString(data.takeError());
  EXPECT_NE(message.find("no coverage profiles (.profraw files)"), std::string::npos) << message;
  EXPECT_NE(message.find("LLVM_PROFILE_FILE="), std::string::npos) << message;
}

}  // namespace
}  // namespace retort::coverage
