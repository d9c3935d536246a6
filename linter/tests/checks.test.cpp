// Every registered check against its test input: lines marked `// expect: <id>`
// must be reported by that check, lines marked `// no-finding` must not, and
// nothing else may be reported by it.

#include <fstream>
#include <regex>
#include <set>

#include <clang/Tooling/CompilationDatabase.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/linter/linter.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::lint {
namespace {

namespace fs = std::filesystem;

const fs::path inputs = RETORT_LINT_INPUTS;

// `readability/function-length` -> inputs/readability/function_length.cpp, and every
// other file of the category folder (or a folder below it, such as `src/`) named
// `function_length.<anything>`: `.hpp`, `.c`, `.program.cpp` for a case that needs a
// file of its own.
std::vector<fs::path> inputs_for(const std::string& id) {
  std::string name = id;
  std::replace(name.begin(), name.end(), '-', '_');
  fs::path folder = inputs / fs::path(name).parent_path();
  std::string stem = fs::path(name).filename().string() + ".";
  std::vector<fs::path> found;
  if (!fs::is_directory(folder)) return found;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().filename().string().rfind(stem, 0) == 0)
      found.push_back(entry.path());
  }
  // The main input (`name.cpp` or `name.hpp`) first, the extra cases after it.
  auto is_main = [&](const fs::path& path) {
    std::string file = path.filename().string();
    return path.parent_path() == folder && (file == stem + "cpp" || file == stem + "hpp");
  };
  std::sort(found.begin(), found.end(), [&](const fs::path& a, const fs::path& b) {
    return std::pair(!is_main(a), a) < std::pair(!is_main(b), b);
  });
  return found;
}

struct Expectations {
  std::set<unsigned> finding_lines;
  std::set<unsigned> clean_lines;
};

Expectations read_expectations(const fs::path& input, const std::string& id) {
  Expectations expectations;
  std::ifstream stream(input);
  std::string line;
  for (unsigned number = 1; std::getline(stream, line); ++number) {
    if (line.find("// expect: " + id) != std::string::npos)
      expectations.finding_lines.insert(number);
    if (line.find("// no-finding") != std::string::npos) expectations.clean_lines.insert(number);
  }
  return expectations;
}

// Lints `input` (a header is linted through a translation unit that includes it),
// with the inputs folder as the project root. A `.c` input is compiled as C.
LintRun lint_input(const fs::path& input) {
  testing::TempTree tree;
  fs::path unit = input;
  if (input.extension() == ".hpp" || input.extension() == ".h")
    unit = tree.write("unit.cpp", "#include \"" + input.string() + "\"\n");
  // The actor checks read the runtime's headers, as a user's project would.
  std::vector<std::string> flags{"-std=c++20", "-I" RETORT_RUNTIME_INCLUDE};
  if (input.extension() == ".c") flags = {"-std=c11"};
  clang::tooling::FixedCompilationDatabase database(tree.root().string(), flags);
  LintRequest request;
  request.translation_units = {unit};
  request.database = &database;
  request.project_root = inputs;
  request.display_root = inputs;
  return lint(request);
}

std::set<unsigned> reported_lines(const LintRun& run, const std::string& id,
                                  const fs::path& input) {
  std::set<unsigned> lines;
  std::string shown = fs::relative(input, inputs).string();
  for (const auto& diagnostic : run.diagnostics) {
    EXPECT_NE(diagnostic.check_id, "lint/parse-error")
        << diagnostic.range.file << ": " << diagnostic.message;
    if (diagnostic.check_id == id && diagnostic.range.file == shown)
      lines.insert(diagnostic.range.begin.line);
  }
  return lines;
}

class CheckInput : public ::testing::TestWithParam<std::string> {};

TEST_P(CheckInput, ReportsExactlyTheExpectedLines) {
  const std::string& id = GetParam();
  auto inputs_of_check = inputs_for(id);
  ASSERT_FALSE(inputs_of_check.empty()) << "no test input for " << id;
  for (const fs::path& input : inputs_of_check) {
    SCOPED_TRACE(input.string());
    Expectations expectations = read_expectations(input, id);
    std::set<unsigned> reported = reported_lines(lint_input(input), id, input);
    EXPECT_EQ(reported, expectations.finding_lines);
    for (unsigned line : expectations.clean_lines)
      EXPECT_EQ(reported.count(line), 0u) << "line " << line;
  }
}

