#include "retort/core/lcov.hpp"

#include <gtest/gtest.h>

namespace retort {
namespace {

TEST(Tracefile, RoundTripsLinesFunctionsAndBranches) {
  CoverageData data;
  auto& file = data.files["/project/src/a.cpp"];
  file.lines = {{3, 2}, {4, 0}};
  file.functions["f(int, int)"] = FunctionHits{3, 2, "_Z1fii"};
  file.add_branch({3, 0, 0}, 2);
  file.add_branch({4, 0, 1}, std::nullopt);

  auto text = to_lcov(data, "unit");
  // The record names the function as the object does: lcov splits FN at commas.
  EXPECT_NE(text.find("SF:/project/src/a.cpp\nFN:3,_Z1fii\nFNDA:2,_Z1fii\nFNF:1\nFNH:1\n"
                      "BRDA:3,0,0,2\nBRDA:4,0,1,-\nBRF:2\nBRH:1\nDA:3,2\nDA:4,0\nLF:2\nLH:1\n"
                      "end_of_record\n"),
            std::string::npos)
      << text;
  auto parsed = parse_lcov(text, "a.info");
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  ASSERT_EQ(parsed->files.size(), 1u);
  const auto& back = parsed->files.begin()->second;
  EXPECT_EQ(back.lines, file.lines);
  EXPECT_EQ(back.functions.at("f(int, int)").line, 3u);
  EXPECT_EQ(back.functions.at("f(int, int)").count, 2u);
  EXPECT_EQ(back.functions.at("f(int, int)").mangled_name, "_Z1fii");
  EXPECT_EQ(back.branches, file.branches);
}

// A name known only demangled (doc-grade's symbols) never puts a comma in the record.
TEST(Tracefile, ANameWithoutAMangledFormHasItsCommasReplaced) {
  CoverageData data;
  data.files["/project/a.hpp"].functions["g(int, char)"] = FunctionHits{7, 1};
  data.files["/project/a.hpp"].lines = {{7, 1}};
  auto text = to_lcov(data, "unit");
  EXPECT_NE(text.find("FN:7,g(int; char)\nFNDA:1,g(int; char)\n"), std::string::npos) << text;
}

TEST(Tracefile, MergesRecordsOfOneFileBySummingCounts) {
  auto parsed = parse_lcov(
      "SF:/p/a.cpp\nDA:1,1\nDA:2,0\nBRDA:2,0,0,-\nend_of_record\n"
      "SF:/p/a.cpp\nDA:1,2\nDA:2,3\nBRDA:2,0,0,4\nend_of_record\n",
      "two.info");
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  const auto& file = parsed->files.at("/p/a.cpp");
  EXPECT_EQ(file.lines.at(1), 3u);
  EXPECT_EQ(file.lines.at(2), 3u);
  EXPECT_EQ(file.branches.at(BranchId{2, 0, 0}), std::optional<std::uint64_t>(4));
}

std::string error_of(const std::string& text) {
  auto parsed = parse_lcov(text, "bad.info");
  if (parsed) return "";
  return llvm::toString(parsed.takeError());
}

TEST(Tracefile, ACorruptLineIsAnErrorNamingTheFileLineAndWhatWasExpected) {
  EXPECT_EQ(error_of("SF:/p/a.cpp\nDA:1,1\nDA:x,1\nend_of_record\n"),
            "bad.info:3: corrupt lcov tracefile: expected a number for DA line, not 'x'");
  EXPECT_EQ(error_of("DA:1,1\n"),
            "bad.info:1: corrupt lcov tracefile: expected 'SF:<path>' before 'DA:'");
  EXPECT_EQ(
      error_of("SF:/p/a.cpp\nDA:1,1\n"),
      "bad.info:2: corrupt lcov tracefile: expected 'end_of_record' before the end of the file");
  EXPECT_EQ(error_of("SF:/p/a.cpp\nBRDA:1,0,0\nend_of_record\n"),
            "bad.info:2: corrupt lcov tracefile: expected 'BRDA:<line>,<block>,<branch>,<taken>'");
  EXPECT_NE(error_of("SF:/p/a.cpp\nWHAT:1\nend_of_record\n").find("bad.info:2:"),
            std::string::npos);
}

}  // namespace
}  // namespace retort
