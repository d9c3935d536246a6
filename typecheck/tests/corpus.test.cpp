// The mutation corpus (tests/corpus/README.md): each program, type-checked as a project
// of its own, gives exactly the warnings its `// expect:` lines name, for every warning
// retort gives; expectations of warnings not built yet are counted by
// typecheck/bench/score, not here.

#include <fstream>
#include <set>
#include <tuple>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"
#include "retort/typecheck/analysis.hpp"
#include "retort/typecheck/config_section.hpp"
#include "retort/typecheck/project_typecheck.hpp"

namespace retort::typecheck {
namespace {

namespace fs = std::filesystem;

const fs::path corpus = RETORT_TYPECHECK_CORPUS;

// A warning as the corpus writes it: its id, file and line.
using Expected = std::tuple<std::string, std::string, unsigned>;

std::vector<std::string> programs() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(corpus))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::set<std::string> given_warnings() {
  std::set<std::string> ids;
  for (const auto& rule : typecheck_rules()) ids.insert(rule.id);
  return ids;
}

// The program's files copied into `tree`, with a database compiling each `.cpp`; returns
// the expectations of warnings retort gives.
std::set<Expected> copy_program(const std::string& name, const testing::TempTree& tree) {
  std::set<Expected> expected;
  std::vector<std::string> units;
  auto ids = given_warnings();
  for (const auto& entry : fs::directory_iterator(corpus / name)) {
    std::string file = entry.path().filename().string();
    std::ifstream stream(entry.path());
    std::string text, line;
    for (unsigned number = 1; std::getline(stream, line); ++number) {
      text += line + "\n";
      auto at = line.find("// expect: ");
      if (at == std::string::npos) continue;
      std::string id = line.substr(at + 11);
      if (ids.count(id) != 0) expected.insert({id, file, number});
    }
    tree.write(file, text);
    if (entry.path().extension() == ".cpp") units.push_back(file);
  }
  tree.write_compile_database(units,
                              {"-std=c++20", std::string("-I") + RETORT_RUNTIME_INCLUDE, "-I."});
  return expected;
}

class CorpusProgram : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusProgram, GivesExactlyTheWarningsItsExpectLinesName) {
  testing::TempTree tree;
  auto expected = copy_program(GetParam(), tree);
  auto loaded = load_project(tree.root(), {files_config_section(), config_section()});
  ASSERT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
  auto result = run_project_typecheck(*loaded, {.is_cache_disabled = true});
  ASSERT_TRUE(static_cast<bool>(result)) << llvm::toString(result.takeError());
  EXPECT_EQ(result->units_not_compiling, 0u);
  std::set<Expected> given;
  for (const auto& warning : result->warnings)
    given.insert({warning.check_id, warning.range.file, warning.range.begin.line});
  EXPECT_EQ(given, expected);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusProgram, ::testing::ValuesIn(programs()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace retort::typecheck
