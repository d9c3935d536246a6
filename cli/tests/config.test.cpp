#include "retort/core/config.hpp"

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "project_schema.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/process.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

using ::testing::HasSubstr;

// Returns the error message of a config that must be rejected.
std::string rejection(const std::string& yaml) {
  auto config = parse_config(yaml, ".retort.yaml", cli::project_schema());
  if (config) {
    ADD_FAILURE() << "accepted:\n" << yaml;
    return {};
  }
  std::string message;
  llvm::handleAllErrors(config.takeError(),
                        [&](const UsageError& error) { message = error.message(); });
  return message;
}

TEST(Config, AnEmptyFileGivesEveryDefault) {
  auto config = parse_config("", ".retort.yaml", cli::project_schema());
  ASSERT_TRUE(static_cast<bool>(config)) << llvm::toString(config.takeError());
  EXPECT_EQ(config->integer("format.line_length"), 100);
  EXPECT_EQ(config->string("format.style"), "retort");
  EXPECT_EQ(config->string_list("ensure_consistency.steps"), std::vector<std::string>{"format"});
  EXPECT_TRUE(config->string_list("files.exclude").empty());
}

TEST(Config, EveryToolsOptionHasADescriptionAndItsSectionsName) {
  for (const auto& section : cli::project_schema())
    for (const auto& spec : section.options) {
      EXPECT_FALSE(spec.description.empty()) << spec.key();
      EXPECT_EQ(spec.section, section.name) << spec.key();
    }
}

// The reference `retort config defaults` prints (README's block) is YAML that loads
// back to every default.
TEST(Config, TheReferenceLoadsBackToEveryDefault) {
  std::ostringstream reference;
  write_config_reference(reference, cli::project_schema());
  auto config = parse_config(reference.str(), "reference", cli::project_schema());
  ASSERT_TRUE(static_cast<bool>(config)) << llvm::toString(config.takeError()) << reference.str();
  auto defaults = Config::defaults(cli::project_schema());
  for (const auto& section : cli::project_schema())
    for (const auto& spec : section.options) {
      switch (spec.type) {
        case OptionType::boolean:
          EXPECT_EQ(config->boolean(spec.key()), defaults.boolean(spec.key())) << spec.key();
          break;
        case OptionType::integer:
          EXPECT_EQ(config->integer(spec.key()), defaults.integer(spec.key())) << spec.key();
          break;
        case OptionType::string:
          EXPECT_EQ(config->string(spec.key()), defaults.string(spec.key())) << spec.key();
          break;
        case OptionType::string_list:
          EXPECT_EQ(config->string_list(spec.key()), defaults.string_list(spec.key()))
              << spec.key();
          break;
        case OptionType::tree:
          EXPECT_TRUE(config->tree(spec.key()).entries.empty()) << spec.key();
          break;
      }
    }
  EXPECT_THAT(reference.str(), HasSubstr("\n  line_length: 100            # The column limit"));
}

TEST(Config, ReadsSetValues) {
  auto config = parse_config(
      "format:\n  line_length: 80\n  style: file\nfiles:\n  exclude: [third_party/**]\n", "x",
      cli::project_schema());
  ASSERT_TRUE(static_cast<bool>(config)) << llvm::toString(config.takeError());
  EXPECT_EQ(config->integer("format.line_length"), 80);
  EXPECT_EQ(config->string("format.style"), "file");
  EXPECT_EQ(config->string_list("files.exclude"), std::vector<std::string>{"third_party/**"});
}

TEST(Config, AnUnknownKeyNamesFileLineColumnAndTheAllowedKeys) {
  std::string message = rejection("format:\n  line_lenght: 80\n");
  EXPECT_THAT(message,
              HasSubstr(".retort.yaml:2:3: unknown key 'line_lenght' in section 'format'"));
  EXPECT_THAT(message, HasSubstr("did you mean 'line_length'?"));
  EXPECT_THAT(message, HasSubstr("allowed: line_length, style, max_file_kb"));
}

TEST(Config, AnUnknownSectionIsAnError) {
  EXPECT_THAT(
      rejection("formatt:\n  line_length: 80\n"),
      HasSubstr(
          ".retort.yaml:1:1: unknown key 'formatt' in the top level (did you mean 'format'?)"));
}

TEST(Config, AWrongTypeNamesTheExpectedType) {
  EXPECT_THAT(
      rejection("format:\n  line_length: wide\n"),
      HasSubstr(
          ".retort.yaml:2:16: 'format.line_length' must be an integer from 40 to 200, got 'wide'"));
}

TEST(Config, AnIntegerOutOfRangeIsAnError) {
  EXPECT_THAT(rejection("format:\n  line_length: 20\n"),
              HasSubstr("must be an integer from 40 to 200, got '20'"));
}

TEST(Config, ABadEnumValueListsTheAllowedValues) {
  EXPECT_THAT(rejection("format:\n  style: google\n"),
              HasSubstr("'format.style' must be one of: retort, file, got 'google'"));
}

TEST(Config, ListItemsAreValidatedOneByOne) {
  EXPECT_THAT(rejection("ensure_consistency:\n  steps: [format, dance]\n"),
              HasSubstr(".retort.yaml:2:19: 'ensure_consistency.steps' must be a list of: format, "
                        "lint, typecheck, doc-grade, test, cover, got 'dance'"));
  EXPECT_THAT(rejection("files:\n  exclude: third_party\n"),
              HasSubstr("must be a list of strings, got 'third_party'"));
}

