#include "retort/core/directives.hpp"

#include <gtest/gtest.h>

namespace retort {
namespace {

TEST(Directives, ReadTheVerbAndTheArgumentsOfALineOrBlockComment) {
  auto line = directive_on("f();  // retort: disable-line  warning/x, design/y ");
  ASSERT_TRUE(line);
  EXPECT_EQ(line->verb, "disable-line");
  EXPECT_EQ(line->arguments, "warning/x, design/y");
  auto block = directive_on("g(); /* retort: cover-ignore-next-line */ h();");
  ASSERT_TRUE(block);
  EXPECT_EQ(block->verb, "cover-ignore-next-line");
  EXPECT_EQ(block->arguments, "");
}

TEST(Directives, AStringLiteralNamingOneIsNotAComment) {
  EXPECT_FALSE(directive_on(R"(auto s = "// retort: disable-line warning/x";)"));
  EXPECT_FALSE(directive_on(R"(auto s = "a \" // retort: disable-line warning/x";)"));
  EXPECT_FALSE(directive_on("char c = '\"'; auto s = \"// retort: cover-ignore-begin\";"));
  auto after = directive_on(R"(auto s = "//"; // retort: disable-line warning/x)");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->arguments, "warning/x");
}

TEST(Directives, EveryCommentOnALineIsReadAndCodeKeepsWhatIsNotComment) {
  auto after_block = directive_on("x; /* a note */ // retort: disable-line warning/y");
  ASSERT_TRUE(after_block);
  EXPECT_EQ(after_block->arguments, "warning/y");
  EXPECT_EQ(code_of("f(a, /*verbose=*/true);  // why"), "f(a,  true);  ");
  EXPECT_EQ(code_of("void g(int /*unused*/) {"), "void g(int  ) {");
  EXPECT_EQ(code_of("int a; /* goes on"), "int a; ");
  EXPECT_EQ(code_of("auto s = \"/* not a comment */\";"), "auto s = \"/* not a comment */\";");
}

TEST(Directives, DigitSeparatorsDoNotOpenACharacterLiteral) {
  EXPECT_EQ(comment_start("int n = 1'000'000;  // NOLINT"), 20u);
  EXPECT_EQ(comment_start("int n = 0x1'FF; /* x */"), 16u);
  EXPECT_EQ(comment_start("char c = L'/'; // a"), 15u);
}

TEST(Directives, ALineWithoutACommentOrWithoutTheMarkerHasNone) {
  EXPECT_FALSE(comment_start("int a = b / c;"));
  EXPECT_FALSE(directive_on("// an ordinary comment"));
  EXPECT_FALSE(directive_on("// retort:"));
}

}  // namespace
}  // namespace retort