std::vector<std::string> all_check_ids() {
  std::vector<std::string> ids;
  for (const auto& check : registered_checks()) ids.push_back(check->info().id);
  return ids;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  return std::regex_replace(info.param, std::regex("[^A-Za-z0-9]"), "_");
}

INSTANTIATE_TEST_SUITE_P(EveryCheck, CheckInput, ::testing::ValuesIn(all_check_ids()), test_name);

TEST(Registry, EveryCheckHasAnExplanationWithExamplesAndAnInputWithBothKindsOfLine) {
  static const std::set<std::string> categories{"consistency", "design", "readability", "refactor",
                                                "warning"};
  std::set<std::string> ids;
  for (const auto& check : registered_checks()) {
    const CheckInfo& info = check->info();
    EXPECT_TRUE(ids.insert(info.id).second) << "duplicate id " << info.id;
    EXPECT_EQ(info.id.rfind(info.category + "/", 0), 0u) << info.id;
    EXPECT_EQ(categories.count(info.category), 1u) << info.id;
    EXPECT_FALSE(info.summary.empty()) << info.id;
    EXPECT_NE(info.explanation.find("Bad:"), std::string::npos) << info.id;
    EXPECT_NE(info.explanation.find("Good:"), std::string::npos) << info.id;
    auto inputs_of_check = inputs_for(info.id);
    ASSERT_FALSE(inputs_of_check.empty()) << info.id;
    Expectations expectations = read_expectations(inputs_of_check.front(), info.id);
    EXPECT_FALSE(expectations.finding_lines.empty()) << info.id << " input has no // expect: line";
    EXPECT_FALSE(expectations.clean_lines.empty()) << info.id << " input has no // no-finding line";
  }
}

// A check's file that the registry leaves out would fail nothing else: every
// checks/<category>/<name>.cpp must be the check `<category>/<name>` (with `-`).
TEST(Registry, EveryCheckFileIsARegisteredCheck) {
  fs::path checks = (inputs / ".." / ".." / "checks").lexically_normal();
  std::set<std::string> registered;
  for (const auto& check : registered_checks()) registered.insert(check->info().id);
  std::size_t files = 0;
  for (const auto& category : fs::directory_iterator(checks)) {
    if (!category.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(category.path())) {
      if (file.path().extension() != ".cpp") continue;
      std::string id = category.path().filename().string() + "/" + file.path().stem().string();
      std::replace(id.begin(), id.end(), '_', '-');
      EXPECT_EQ(registered.count(id), 1u) << file.path() << " is not registered as " << id;
      ++files;
    }
  }
  EXPECT_EQ(files, registered.size()) << "a registered check has no file of its own";
}

TEST(Engine, CodeThatDoesNotParseIsReportedAndOtherUnitsAreStillLinted) {
  testing::TempTree tree;
  auto broken = tree.write("broken.cpp", "int main( {\n  return 0;\n}\n");
  auto fine = tree.write("fine.cpp", "int truncate(double d) { return (int)d; }\n");
  clang::tooling::FixedCompilationDatabase database(tree.root().string(), {"-std=c++20"});
  LintRequest request{{broken, fine}, &database, tree.root(), tree.root(), 2};
  LintRun run = lint(request);
  bool has_parse_error = false;
  bool has_cast = false;
  for (const auto& d : run.diagnostics) {
    has_parse_error |=
        d.check_id == "lint/parse-error" && d.range.file == "broken.cpp" && d.range.begin.line == 1;
    has_cast |= d.check_id == "warning/c-style-cast" && d.range.file == "fine.cpp";
  }
  EXPECT_TRUE(has_parse_error);
  EXPECT_TRUE(has_cast);
}

