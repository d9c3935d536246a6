// The engine's settings, cache and project-wide consistency findings, on real
// translation units in temporary trees.

#include <clang/Tooling/CompilationDatabase.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/core/fix_its.hpp"
#include "retort/formatter/config_section.hpp"
#include "retort/linter/config_section.hpp"
#include "retort/linter/linter.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::lint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// The sections lint reads: its own, and the formatter's line length (the house style's).
ConfigSchema schema() {
  return {files_config_section(), format::config_section(), config_section()};
}

LintSettings settings_from(const std::string& yaml) {
  auto config = parse_config(yaml, ".retort.yaml", schema());
  EXPECT_TRUE(static_cast<bool>(config)) << llvm::toString(config.takeError());
  auto settings = LintSettings::from_config(*config);
  EXPECT_TRUE(static_cast<bool>(settings)) << llvm::toString(settings.takeError());
  return std::move(*settings);
}

std::string settings_error(const std::string& yaml) {
  auto config = parse_config(yaml, ".retort.yaml", schema());
  EXPECT_TRUE(static_cast<bool>(config)) << llvm::toString(config.takeError());
  auto settings = LintSettings::from_config(*config);
  if (settings) return "";
  return llvm::toString(settings.takeError());
}

std::vector<std::string> ids_of(const LintRun& run) {
  std::vector<std::string> ids;
  for (const auto& d : run.diagnostics) ids.push_back(d.check_id);
  return ids;
}

struct Project {
  testing::TempTree tree;
  clang::tooling::FixedCompilationDatabase database{tree.root().string(), {"-std=c++20"}};
  LintRequest request(std::vector<fs::path> units) {
    LintRequest request{std::move(units), &database, tree.root(), tree.root(), 2};
    return request;
  }
};

TEST(Settings, DisableAChangeItsParamsItsSeverityAndItsPriority) {
  Project project;
  auto unit = project.tree.write("a.cpp",
                                 "// TODO: later\n"
                                 "int f(int a, int b, int c) { return (int)(a + b + c); }\n");
  auto request = project.request({unit});
  request.settings = settings_from(
      "lint:\n  checks:\n    design/todo-tags: false\n"
      "    readability/parameter-count: {max_params: 2, severity: error, priority: higher}\n");
  LintRun run = lint(request);
  EXPECT_THAT(ids_of(run), ::testing::UnorderedElementsAre("readability/parameter-count",
                                                           "warning/c-style-cast"));
  for (const auto& d : run.diagnostics) {
    if (d.check_id != "readability/parameter-count") continue;
    EXPECT_EQ(d.severity, Severity::error);
    EXPECT_EQ(d.priority, Priority::higher);
    EXPECT_THAT(d.message, HasSubstr("at most 2"));
  }
}

TEST(Settings, TheLineLengthLimitFollowsTheFormattersUnlessSetForTheCheck) {
  Project project;
  auto unit = project.tree.write("a.cpp", "int x = 1;  // " + std::string(100, 'x') + "\n");
  auto request = project.request({unit});
  request.settings = settings_from("format:\n  line_length: 120\n");
  EXPECT_TRUE(lint(request).diagnostics.empty());
  request.settings = settings_from(
      "format:\n  line_length: 120\nlint:\n  checks:\n"
      "    readability/line-length: {max_length: 80}\n");
  EXPECT_THAT(ids_of(lint(request)), ::testing::ElementsAre("readability/line-length"));
}

