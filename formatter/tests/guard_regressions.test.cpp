// Code from real projects whose correct formatting the token guard once refused.
// Each case goes through libFormat for real; the guard must accept what it wrote.

#include <gtest/gtest.h>

#include "retort/formatter/formatter.hpp"

namespace retort::format {
namespace {

void expect_formats_cleanly(const std::string& code, std::string_view must_contain) {
  TextResult result = format_text(code, "regression.cpp", FormatOptions());
  ASSERT_EQ(result.status, FileStatus::changed)
      << (result.diagnostics.empty() ? "" : result.diagnostics.back().message);
  EXPECT_NE(result.formatted.find(must_contain), std::string::npos) << result.formatted;
  EXPECT_EQ(format_text(result.formatted, "regression.cpp", FormatOptions()).status,
            FileStatus::formatted);
}

TEST(GuardRegressions, IncludesSortedWithTheirTrailingComments) {
  expect_formats_cleanly("#include <cstdint> // uint8_t\n#include <cstddef> // size_t\n",
                         "#include <cstddef>  // size_t\n#include <cstdint>  // uint8_t\n");
}

TEST(GuardRegressions, UsingDeclarationsSortedAfterAConditionalBlock) {
  expect_formats_cleanly("namespace N { int a, b; }\n#if X\n#endif\nusing N::b;\nusing N::a;\n",
                         "using N::a;\nusing N::b;\n");
}

TEST(GuardRegressions, TemplateBracketsJoinedInAnAlias) {
  expect_formats_cleanly("#include <vector>\nusing B = std::vector<std::vector<int> >;\n",
                         "using B = std::vector<std::vector<int>>;\n");
}

// pugixml's test of its header guard includes the header twice; sorting would drop
// the second, so the file is formatted with its includes as they are.
TEST(GuardRegressions, ARepeatedIncludeIsKeptAndTheRestFormatted) {
  std::string code = "#include \"b.hpp\"\n#include \"b.hpp\"\n#include \"a.hpp\"\nint  x;\n";
  TextResult result = format_text(code, "regression.cpp", FormatOptions());
  ASSERT_EQ(result.status, FileStatus::changed);
  EXPECT_EQ(result.formatted,
            "#include \"b.hpp\"\n#include \"b.hpp\"\n#include \"a.hpp\"\nint x;\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].check_id, "format/sorting-kept");
  EXPECT_EQ(result.diagnostics[0].range.begin.line, 2u);  // the repeated one
}

// double-conversion's tests include utils.h above a main header that needs it, in a
// block of its own; the blocks an author separates keep their order.
TEST(GuardRegressions, IncludeBlocksKeepTheirOrder) {
  std::string code =
      "#include \"double-conversion/utils.h\"\n\n#include \"regression.h\"\n\nint  x;\n";
  TextResult result = format_text(code, "regression.cc", FormatOptions());
  ASSERT_EQ(result.status, FileStatus::changed);
  EXPECT_EQ(result.formatted,
            "#include \"double-conversion/utils.h\"\n\n#include \"regression.h\"\n\nint x;\n");
}

}  // namespace
}  // namespace retort::format
