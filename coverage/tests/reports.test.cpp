#include "retort/coverage/reports.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort::coverage {
namespace {

// Two files: a.cpp has 4 relevant lines of its 6, one missed; b.cpp has 2, both missed.
class ReportsOfTwoFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = tree_.write("src/a.cpp", "int a() {\n  return 1;\n}\nint b() {\n  return 2;\n}\n");
    auto b = tree_.write("src/b.cpp", "int c() {\n  return 3;\n}\n");
    data_.files[a].lines = {{1, 3}, {2, 3}, {4, 0}, {5, 0}};
    data_.files[a].functions = {{"a()", FunctionHits{1, 3}}, {"b()", FunctionHits{4, 0}}};
    data_.files[b].lines = {{1, 0}, {2, 0}};
    data_.files[b].functions = {{"c()", FunctionHits{1, 0}}};
    data_.files[b].add_branch({2, 0, 0}, std::nullopt);
    data_.files[b].add_branch({2, 0, 1}, std::nullopt);
  }

  retort::testing::TempTree tree_;
  CoverageData data_;
};

TEST_F(ReportsOfTwoFiles, TableShowsExcoverallsColumnsAndTotals) {
  std::ostringstream out;
  print_table(out, file_rows(data_, tree_.root()), true);
  EXPECT_EQ(out.str(),
            "----------------\n"
            "COV    FILE                                       LINES RELEVANT   MISSED\n"
            " 50.0% src/a.cpp                                      6        4        2\n"
            "  0.0% src/b.cpp                                      3        2        2\n"
            "[TOTAL]  33.3%\n"
            "----------------\n"
            "Lines:      33.3% (2 of 6)\n"
            "Functions:  33.3% (1 of 3)\n"
            "Branches:    0.0% (0 of 2)\n");
}

TEST_F(ReportsOfTwoFiles, DetailShowsHitCountsAndMissedLinesOfTheFilteredFiles) {
  std::ostringstream out;
  EXPECT_EQ(print_detail(out, data_, tree_.root(), DetailOptions{"a.cpp", false}), 1u);
  EXPECT_EQ(out.str(),
            "\nsrc/a.cpp  50.0% (2 of 4 lines)\n"
            "    1      3 | int a() {\n"
            "    2      3 |   return 1;\n"
            "    3        | }\n"
            "    4  ##### | int b() {\n"
            "    5  ##### |   return 2;\n"
            "    6        | }\n");
}

TEST_F(ReportsOfTwoFiles, DetailColoursCoveredLinesGreenAndMissedRed) {
  std::ostringstream out;
  print_detail(out, data_, tree_.root(), DetailOptions{"src/b*", true});
  EXPECT_NE(out.str().find("\033[31m    1  ##### | int c() {\033[0m"), std::string::npos)
      << out.str();
  EXPECT_EQ(out.str().find("a.cpp"), std::string::npos);
}

TEST_F(ReportsOfTwoFiles, JsonHasTotalsMissedLinesAndACoverallsArray) {
  auto json = coverage_json(data_, tree_.root(), nullptr);
  const auto* files = json.getAsObject()->getArray("files");
  ASSERT_EQ(files->size(), 2u);
  const auto* a = (*files)[0].getAsObject();
  EXPECT_EQ(a->getString("path"), "src/a.cpp");
  EXPECT_EQ(a->getObject("lines")->getInteger("hit"), 2);
  EXPECT_EQ(llvm::formatv("{0}", *a->get("missed_lines")).str(), "[4,5]");
  EXPECT_EQ(llvm::formatv("{0}", *a->get("coverage")).str(), "[3,3,null,0,0,null]");
  EXPECT_EQ(json.getAsObject()->getObject("totals")->getObject("functions")->getInteger("found"),
            3);
}

// llvm-cov reports a line whose counter expression wrapped below zero (a profile that
// does not match its binary) with a count past INT64_MAX; it stays that count, not -8.
TEST_F(ReportsOfTwoFiles, JsonWritesCountsPastInt64MaxUnsigned) {
  auto& lines = data_.files.begin()->second.lines;
  lines[1] = 18446744073709551608u;
  auto json = coverage_json(data_, tree_.root(), nullptr);
  const auto* a = (*json.getAsObject()->getArray("files"))[0].getAsObject();
  EXPECT_EQ(llvm::formatv("{0}", *a->get("coverage")).str(),
            "[18446744073709551608,3,null,0,0,null]");
}

TEST_F(ReportsOfTwoFiles, CoberturaHasRatesPerPackageClassAndLine) {
  auto xml = cobertura_xml(data_, tree_.root(), 1700000000);
  EXPECT_NE(xml.find("<coverage line-rate=\"0.3333\" branch-rate=\"0\" complexity=\"0\" "
                     "lines-covered=\"2\" lines-valid=\"6\" branches-covered=\"0\" "
                     "branches-valid=\"2\" timestamp=\"1700000000\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<package name=\"src\" line-rate=\"0.3333\""), std::string::npos);
  EXPECT_NE(xml.find("<class name=\"src_a_cpp\" filename=\"src/a.cpp\" line-rate=\"0.5\""),
            std::string::npos);
  EXPECT_NE(
      xml.find("<line number=\"2\" hits=\"0\" branch=\"true\" condition-coverage=\"0% (0/2)\"/>"),
      std::string::npos);
}

// Branches that were not measured say so everywhere: never "100% (0 of 0)".
TEST_F(ReportsOfTwoFiles, BranchesNotMeasuredAreShownAsSuchAndGiveNoRate) {
  for (auto& [path, file] : data_.files) file.branches.clear();
  std::ostringstream out;
  print_table(out, file_rows(data_, tree_.root()), true);
  EXPECT_NE(out.str().find("Branches:  not measured\n"), std::string::npos) << out.str();
  auto json = coverage_json(data_, tree_.root(), nullptr);
  const auto* branches = json.getAsObject()->getObject("totals")->getObject("branches");
  EXPECT_EQ(branches->getBoolean("measured"), false);
  EXPECT_EQ(branches->get("percent")->kind(), llvm::json::Value::Null);
  auto xml = cobertura_xml(data_, tree_.root(), 1700000000);
  EXPECT_EQ(xml.find("branch-rate=\"1\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<coverage line-rate=\"0.3333\" branch-rate=\"0\" complexity=\"0\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("branches-valid=\"0\""), std::string::npos) << xml;
}

TEST(LineRanges, CollapsesRunsOfConsecutiveLines) {
  EXPECT_EQ(format_line_ranges({3, 7, 8, 9, 12}), "3, 7-9, 12");
  EXPECT_EQ(format_line_ranges({}), "");
}

TEST(Percent, RoundsDownSoAShortfallNeverPrintsAsItsThreshold) {
  EXPECT_EQ(format_percent(99.96), "99.9");
  EXPECT_EQ(format_percent(100.0), "100.0");
  EXPECT_EQ(format_percent(100.0 * 2 / 3), "66.6");
}

}  // namespace
}  // namespace retort::coverage