TEST(Settings, UnknownChecksKeysAndBadValuesAreErrorsWithTheirPosition) {
  EXPECT_THAT(settings_error("lint:\n  checks:\n    readability/function-lenght: {max_lines: 3}\n"),
              HasSubstr("unknown check 'readability/function-lenght' in 'lint.checks' (did you "
                        "mean 'readability/function-length'?)"));
  EXPECT_THAT(settings_error("lint:\n  checks:\n    readability/function-length:\n"
                             "      max_line: 3\n"),
              HasSubstr(".retort.yaml:4:17: unknown key 'max_line' for check "
                        "'readability/function-length' (did you mean 'max_lines'?)"));
  EXPECT_THAT(settings_error("lint:\n  checks:\n    readability/function-length:\n"
                             "      max_lines: lots\n"),
              HasSubstr(".retort.yaml:4:18: 'readability/function-length.max_lines' must be a "
                        "whole number of 0 or more, got 'lots'"));
  EXPECT_THAT(settings_error("lint:\n  checks:\n    design/todo-tags: {severity: fatal}\n"),
              HasSubstr("must be one of: error, warning, note, got 'fatal'"));
  EXPECT_THAT(settings_error("lint:\n  checks:\n    design/todo-tags: maybe\n"),
              HasSubstr("must be true, false or a mapping of settings"));
}

TEST(Cache, AWarmRunReplaysEveryUnitAndFindsTheSame) {
  Project project;
  auto a =
      project.tree.write("a.cpp", "#include \"shared.hpp\"\nint a(double d) { return (int)d; }\n");
  auto b = project.tree.write("b.cpp", "int b(double d) { return (int)d; }\n");
  project.tree.write("shared.hpp", "#pragma once\ninline int s(double d) { return (int)d; }\n");
  auto request = project.request({a, b});
  request.cache_root = project.tree.root() / ".retort" / "cache";
  LintRun cold = lint(request);
  LintRun warm = lint(request);
  EXPECT_EQ(cold.units_parsed, 2u);
  EXPECT_EQ(warm.units_parsed, 0u);
  EXPECT_EQ(warm.units_cached, 2u);
  EXPECT_EQ(ids_of(warm), ids_of(cold));
  EXPECT_EQ(warm.files_checked, cold.files_checked);
}

// `--staged` hands the index's text of a file whose working-tree copy differs.
TEST(Cache, ReplacedTextsAreWhatIsLintedAndAreCachedApartFromTheDisks) {
  Project project;
  auto unit = project.tree.write("a.cpp", "#include \"a.hpp\"\nint a() { return held(); }\n");
  auto header = project.tree.write("a.hpp", "#pragma once\ninline int held() { return 1; }\n");
  auto request = project.request({unit});
  request.cache_root = project.tree.root() / ".retort" / "cache";
  request.replaced_texts[header] =
      "#pragma once\ninline int held() { int* p = new int(1); int r = *p; delete p; return r; }\n";
  LintRun replaced = lint(request);
  EXPECT_THAT(ids_of(replaced), ::testing::Contains("warning/raw-new-delete"));
  auto disk_request = project.request({unit});
  disk_request.cache_root = request.cache_root;
  LintRun disk = lint(disk_request);
  EXPECT_EQ(disk.units_parsed, 1u);
  EXPECT_THAT(ids_of(disk), ::testing::Not(::testing::Contains("warning/raw-new-delete")));
  // The cache keeps one result per unit: the disk's run replaced the other.
  LintRun replaced_again = lint(request);
  EXPECT_EQ(replaced_again.units_parsed, 1u);
  EXPECT_EQ(ids_of(replaced_again), ids_of(replaced));
  LintRun replaced_warm = lint(request);
  EXPECT_EQ(replaced_warm.units_cached, 1u);
  EXPECT_EQ(ids_of(replaced_warm), ids_of(replaced));
}

TEST(Cache, AChangedHeaderReLintsOnlyTheUnitsThatIncludeIt) {
  Project project;
  auto a = project.tree.write("a.cpp", "#include \"shared.hpp\"\n");
  auto b = project.tree.write("b.cpp", "int b() { return 1; }\n");
  project.tree.write("shared.hpp", "#pragma once\n/// Doc.\ninline int s() { return 1; }\n");
  auto request = project.request({a, b});
  request.cache_root = project.tree.root() / ".retort" / "cache";
  EXPECT_THAT(ids_of(lint(request)), ::testing::IsEmpty());
  project.tree.write("shared.hpp",
                     "#pragma once\n/// Doc.\ninline int s(double d) { return (int)d; }\n");
  LintRun after_edit = lint(request);
  EXPECT_EQ(after_edit.units_parsed, 1u);
  EXPECT_EQ(after_edit.units_cached, 1u);
  EXPECT_THAT(ids_of(after_edit), ::testing::ElementsAre("warning/c-style-cast"));
}

