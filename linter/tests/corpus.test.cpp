// Crash resistance on real code: every C++ file of fmt, yaml-cpp and googletest,
// linted as project files. Parse errors are allowed (headers out of context);
// crashes are not, and every file must come back with a result.

#include <clang/Tooling/CompilationDatabase.h>
#include <gtest/gtest.h>

#include "retort/core/source_files.hpp"
#include "retort/linter/linter.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::lint {
namespace {

namespace fs = std::filesystem;

// Source files are units; with `are_headers_units`, each header also gets a unit
// that includes it (for header-only libraries).
LintRun lint_corpus(const fs::path& root, const std::vector<std::string>& include_directories,
                    bool are_headers_units) {
  testing::TempTree tree;
  std::vector<fs::path> units;
  std::size_t index = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || !is_cpp_source(entry.path())) continue;
    const auto& path = entry.path();
    bool is_source = path.extension() == ".cc" || path.extension() == ".cpp";
    if (!is_source && !are_headers_units) continue;
    units.push_back(is_source ? path
                              : tree.write("unit" + std::to_string(index++) + ".cpp",
                                           "#include \"" + path.string() + "\"\n"));
  }
  std::vector<std::string> arguments{"-std=c++20"};
  for (const auto& directory : include_directories) arguments.push_back("-I" + directory);
  clang::tooling::FixedCompilationDatabase database(tree.root().string(), arguments);
  LintRequest request{units, &database, root, root, 0};
  LintRun run = lint(request);
  EXPECT_GT(units.size(), 5u) << root;
  return run;
}

std::size_t findings_of(const LintRun& run, const std::string& prefix) {
  return std::count_if(run.diagnostics.begin(), run.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.check_id.rfind(prefix, 0) == 0; });
}

TEST(Corpus, FmtHeadersAreLintedWithoutCrashing) {
  LintRun run = lint_corpus("/usr/include/fmt", {"/usr/include"}, true);
  EXPECT_GT(run.files_checked, 5u);
  EXPECT_GT(findings_of(run, "readability/"), 0u);
}

TEST(Corpus, YamlCppHeadersAreLintedWithoutCrashing) {
  LintRun run = lint_corpus("/usr/include/yaml-cpp", {"/usr/include"}, true);
  EXPECT_GT(run.files_checked, 20u);
  EXPECT_GT(findings_of(run, "readability/"), 0u);
}

TEST(Corpus, GoogletestSourcesAndTestsAreLintedWithoutCrashing) {
  const std::string root = "/usr/src/googletest";
  LintRun run = lint_corpus(root,
                            {root + "/googletest/include", root + "/googletest",
                             root + "/googlemock/include", root + "/googlemock"},
                            false);
  EXPECT_GT(run.files_checked, 50u);
  EXPECT_GT(findings_of(run, "warning/"), 0u);
}

}  // namespace
}  // namespace retort::lint
