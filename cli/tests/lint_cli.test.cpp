// `retort lint`'s gates and fixes end to end: the real executable on real files,
// a real compilation database and a real git history.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_test_support.hpp"

namespace retort {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A project with one low-priority finding (a TODO) and one normal one (a cast).
void write_project(const testing::TempTree& tree) {
  tree.write("src/a.cpp",
             "// TODO: tidy\n"
             "int truncate(double d) { return (int)d; }\n");
  tree.write("build/compile_commands.json", compile_commands_for(tree, {"src/a.cpp"}));
}

TEST(LintCli, LowPrioritiesShowOnlyWithStrictOrTheConfig) {
  testing::TempTree tree;
  write_project(tree);
  auto normal = retort(tree, {"lint"});
  EXPECT_THAT(normal.standard_output, Not(HasSubstr("design/todo-tags")));
  EXPECT_THAT(normal.standard_output, HasSubstr("1 low-priority finding(s) not shown"));
  EXPECT_THAT(retort(tree, {"lint", "--strict"}).standard_output, HasSubstr("design/todo-tags"));
  tree.write(".retort.yaml", "lint:\n  strict: true\n");
  EXPECT_THAT(retort(tree, {"lint"}).standard_output, HasSubstr("design/todo-tags"));
}

TEST(LintCli, FindingsInAnExcludedHeaderAreNotReportedThroughTheFilesThatIncludeIt) {
  testing::TempTree tree;
  tree.write("legacy/v.hpp", "inline int legacy_truncate(double d) { return (int)d; }\n");
  tree.write("src/a.cpp", "#include \"../legacy/v.hpp\"\nint own(double d) { return (int)d; }\n");
  tree.write("build/compile_commands.json", compile_commands_for(tree, {"src/a.cpp"}));
  auto included = retort(tree, {"lint"});
  EXPECT_THAT(included.standard_output, HasSubstr("legacy/v.hpp:1:"));
  tree.write(".retort.yaml", "files:\n  exclude: [\"legacy/**\"]\n");
  auto excluded = retort(tree, {"lint"});
  EXPECT_THAT(excluded.standard_output, Not(HasSubstr("legacy/v.hpp")));
  EXPECT_THAT(excluded.standard_output, HasSubstr("src/a.cpp:2:"));
}

TEST(LintCli, VendoredCodeIsNotLintedNorReportedUnlessConfigured) {
  testing::TempTree tree;
  tree.write("third_party/v/v.hpp", "inline int vendor_truncate(double d) { return (int)d; }\n");
  tree.write("third_party/v/v.cpp", "int vendor_cast(double d) { return (int)d; }\n");
  tree.write("src/a.cpp",
             "#include \"../third_party/v/v.hpp\"\nint own(double d) { return (int)d; }\n");
  tree.write("build/compile_commands.json",
             compile_commands_for(tree, {"src/a.cpp", "third_party/v/v.cpp"}));
  auto vendored = retort(tree, {"lint"});
  EXPECT_THAT(vendored.standard_output, Not(HasSubstr("third_party")));
  EXPECT_THAT(vendored.standard_output, HasSubstr("src/a.cpp:2:"));
  EXPECT_THAT(vendored.standard_output, HasSubstr("1 vendored folder skipped"));
  tree.write(".retort.yaml", "files:\n  vendored: []\n");
  auto everything = retort(tree, {"lint"});
  EXPECT_THAT(everything.standard_output, HasSubstr("third_party/v/v.hpp:1:"));
  EXPECT_THAT(everything.standard_output, HasSubstr("third_party/v/v.cpp:1:"));
}

TEST(LintCli, ChecksAreConfiguredInRetortYamlAndMistakesAreUsageErrors) {
  testing::TempTree tree;
  write_project(tree);
  tree.write(".retort.yaml", "lint:\n  checks:\n    warning/c-style-cast: {enabled: false}\n");
  auto quiet = retort(tree, {"lint"});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.standard_output << quiet.standard_error;
  tree.write(".retort.yaml", "lint:\n  checks:\n    warning/c-style-cats: false\n");
  auto typo = retort(tree, {"lint"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_THAT(typo.standard_error, HasSubstr(".retort.yaml:3:27: unknown check "
                                             "'warning/c-style-cats' in 'lint.checks' (did you "
                                             "mean 'warning/c-style-cast'?)"));
}

TEST(LintCli, ABaselineGatesOnlyOnNewFindings) {
  testing::TempTree tree;
  write_project(tree);
  auto written = retort(tree, {"lint", "--write-baseline", "lint-baseline.json"});
  EXPECT_EQ(written.exit_code, 0) << written.standard_error;
  EXPECT_THAT(written.standard_output, HasSubstr("Wrote 2 finding(s) to lint-baseline.json"));
  EXPECT_EQ(retort(tree, {"lint", "--baseline", "lint-baseline.json"}).exit_code, 0);
  tree.write("src/a.cpp",
             "// TODO: tidy\n\n"
             "int truncate(double d) { return (int)d; }\n"
             "long widen(int i) { return (long)i; }\n");
  auto after = retort(tree, {"lint", "--baseline", "lint-baseline.json"});
  EXPECT_EQ(after.exit_code, 1);
  EXPECT_THAT(after.standard_output, HasSubstr("src/a.cpp:4:"));
  EXPECT_THAT(after.standard_output, Not(HasSubstr("src/a.cpp:3:")));
  tree.write("broken.json", "{\"schema\": 1,");
  auto broken = retort(tree, {"lint", "--baseline", "broken.json"});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_THAT(broken.standard_error, HasSubstr("broken.json: not a retort baseline file"));
}

TEST(LintCli, SinceReportsOnlyFindingsOnChangedLines) {
  testing::TempTree tree;
  tree.init_git_repository();
  write_project(tree);
  tree.git({"add", "."});
  tree.git({"commit", "-qm", "start"});
  tree.write("src/a.cpp",
             "// TODO: tidy\n"
             "int truncate(double d) { return (int)d; }\n"
             "long widen(int i) { return (long)i; }\n");
  auto result = retort(tree, {"lint", "--since", "HEAD"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.standard_output, HasSubstr("src/a.cpp:3:"));
  EXPECT_THAT(result.standard_output, Not(HasSubstr("src/a.cpp:2:")));
  EXPECT_EQ(retort(tree, {"lint", "--since", "no-such-rev"}).exit_code, 2);
}

TEST(LintCli, ExplainAPlaceShowsTheCodeACaretWhyAndConfiguration) {
  testing::TempTree tree;
  write_project(tree);
  auto result = retort(tree, {"lint", "explain", "src/a.cpp:2:33"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  EXPECT_THAT(result.standard_output, HasSubstr("src/a.cpp:2:33  warning/c-style-cast"));
  EXPECT_THAT(result.standard_output,
              HasSubstr("    2 | int truncate(double d) { return (int)d; }\n"
                        "      |                                 ^\n"));
  EXPECT_THAT(result.standard_output, HasSubstr("WHY IT MATTERS"));
  EXPECT_THAT(result.standard_output, HasSubstr("CONFIGURATION OPTIONS"));
  auto low = retort(tree, {"lint", "explain", "src/a.cpp:1"});
  EXPECT_THAT(low.standard_output, HasSubstr("design/todo-tags"));
  auto nothing = retort(tree, {"lint", "explain", "src/a.cpp:2:1"});
  EXPECT_THAT(nothing.standard_output, HasSubstr("No lint finding at src/a.cpp:2:1"));
  EXPECT_EQ(retort(tree, {"lint", "explain", "src/missing.cpp:3"}).exit_code, 2);
}

TEST(LintCli, CodeThatDoesNotCompileIsReportedAsFindingsAndNothingElseIsPrinted) {
  testing::TempTree tree;
  tree.write("src/a.cpp", "int main( {\n");
  tree.write("build/compile_commands.json", compile_commands_for(tree, {"src/a.cpp"}));
  auto result = retort(tree, {"lint"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.standard_output, HasSubstr("src/a.cpp:1:"));
  EXPECT_THAT(result.standard_output, HasSubstr("#(lint/parse-error)"));
  EXPECT_EQ(result.standard_error, "");
}

TEST(LintCli, FixRewritesSafeCastsAndReportsWhatRemains) {
  testing::TempTree tree;
  write_project(tree);
  auto result = retort(tree, {"lint", "--fix"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_output;
  EXPECT_THAT(result.standard_error, HasSubstr("applied 1 fix(es) in 1 file(s)"));
  EXPECT_EQ(tree.read("src/a.cpp"),
            "// TODO: tidy\nint truncate(double d) { return static_cast<int>(d); }\n");
}

}  // namespace
}  // namespace retort