// The whole run is replayed from one entry when nothing changed, and that entry, made
// by a run that replayed some units, still knows every file those units read.
TEST(Cache, ARunOfReplayedAndParsedUnitsIsReplayedWholeAndStillSeesEveryInput) {
  Project project;
  auto a = project.tree.write("a.cpp", "#include \"shared.hpp\"\n");
  auto b = project.tree.write("b.cpp", "#include \"other.hpp\"\n");
  project.tree.write("shared.hpp", "#pragma once\n/// Doc.\ninline int s() { return 1; }\n");
  project.tree.write("other.hpp", "#pragma once\n/// Doc.\ninline int o() { return 1; }\n");
  auto request = project.request({a, b});
  request.cache_root = project.tree.root() / ".retort" / "cache";
  lint(request);
  project.tree.write("shared.hpp",
                     "#pragma once\n/// Doc.\ninline int s(double d) { return (int)d; }\n");
  EXPECT_EQ(lint(request).units_parsed, 1u);
  LintRun replayed = lint(request);
  EXPECT_EQ(replayed.units_parsed, 0u);
  EXPECT_EQ(replayed.units_cached, 2u);
  EXPECT_THAT(ids_of(replayed), ::testing::ElementsAre("warning/c-style-cast"));
  EXPECT_EQ(replayed.files_checked, 4u);
  // other.hpp was read only by b.cpp, whose result came from its own entry.
  project.tree.write("other.hpp",
                     "#pragma once\n/// Doc.\ninline int o(double d) { return (int)d; }\n");
  LintRun after_other = lint(request);
  EXPECT_EQ(after_other.units_parsed, 1u);
  EXPECT_EQ(ids_of(after_other).size(), 2u);
}

TEST(Cache, AUnitThatDidNotCompileIsParsedAgainOnceTheMissingHeaderExists) {
  Project project;
  auto unit = project.tree.write("a.cpp", "#include \"later.hpp\"\nint a() { return later(); }\n");
  auto request = project.request({unit});
  request.cache_root = project.tree.root() / ".retort" / "cache";
  EXPECT_THAT(ids_of(lint(request)), ::testing::Contains("lint/parse-error"));
  project.tree.write("later.hpp", "#pragma once\n/// Doc.\ninline int later() { return 1; }\n");
  LintRun run = lint(request);
  EXPECT_EQ(run.units_parsed, 1u);
  EXPECT_THAT(ids_of(run), ::testing::IsEmpty());
}

