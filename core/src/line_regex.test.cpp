#include "retort/core/line_regex.hpp"

#include <gtest/gtest.h>

namespace retort {
namespace {

TEST(LineRegex, MatchesAnOrdinaryLine) {
  std::smatch match;
  EXPECT_TRUE(search_line("#ifndef GUARD_H", match, std::regex(R"(#ifndef\s+(\w+))")));
  EXPECT_EQ(match.str(1), "GUARD_H");
  EXPECT_TRUE(match_line("int x = 1;", std::regex(R"(int .*;)")));
  EXPECT_FALSE(match_line("int x = 1;", std::regex(R"(int)")));
}

TEST(LineRegex, ALineAtTheLimitIsStillMatched) {
  std::string line(max_regex_line, 'a');
  EXPECT_TRUE(match_line(line, std::regex("a+")));
}

// std::regex_match of `.*` on this line overflows the stack.
TEST(LineRegex, AVeryLongLineMatchesNothingInsteadOfOverflowingTheStack) {
  std::string line = "// " + std::string(500'000, 'x') + " TODO";
  std::regex anything_then_todo(R"(//.*TODO)");
  std::smatch match;
  EXPECT_FALSE(search_line(line, match, anything_then_todo));
  EXPECT_TRUE(match.empty());
  EXPECT_FALSE(search_line(line, anything_then_todo));
  EXPECT_FALSE(match_line(line, anything_then_todo));
}

}  // namespace
}  // namespace retort