// Generated tables and minified data put whole files on one line; std::regex, which
// recurses per character, once overflowed the stack on such a line.
TEST(Engine, LinesOfHundredsOfThousandsOfCharactersAreLinted) {
  testing::TempTree tree;
  std::string numbers;
  for (int i = 0; i < 40'000; ++i) numbers += std::to_string(i % 10) + ", ";
  std::string text = "int table[] = {" + numbers + "0};\n" +
                     "struct S {\n  int a, b;\n  S()\n      : a(sizeof(\"" +
                     std::string(100'000, 'x') + "\")),\n        b(2) {}\n};\n" +
                     "int other[] = {" + numbers + "1};\n" + "// " + std::string(200'000, 'x') +
                     " TODO: split this up\n";
  auto unit = tree.write("data.cpp", text);
  clang::tooling::FixedCompilationDatabase database(tree.root().string(), {"-std=c++20"});
  LintRequest request{{unit}, &database, tree.root(), tree.root(), 1};
  LintRun run = lint(request);
  bool has_todo = false;
  for (const auto& d : run.diagnostics) {
    EXPECT_NE(d.check_id, "lint/parse-error") << d.message;
    has_todo |= d.check_id == "design/todo-tags" && d.range.begin.line == 9;
  }
  EXPECT_TRUE(has_todo);
}

TEST(Engine, AHeaderIncludedByManyUnitsIsReportedOnceAndSystemHeadersNever) {
  testing::TempTree tree;
  tree.write("shared.hpp",
             "#pragma once\n#include <vector>\ninline int cast(double d) { return (int)d; }\n");
  auto a = tree.write("a.cpp", "#include \"shared.hpp\"\n");
  auto b = tree.write("b.cpp", "#include \"shared.hpp\"\n");
  clang::tooling::FixedCompilationDatabase database(tree.root().string(), {"-std=c++20"});
  LintRequest request{{a, b}, &database, tree.root(), tree.root(), 2};
  LintRun run = lint(request);
  int casts = 0;
  for (const auto& d : run.diagnostics) {
    EXPECT_EQ(d.range.file.find('/'), std::string::npos)
        << "reported outside the project: " << d.range.file;
    casts += d.check_id == "warning/c-style-cast";
  }
  EXPECT_EQ(casts, 1);
  EXPECT_EQ(run.files_checked, 3u);
}

TEST(Engine, CodeThatAThirdPartyMacroWritesIsNotReportedButTheProjectsOwnMacrosAre) {
  testing::TempTree tree;
  tree.write("third_party/lib.h", "#define MAKE_THING(T) (new T())\n");
  auto unit = tree.write("src/use.cpp",
                         "#include \"lib.h\"\n"
                         "#define OUR_MAKE(T) (new T())\n"
                         "struct Thing {};\n"
                         "Thing* a() { return MAKE_THING(Thing); }\n"
                         "Thing* b() { return OUR_MAKE(Thing); }\n"
                         "Thing* c() { return OUR_MAKE(Thing); }\n");
  clang::tooling::FixedCompilationDatabase database(
      tree.root().string(), {"-std=c++20", "-isystem", (tree.root() / "third_party").string()});
  LintRequest request{{unit}, &database, tree.root(), tree.root(), 1};
  std::vector<unsigned> lines;
  for (const auto& d : lint(request).diagnostics) {
    if (d.check_id == "warning/raw-new-delete") lines.push_back(d.range.begin.line);
  }
  // Once, where the project's macro writes it, not at each of its uses.
  EXPECT_EQ(lines, std::vector<unsigned>{2});
}

TEST(Explain, PrintsWhyItMattersAndHowToConfigure) {
  std::string text = explain(*find_check("readability/function-length"));
  EXPECT_THAT(text, ::testing::HasSubstr("WHY IT MATTERS"));
  EXPECT_THAT(text, ::testing::HasSubstr("CONFIGURATION OPTIONS"));
  EXPECT_THAT(text, ::testing::HasSubstr("readability/function-length:\n          enabled: true"));
  EXPECT_THAT(text, ::testing::HasSubstr("max_lines: 50  # The most lines"));
  EXPECT_EQ(find_check("no/such-check"), nullptr);
}

}  // namespace
}  // namespace retort::lint