TEST(Cache, ChangedSettingsAreNotServedStaleResults) {
  Project project;
  auto unit = project.tree.write("a.cpp", "int a(double d) { return (int)d; }\n");
  auto request = project.request({unit});
  request.cache_root = project.tree.root() / ".retort" / "cache";
  EXPECT_EQ(lint(request).diagnostics.size(), 1u);
  request.settings = settings_from("lint:\n  checks:\n    warning/c-style-cast: false\n");
  LintRun run = lint(request);
  EXPECT_EQ(run.units_parsed, 1u);
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace retort::lint

namespace retort::lint {
namespace {

TEST(Fixes, ArithmeticCStyleCastsBecomeStaticCastsAndOthersAreOnlyReported) {
  Project project;
  auto unit = project.tree.write("a.cpp",
                                 "int a(double d) { return (int)(d * 2) + (int)d; }\n"
                                 "long b(int* p) { return (long)p; }\n"
                                 "#define TRUNC(x) ((int)(x))\n"
                                 "int c(double d) { return TRUNC(d); }\n");
  auto request = project.request({unit});
  LintRun run = lint(request);
  std::size_t fixes = 0;
  for (const auto& d : run.diagnostics) fixes += d.fix.has_value();
  EXPECT_EQ(fixes, 2u);
  auto applied = apply_fixes(run.diagnostics, project.tree.root());
  ASSERT_TRUE(static_cast<bool>(applied)) << llvm::toString(applied.takeError());
  EXPECT_EQ(project.tree.read("a.cpp"),
            "int a(double d) { return static_cast<int>(d * 2) + static_cast<int>(d); }\n"
            "long b(int* p) { return (long)p; }\n"
            "#define TRUNC(x) ((int)(x))\n"
            "int c(double d) { return TRUNC(d); }\n");
  std::vector<unsigned> remaining;
  for (const auto& d : lint(request).diagnostics) remaining.push_back(d.range.begin.line);
  // The macro's cast is reported once, where its body writes it.
  EXPECT_EQ(remaining, (std::vector<unsigned>{2, 3}));
}

}  // namespace
}  // namespace retort::lint

namespace retort::lint {
namespace {

std::vector<std::string> findings_of(const LintRun& run, const std::string& id) {
  std::vector<std::string> places;
  for (const auto& d : run.diagnostics) {
    if (d.check_id == id) places.push_back(d.range.file + ":" + std::to_string(d.range.begin.line));
  }
  return places;
}

TEST(Consistency, TheMinorityStyleAcrossUnitsIsReportedAndATieReportsNothing) {
  Project project;
  project.tree.write("a.hpp", "#pragma once\n");
  project.tree.write("b.hpp", "#pragma once\n");
  project.tree.write("c.hpp", "#ifndef C_HPP\n#define C_HPP\n#endif\n");
  auto one = project.tree.write("one.cpp", "#include \"a.hpp\"\n#include \"c.hpp\"\n");
  auto two = project.tree.write("two.cpp", "#include \"b.hpp\"\n");
  LintRun run = lint(project.request({one, two}));
  EXPECT_THAT(findings_of(run, "consistency/header-guard-style"),
              ::testing::ElementsAre("c.hpp:1"));
  for (const auto& d : run.diagnostics) {
    if (d.check_id == "consistency/header-guard-style")
      EXPECT_THAT(d.message,
                  HasSubstr("mostly uses #pragma once (2 #pragma once vs 1 include guards)"));
  }
  LintRun tie = lint(project.request({one}));
  EXPECT_THAT(findings_of(tie, "consistency/header-guard-style"), ::testing::IsEmpty());
}

// Whether a header in src/ is public depends on whether the project has include/.
TEST(MissingDocComment, HeadersInSrcArePrivateOnlyBesideAnIncludeFolder) {
  for (bool has_include_folder : {false, true}) {
    Project project;
    if (has_include_folder)
      project.tree.write("include/lib/api.hpp", "#pragma once\n/// Runs.\nint run();\n");
    project.tree.write("src/parser.hpp", "#pragma once\nint parse_line(const char* line);\n");
    auto unit = project.tree.write("src/parser.cpp", "#include \"parser.hpp\"\n");
    auto found = findings_of(lint(project.request({unit})), "readability/missing-doc-comment");
    if (has_include_folder) {
      EXPECT_THAT(found, ::testing::IsEmpty());
    } else {
      EXPECT_THAT(found, ::testing::ElementsAre("src/parser.hpp:2"));
    }
  }
}

TEST(Settings, AWordParamChangesTheConventionAndMustBeOneOfItsWords) {
  Project project;
  auto unit = project.tree.write("a.cpp", "struct point_2d {};\nstruct Point3 {};\n");
  auto request = project.request({unit});
  request.settings = settings_from(
      "lint:\n  checks:\n    readability/naming-convention: {type_case: snake_case}\n");
  EXPECT_THAT(findings_of(lint(request), "readability/naming-convention"),
              ::testing::ElementsAre("a.cpp:2"));
  EXPECT_THAT(
      settings_error("lint:\n  checks:\n    readability/naming-convention:\n"
                     "      type_case: kebab\n"),
      HasSubstr(".retort.yaml:4:18: 'readability/naming-convention.type_case' must be one "
                "of: project, CamelCase, camelBack, snake_case, UPPER_CASE, any, got 'kebab'"));
}

}  // namespace
}  // namespace retort::lint
