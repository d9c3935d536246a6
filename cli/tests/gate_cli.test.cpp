// `retort ensure-consistency` end to end: every step on one real project (the coverage
// fixture, built with --coverage by CMake, in a real git repository), one document.

#include <cstdlib>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

#include "cli_test_support.hpp"
#include "retort/core/file_io.hpp"

namespace retort {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The coverage fixture with one finding for each step: an unformatted file, a C-style
// cast, undocumented headers under a doc gate, a failing test, coverage under its
// minimum.
class GateProject {
 public:
  GateProject() {
    std::filesystem::copy(RETORT_COVERAGE_FIXTURE_DIR, tree.root(),
                          std::filesystem::copy_options::recursive);
    tree.write(".retort.yaml",
               "doc:\n  fail_under: 100\n"
               "test:\n  build_directory: build/coverage\n"
               "cover:\n  skip_files: [\"*_test.cpp\"]\n  minimum: 95\n"
               "ensure_consistency:\n  steps: [format, lint, doc-grade, test, cover]\n");
    tree.write(".gitignore", "build/\n");
    tree.write("messy.cpp", "int  messy( ){return 0;}\n");
    tree.write("calc_test.cpp",
               tree.read("calc_test.cpp") +
                   "\nTEST(Calc, FailsOnPurpose) { EXPECT_EQ(sign_of(-5), 1); }\n");
    tree.write("calc.cpp",
               tree.read("calc.cpp") + "\nint truncate(double value) { return (int)value; }\n");
    tree.init_git_repository();
    auto build = (tree.root() / "build" / "coverage").string();
    for (const auto& argv :
         {std::vector<std::string>{"cmake", "-S", tree.root().string(), "-B", build, "-G", "Ninja",
                                   "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"},
          std::vector<std::string>{"cmake", "--build", build}}) {
      auto result = run_process(argv);
      EXPECT_TRUE(result && result->exit_code == 0) << (result ? result->standard_error : "");
    }
  }

  testing::TempTree tree;
};

// Microsoft's SARIF multitool from npm, installed once into the user's cache.
std::string sarif_multitool() {
  const char* home = std::getenv("HOME");
  auto prefix = std::filesystem::path(home ? home : "/tmp") / ".cache" / "retort-test-tools";
  auto tool = prefix / "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
  if (!std::filesystem::exists(tool)) {
    auto installed = run_process({"npm", "install", "--prefix", prefix.string(), "--no-audit",
                                  "--no-fund", "@microsoft/sarif-multitool-linux@5.7.0"});
    EXPECT_TRUE(installed && installed->exit_code == 0)
        << (installed ? installed->standard_error : llvm::toString(installed.takeError()));
  }
  // npm no longer runs the package's own `chmod u+x` install script.
  std::filesystem::permissions(tool, std::filesystem::perms::owner_exec,
                               std::filesystem::perm_options::add);
  return tool.string();
}

TEST(Gate, EveryStepsFindingsAreInOneSarifLogThatTheSarifMultitoolValidates) {
  GateProject project;
  auto result = retort(project.tree, {"ensure-consistency", "--format", "sarif", "--output",
                                      "reports/gate.sarif", "--junit", "reports/gate.xml"});
  EXPECT_EQ(result.exit_code, 1) << result.standard_error;
  EXPECT_EQ(result.standard_output, "");
  EXPECT_THAT(result.standard_error, HasSubstr("0 of 5 steps passed"));
  auto text = read_file(project.tree.root() / "reports" / "gate.sarif");
  ASSERT_TRUE(static_cast<bool>(text)) << llvm::toString(text.takeError());
  auto log = llvm::json::parse(*text);
  ASSERT_TRUE(static_cast<bool>(log)) << llvm::toString(log.takeError());
  std::vector<std::string> tools;
  for (const auto& run : *log->getAsObject()->getArray("runs")) {
    const auto* object = run.getAsObject();
    tools.push_back(object->getObject("tool")->getObject("driver")->getString("name")->str());
    EXPECT_GE(object->getArray("results")->size(), 1u) << tools.back() << " has no result";
  }
  EXPECT_EQ(tools, (std::vector<std::string>{"retort format", "retort lint", "retort doc-grade",
                                             "retort test", "retort cover"}));
  auto validated = run_process(
      {sarif_multitool(), "validate", (project.tree.root() / "reports" / "gate.sarif").string()});
  ASSERT_TRUE(static_cast<bool>(validated)) << llvm::toString(validated.takeError());
  EXPECT_THAT(validated->standard_output, Not(HasSubstr(": error "))) << validated->standard_output;
  EXPECT_THAT(validated->standard_output, HasSubstr("Analysis completed successfully"));
  auto junit = read_file(project.tree.root() / "reports" / "gate.xml");
  ASSERT_TRUE(static_cast<bool>(junit)) << llvm::toString(junit.takeError());
  EXPECT_THAT(*junit, HasSubstr("<testsuite name=\"retort test\""));
  EXPECT_THAT(*junit, HasSubstr("Calc.FailsOnPurpose"));
}

TEST(Gate, TextShowsEachStepsReportAndTheClosingTable) {
  GateProject project;
  auto result = retort(project.tree, {"ensure-consistency", "--only", "format,test"});
  EXPECT_EQ(result.exit_code, 1) << result.standard_error;
  const auto& out = result.standard_output;
  EXPECT_THAT(out, HasSubstr("==> format: failed, 2 findings"));
  EXPECT_THAT(out, HasSubstr("messy.cpp"));
  EXPECT_THAT(out, HasSubstr("==> test: failed, 1 findings"));
  EXPECT_THAT(out, HasSubstr("Calc.FailsOnPurpose"));
  EXPECT_THAT(out, HasSubstr("step        result           findings      time\n"));
  EXPECT_THAT(out, HasSubstr("format      failed                  2"));
  EXPECT_THAT(out, HasSubstr("ensure-consistency: 0 of 2 steps passed in "));
}

TEST(Gate, OutputNeedsADocumentFormatAndAnUnknownStepIsAUsageError) {
  testing::TempTree tree;
  tree.write("a.cpp", "int a() { return 0; }\n");
  tree.init_git_repository();
  auto text_output = retort(tree, {"ensure-consistency", "--output", "gate.txt"});
  EXPECT_EQ(text_output.exit_code, 2);
  EXPECT_THAT(text_output.standard_error, HasSubstr("--output needs --format"));
  EXPECT_FALSE(std::filesystem::exists(tree.root() / "gate.txt"));
  auto unknown = retort(tree, {"ensure-consistency", "--only", "typo"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.standard_error, HasSubstr("'typo' is not a configured step"));
}

}  // namespace
}  // namespace retort
