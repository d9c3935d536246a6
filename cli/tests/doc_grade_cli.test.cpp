// `retort doc-grade` end to end: the real executable on small projects made in
// temporary folders.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

#include "cli_test_support.hpp"

namespace retort {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::TempTree;

// A library whose header only parses with the compile command's -DAPI= define, so
// the test shows the database is used.
void write_library(const TempTree& tree) {
  tree.write("include/lib/api.hpp",
             "#pragma once\n"
             "/// The library.\n"
             "namespace lib {\n"
             "/// Adds `a` and `b`. Returns the sum.\n"
             "API int add(int a, int b);\n"
             "/// Scales a value.\n"
             "API int scale(int value, int factor);\n"
             "API int undocumented(int value);\n"
             "}  // namespace lib\n");
  tree.write("src/api.cpp", "#include \"lib/api.hpp\"\n");
  tree.write("compile_commands.json",
             "[{\"directory\": \"" + tree.root().string() +
                 "\", \"file\": \"src/api.cpp\", \"arguments\": [\"c++\", \"-std=c++20\", "
                 "\"-DAPI=\", \"-Iinclude\", \"-c\", \"src/api.cpp\"]}]");
}

TEST(DocGradeCommand, PrintsSuggestionsAndTheSummaryFromTheCompileCommands) {
  TempTree tree;
  write_library(tree);
  auto result = retort(tree, {"doc-grade"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  EXPECT_EQ(result.standard_error, "");
  EXPECT_THAT(result.standard_output,
              HasSubstr("# Proper documentation present, could be improved:\n\n"
                        "┃  B  ↗  lib::scale(int, int)  include/lib/api.hpp:7\n\n"
                        "# Undocumented:\n\n"
                        "┃  U  ↗  lib::undocumented(int)  include/lib/api.hpp:8\n"));
  EXPECT_THAT(result.standard_output,
              HasSubstr("4 public symbols: 2 A, 1 B, 0 C, 1 U; 75.0% graded B or better.\n"));
}

TEST(DocGradeCommand, GatesOnMinGradeAndFailUnder) {
  TempTree tree;
  write_library(tree);
  auto below_b = retort(tree, {"doc-grade", "--min-grade", "B"});
  EXPECT_EQ(below_b.exit_code, 1);
  EXPECT_THAT(below_b.standard_output,
              HasSubstr("doc-grade: 1 public symbol(s) graded below B (--min-grade B):\n"
                        "  U  lib::undocumented(int)  include/lib/api.hpp:8\n"));
  EXPECT_EQ(retort(tree, {"doc-grade", "--min-grade", "C", "--fail-under", "75"}).exit_code, 1)
      << "U is below C";
  EXPECT_EQ(retort(tree, {"doc-grade", "--fail-under", "75"}).exit_code, 0);
  auto under = retort(tree, {"doc-grade", "--fail-under", "80"});
  EXPECT_EQ(under.exit_code, 1);
  EXPECT_THAT(under.standard_output,
              HasSubstr("75.0% of public symbols are graded B or better, under --fail-under 80"));
  EXPECT_EQ(retort(tree, {"doc-grade", "--min-grade", "D"}).exit_code, 2);
  auto json = retort(tree, {"doc-grade", "--format", "json", "--min-grade", "B"});
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_TRUE(static_cast<bool>(llvm::json::parse(json.standard_output))) << "stdout stays JSON";
  EXPECT_THAT(json.standard_error, HasSubstr("graded below B"));
}

// The gates as diagnostics, for a pull request's annotations and the gate's merged report.
TEST(DocGradeCommand, FormatPrintsWhatFailsTheGatesAsAnnotationsOrSarif) {
  TempTree tree;
  write_library(tree);
  auto github =
      retort(tree, {"doc-grade", "--format", "github", "--min-grade", "B", "--fail-under", "80"});
  EXPECT_EQ(github.exit_code, 1);
  EXPECT_EQ(github.standard_output,
            "::error file=include/lib/api.hpp,line=8,col=1,endLine=8,endColumn=1,"
            "title=doc/below-min-grade::lib::undocumented(int) is graded U, below the minimum "
            "of B\n"
            "::error title=doc/under-fail-under::75.0%25 of public symbols are graded B or "
            "better, under 80%25\n");
  EXPECT_THAT(github.standard_error, HasSubstr("graded below B"));
  auto clean = retort(tree, {"doc-grade", "--format", "sarif"});
  EXPECT_EQ(clean.exit_code, 0);
  auto sarif = llvm::json::parse(clean.standard_output);
  ASSERT_TRUE(static_cast<bool>(sarif)) << clean.standard_output;
  EXPECT_TRUE(
      sarif->getAsObject()->getArray("runs")->front().getAsObject()->getArray("results")->empty());
  EXPECT_EQ(retort(tree, {"doc-grade", "--format", "yaml"}).exit_code, 2);
}

TEST(DocGradeCommand, GatesComeFromTheConfigToo) {
  TempTree tree;
  write_library(tree);
  tree.write(".retort.yaml", "doc:\n  min_grade: B\n");
  EXPECT_EQ(retort(tree, {"doc-grade"}).exit_code, 1);
  tree.write(".retort.yaml", "doc:\n  fail_under: 70\n");
  EXPECT_EQ(retort(tree, {"doc-grade"}).exit_code, 0);
  tree.write(".retort.yaml", "doc:\n  min_grade: E\n");
  auto bad = retort(tree, {"doc-grade"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.standard_error, HasSubstr(".retort.yaml:2:14: 'doc.min_grade' must be one of"));
}

TEST(DocGradeCommand, ExplainsASymbolsScore) {
  TempTree tree;
  write_library(tree);
  auto result = retort(tree, {"doc-grade", "explain", "lib::scale"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  EXPECT_THAT(result.standard_output,
              HasSubstr("lib::scale(int, int)\n  function in include/lib/api.hpp:7\n"
                        "  Grade B (proper documentation present), score 50 of 100\n"));
  EXPECT_THAT(result.standard_output,
              HasSubstr("      20       0  mentions `value` in backticks  (missed)\n"));
  auto unknown = retort(tree, {"doc-grade", "explain", "lib::nothing"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.standard_error, HasSubstr("no public symbol named 'lib::nothing'"));
}

TEST(DocGradeCommand, WritesJsonAndAnLcovTracefile) {
  TempTree tree;
  write_library(tree);
  auto result = retort(tree, {"doc-grade", "--format", "json", "--lcov", "reports/doc.info"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  EXPECT_THAT(result.standard_output, HasSubstr("\"percent_b_or_better\": 75"));
  std::string lcov = tree.read("reports/doc.info");
  EXPECT_THAT(lcov, HasSubstr("SF:" + (tree.root() / "include/lib/api.hpp").string() + "\n"));
  EXPECT_THAT(lcov, HasSubstr("DA:3,1\nDA:5,1\nDA:7,1\nDA:8,0\nLF:4\nLH:3\n"));
}

TEST(DocGradeCommand, AHeaderThatDoesNotCompileIsReportedWithItsPlace) {
  TempTree tree;
  write_library(tree);
  tree.write("include/lib/broken.hpp", "#pragma once\nint broken(;\n");
  // Not in the build yet: the build does not have the error, so it is a note.
  auto unbuilt = retort(tree, {"doc-grade"});
  EXPECT_EQ(unbuilt.exit_code, 0);
  EXPECT_THAT(unbuilt.standard_error,
              HasSubstr("include/lib/broken.hpp: note: not graded: it does not compile on its "
                        "own (expected expression) and no source of the build includes it"));
  // Once a source includes it, the build has the error, and so does doc-grade.
  tree.write("src/api.cpp", "#include \"lib/api.hpp\"\n#include \"lib/broken.hpp\"\n");
  auto result = retort(tree, {"doc-grade"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.standard_error,
              HasSubstr("include/lib/broken.hpp:2:12: error: does not compile: "));
  EXPECT_THAT(result.standard_output, HasSubstr("lib::undocumented(int)")) << "the rest is graded";
}

TEST(DocGradeCommand, WithoutACompilationDatabaseHeadersParseWithDocFlags) {
  TempTree tree;
  tree.write("include/lib/plain.hpp",
             "#pragma once\n#include <lib/other.hpp>\n/// Runs.\nvoid run();\n");
  tree.write("include/lib/other.hpp", "#pragma once\n/// Other.\nvoid other();\n");
  auto result = retort(tree, {"doc-grade"});
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  EXPECT_THAT(result.standard_output, HasSubstr("2 public symbols: 2 A, 0 B, 0 C, 0 U"));
  EXPECT_THAT(result.standard_output, HasSubstr("Nothing to suggest."));
  tree.write(".retort.yaml", "doc:\n  exclude: [\"include/lib/other.hpp\"]\n");
  auto excluded = retort(tree, {"doc-grade"});
  EXPECT_THAT(excluded.standard_output, HasSubstr("1 public symbols: 1 A, 0 B, 0 C, 0 U"))
      << "doc.exclude leaves other.hpp out, though plain.hpp includes it";
}

TEST(DocGradeCommand, IsAStepOfEnsureConsistency) {
  TempTree tree;
  write_library(tree);
  tree.write(".retort.yaml", "doc:\n  min_grade: B\nensure_consistency:\n  steps: [doc-grade]\n");
  auto result = retort(tree, {"ensure-consistency"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.standard_output, HasSubstr("==> doc-grade: failed, 1 findings"));
  EXPECT_THAT(result.standard_output, HasSubstr("ensure-consistency: 0 of 1 steps passed"));
  EXPECT_THAT(result.standard_output, Not(HasSubstr("Nothing to suggest.")));
  // With a document format the suggestions go to standard error, the gate's findings
  // into the one JSON document.
  auto json = retort(tree, {"ensure-consistency", "--format", "json"});
  EXPECT_EQ(json.exit_code, 1);
  auto parsed = llvm::json::parse(json.standard_output);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  const auto* tools = parsed->getAsObject()->getArray("tools");
  ASSERT_EQ(tools->size(), 1u);
  EXPECT_EQ((*tools)[0].getAsObject()->getString("tool"), "doc-grade");
  EXPECT_THAT(json.standard_output, HasSubstr("\"check_id\": \"doc/below-min-grade\""));
}

}  // namespace
}  // namespace retort
