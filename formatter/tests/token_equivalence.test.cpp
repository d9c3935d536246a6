#include "retort/formatter/token_equivalence.hpp"

#include <gtest/gtest.h>

namespace retort::format {
namespace {

bool same(std::string_view a, std::string_view b) {
  return !find_token_difference(a, b).has_value();
}

TEST(TokenEquivalence, WhitespaceAndLineBreaksDoNotMatter) {
  EXPECT_TRUE(same("int  f(int a){return a;}", "int f(int a) {\n  return a;\n}\n"));
  EXPECT_TRUE(same("int a;\r\nint b;\r\n", "int a;\nint b;\n"));
}

TEST(TokenEquivalence, AChangedDroppedOrAddedTokenIsCaughtWithItsLines) {
  auto renamed = find_token_difference("int a;\nint b;\n", "int a;\nint c;\n");
  ASSERT_TRUE(renamed.has_value());
  EXPECT_EQ(renamed->original_line, 2u);
  EXPECT_EQ(renamed->original_token, "b");
  EXPECT_EQ(renamed->formatted_token, "c");
  EXPECT_FALSE(renamed->is_in_comment);
  EXPECT_FALSE(same("f(a, b);", "f(a b);"));
  EXPECT_FALSE(same("x;", "x;;"));
  EXPECT_FALSE(same("const int x = 1;", "int const x = 1;"));
}

TEST(TokenEquivalence, IncludesMayBeReorderedWithinTheirBlockOnly) {
  EXPECT_TRUE(
      same("#include <b.h>\n#include <a.h>\nint x;\n", "#include <a.h>\n#include <b.h>\nint x;\n"));
  // double-conversion: a main header that needs the block above it stays below it.
  EXPECT_FALSE(same("#include \"utils.h\"\n\n#include \"main.h\"\n",
                    "#include \"main.h\"\n\n#include \"utils.h\"\n"));
  EXPECT_FALSE(
      same("#include <b.h>\nint x;\n#include <a.h>\n", "#include <a.h>\nint x;\n#include <b.h>\n"));
  EXPECT_FALSE(same("#include <a.h>\n", "#include <c.h>\n"));
}

TEST(TokenEquivalence, UsingDeclarationsMayBeSortedEvenWhenMovedToNewLines) {
  EXPECT_TRUE(same("using std::vector; using std::string;\nint x;",
                   "using std::string;\nusing std::vector;\nint x;"));
  EXPECT_TRUE(same("template <class T> using V = std::vector<T>;",
                   "template <class T>\nusing V = std::vector<T>;"));
}

TEST(TokenEquivalence, AnIncludeMovesWithTheCommentThatTrailsIt) {
  EXPECT_TRUE(same("#include <cstdint>  // uint8_t\n#include <cstddef>  // size_t\n",
                   "#include <cstddef>  // size_t\n#include <cstdint>  // uint8_t\n"));
  EXPECT_TRUE(same("#include <b.h>  // a long reason\n#include <a.h>\n",
                   "#include <a.h>\n#include <b.h>  // a long\n                // reason\n"));
  EXPECT_FALSE(same("#include <b.h>  // why b\n#include <a.h>  // why a\n",
                    "#include <a.h>  // why b\n#include <b.h>  // why a\n"));
  // A comment on its own line after the block stays where it is.
  EXPECT_TRUE(same("#include <b.h>\n#include <a.h>\n// about x\nint x;\n",
                   "#include <a.h>\n#include <b.h>\n// about x\nint x;\n"));
}

TEST(TokenEquivalence, UsingDeclarationsAfterADirectiveMaySortAndAliasesMayNot) {
  EXPECT_TRUE(same("#if X\n#endif\nusing N::b;\nusing N::a;\n",
                   "#if X\n#endif\nusing N::a;\nusing N::b;\n"));
  EXPECT_TRUE(same("using N::b;  // for b\nusing N::a;\n", "using N::a;\nusing N::b;  // for b\n"));
  EXPECT_FALSE(same("using B = int;\nusing A = long;\n", "using A = long;\nusing B = int;\n"));
  EXPECT_FALSE(
      same("using namespace b;\nusing namespace a;\n", "using namespace a;\nusing namespace b;\n"));
}

TEST(TokenEquivalence, TemplateBracketsMayJoinInsideAUsingToo) {
  EXPECT_TRUE(same("using B = std::vector<std::vector<int> >;\n",
                   "using B = std::vector<std::vector<int>>;\n"));
  EXPECT_TRUE(same("#include <a.h>\nusing std::vector; using B = vector<vector<int> >;\n",
                   "#include <a.h>\nusing std::vector;\nusing B = vector<vector<int>>;\n"));
}

TEST(TokenEquivalence, AdjacentStringLiteralsMayBeSplitOrJoined) {
  EXPECT_TRUE(same("f(\"hello world\");", "f(\"hello \"\n  \"world\");"));
  EXPECT_FALSE(same("f(\"hello world\");", "f(\"hello\", \"world\");"));
  EXPECT_FALSE(same("f(\"ab\");", "f(\"a\" u8\"b\");"));
}

TEST(TokenEquivalence, ClosingTemplateBracketsMayBeJoined) {
  EXPECT_TRUE(same("std::vector<std::vector<int> > v;", "std::vector<std::vector<int>> v;"));
}

TEST(TokenEquivalence, CommentsMayBeRewrappedButKeepTheirWords) {
  EXPECT_TRUE(same("//a long comment\nint x;", "// a long\n// comment\nint x;"));
  EXPECT_TRUE(same("/* one\n      * two */ int x;", "/* one\n * two */\nint x;"));
  auto changed = find_token_difference("// keep this\nint x;", "// keep that\nint x;");
  ASSERT_TRUE(changed.has_value());
  EXPECT_TRUE(changed->is_in_comment);
  EXPECT_FALSE(same("// a\nint x;", "int x;"));
}

TEST(TokenEquivalence, WhateverCommentEndsANamespaceMayBeReplaced) {
  // gflags writes these; libFormat replaces each with `// namespace ...`.
  EXPECT_TRUE(same("namespace {\nint x;\n}  // end unnamed namespaces\n",
                   "namespace {\nint x;\n}  // namespace\n"));
  EXPECT_TRUE(same("namespace NS {\nint x;\n} // NS\nint y;\n",
                   "namespace NS {\nint x;\n}  // namespace NS\nint y;\n"));
  // Other closing braces keep their comments, and so does the next line.
  EXPECT_FALSE(same("struct S {\n};  // S\n", "struct S {\n};\n"));
  EXPECT_FALSE(same("namespace NS {\n}\n// keep\n", "namespace NS {\n}  // namespace NS\n"));
  EXPECT_FALSE(
      same("namespace a = b;\nvoid f() {\n}  // f\n", "namespace a = b;\nvoid f() {\n}\n"));
}

TEST(TokenEquivalence, NamespaceEndCommentsMayBeAddedOrFixed) {
  EXPECT_TRUE(same("namespace a {\nint x;\n}", "namespace a {\nint x;\n}  // namespace a\n"));
  EXPECT_TRUE(same("namespace a {\n}  // namespace b", "namespace a {\n}  // namespace a"));
}

TEST(TokenEquivalence, LineSplicesOutsideDirectivesAreWhitespace) {
  EXPECT_TRUE(same("F(4251   \\\n/* class A */)", "F(\n    4251 /* class A */)"));
  EXPECT_TRUE(same("#define M(a) \\\n  a + 1\n", "#define M(a) a + 1\n"));
}

TEST(TokenEquivalence, CodeThatDoesNotLexStillCompares) {
  EXPECT_TRUE(same("int main( { \"unterminated\n", "int main({ \"unterminated\n"));
  EXPECT_TRUE(same("", ""));
}

}  // namespace
}  // namespace retort::format