TEST(Config, DocGradeGatesAreValidated) {
  auto config =
      parse_config("doc:\n  min_grade: B\n  fail_under: 90\n", "x", cli::project_schema());
  ASSERT_TRUE(static_cast<bool>(config));
  EXPECT_EQ(config->string("doc.min_grade"), "B");
  EXPECT_EQ(config->integer("doc.fail_under"), 90);
  EXPECT_EQ(Config::defaults(cli::project_schema()).string("doc.min_grade"), "none");
  EXPECT_THAT(rejection("doc:\n  min_grade: D\n"), HasSubstr("'doc.min_grade' must be one of"));
  EXPECT_THAT(rejection("doc:\n  fail_under: 101\n"), HasSubstr("fail_under"));
}

TEST(Config, ABadGlobIsAnError) {
  EXPECT_THAT(rejection("files:\n  exclude: ['src/[a-']\n"), HasSubstr("has a bad glob 'src/[a-'"));
}

TEST(Config, InvalidYamlNamesThePosition) {
  EXPECT_THAT(rejection("format:\n  line_length: [80\n"),
              HasSubstr(".retort.yaml:3:1: invalid YAML"));
}

TEST(Config, TheTopLevelMustBeAMapping) {
  EXPECT_THAT(rejection("- format\n"), HasSubstr("the top level must be a mapping of sections"));
}

TEST(Config, SectionsOfToolsWithoutOptionsYetRejectEveryKey) {
  EXPECT_THAT(rejection("typecheck:\n  minimum: 80\n"),
              HasSubstr("unknown key 'minimum' in section 'typecheck'"));
  EXPECT_TRUE(static_cast<bool>(parse_config("typecheck:\n", "x", cli::project_schema())));
}

TEST(Config, NestedOptionsKeepEveryPartWithItsPosition) {
  auto config = parse_config(
      "lint:\n  checks:\n    readability/line-length:\n      max_length: 120\n"
      "    design/todo-tags: {enabled: false}\n",
      ".retort.yaml", cli::project_schema());
  ASSERT_TRUE(static_cast<bool>(config)) << llvm::toString(config.takeError());
  const ConfigTree& checks = config->tree("lint.checks");
  ASSERT_EQ(checks.entries.size(), 2u);
  EXPECT_EQ(checks.entries[0].key, "readability/line-length");
  const ConfigTree& max_length = checks.entries[0].value.entries.at(0).value;
  EXPECT_EQ(max_length.scalar, "120");
  EXPECT_EQ(max_length.where(), ".retort.yaml:4:19: ");
  EXPECT_EQ(checks.entries[1].value.entries.at(0).value.scalar, "false");
  EXPECT_TRUE(Config::defaults(cli::project_schema()).tree("lint.checks").entries.empty());
}

TEST(Config, ANestedOptionMustBeAMapping) {
  EXPECT_THAT(rejection("lint:\n  checks: [a]\n"),
              HasSubstr("'lint.checks' must be a mapping, got a list"));
  EXPECT_THAT(rejection("lint:\n  checks:\n    x: [1]\n"),
              HasSubstr(".retort.yaml:3:8: expected a value or a mapping, got a list"));
}

TEST(Config, IsFoundByWalkingUpFromTheWorkingDirectory) {
  testing::TempTree tree;
  tree.write(".retort.yaml", "format:\n  line_length: 90\n");
  tree.write("src/deep/a.cpp", "");
  auto project = load_project(tree.root() / "src" / "deep", cli::project_schema());
  ASSERT_TRUE(static_cast<bool>(project)) << llvm::toString(project.takeError());
  EXPECT_EQ(project->root, tree.root());
  EXPECT_EQ(project->config.integer("format.line_length"), 90);
  EXPECT_EQ(project->config.source_file, tree.root() / ".retort.yaml");
}

// A checkout inside another project (a submodule, a copy under its build tree) is a
// project of its own: the outer project's settings and root are not its.
TEST(Config, ANestedGitRepositoryIsAProjectOfItsOwn) {
  testing::TempTree tree;
  tree.write(".retort.yaml", "format:\n  line_length: 90\n");
  tree.write("build/checkout/src/a.cpp", "int a;\n");
  auto inner = tree.root() / "build" / "checkout";
  auto git = run_process({"git", "init", "-q", inner.string()});
  ASSERT_TRUE(git && git->exit_code == 0);
  auto project = load_project(inner / "src", cli::project_schema());
  ASSERT_TRUE(static_cast<bool>(project)) << llvm::toString(project.takeError());
  EXPECT_EQ(std::filesystem::canonical(project->root), std::filesystem::canonical(inner));
  EXPECT_EQ(project->config.integer("format.line_length"),
            Config::defaults(cli::project_schema()).integer("format.line_length"));
}

TEST(Config, ABadFileStopsTheProjectFromLoading) {
  testing::TempTree tree;
  tree.write(".retort.yaml", "format:\n  style: 3\n");
  auto project = load_project(tree.root(), cli::project_schema());
  ASSERT_FALSE(static_cast<bool>(project));
  EXPECT_THAT(llvm::toString(project.takeError()),
              HasSubstr((tree.root() / ".retort.yaml").string() + ":2:10:"));
}

TEST(Config, WithoutAFileTheGitTopIsTheRoot) {
  testing::TempTree tree;
  tree.write("sub/a.cpp", "int a;\n");
  tree.init_git_repository();
  auto project = load_project(tree.root() / "sub", cli::project_schema());
  ASSERT_TRUE(static_cast<bool>(project));
  EXPECT_EQ(project->root, tree.root());
  EXPECT_TRUE(project->config.source_file.empty());
}

}  // namespace
}  // namespace retort
