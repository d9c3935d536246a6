// The files other tools read: the pre-commit framework's hooks and the GitHub Actions
// workflow in docs/ci.md, parsed as YAML, their retort command lines checked against
// the real executable's options.

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "cli_test_support.hpp"
#include "retort/core/file_io.hpp"

namespace retort {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path source_dir = RETORT_SOURCE_DIR;

// Checks that `command` (`retort SUBCOMMAND --option ...`) names a subcommand whose
// `--help` lists every option it uses.
void expect_valid_retort_command(const std::string& command) {
  std::istringstream words(command);
  std::string program, subcommand, word;
  words >> program >> subcommand;
  ASSERT_EQ(program, "retort") << command;
  testing::TempTree tree;
  auto help = retort(tree, {subcommand, "--help"});
  ASSERT_EQ(help.exit_code, 0) << command << ": " << help.standard_error;
  while (words >> word)
    if (word.starts_with("--")) EXPECT_THAT(help.standard_output, HasSubstr(word)) << command;
}

// The `retort ...` commands of a shell script, continuation lines joined.
std::vector<std::string> retort_commands(const std::string& script) {
  std::string joined;
  for (std::size_t i = 0; i < script.size(); ++i) {
    if (script[i] == '\\' && i + 1 < script.size() && script[i + 1] == '\n') {
      ++i;
      continue;
    }
    joined += script[i];
  }
  std::vector<std::string> commands;
  std::istringstream lines(joined);
  for (std::string line; std::getline(lines, line);) {
    auto start = line.find_first_not_of(' ');
    if (start != std::string::npos && line.compare(start, 7, "retort ") == 0)
      commands.push_back(line.substr(start));
  }
  return commands;
}

TEST(Ecosystem, PreCommitHooksRunRealRetortCommands) {
  auto hooks = YAML::LoadFile((source_dir / ".pre-commit-hooks.yaml").string());
  ASSERT_TRUE(hooks.IsSequence());
  ASSERT_GE(hooks.size(), 1u);
  for (const auto& hook : hooks) {
    for (const char* key : {"id", "name", "entry", "language"})
      EXPECT_TRUE(hook[key].IsScalar()) << "a hook without " << key;
    EXPECT_EQ(hook["language"].as<std::string>(), "system");
    expect_valid_retort_command(hook["entry"].as<std::string>());
  }
  EXPECT_EQ(hooks[0]["id"].as<std::string>(), "retort");
}

// The first ```yaml block of docs/ci.md.
YAML::Node ci_workflow() {
  auto text = read_file(source_dir / "docs" / "ci.md");
  EXPECT_TRUE(static_cast<bool>(text));
  if (!text) return {};
  auto start = text->find("```yaml\n");
  auto end = text->find("\n```", start + 8);
  return YAML::Load(text->substr(start + 8, end - start - 8));
}

TEST(Ecosystem, TheCiWorkflowGatesAndUploadsTheSarifTheGateWrites) {
  auto workflow = ci_workflow();
  auto steps = workflow["jobs"]["gate"]["steps"];
  ASSERT_TRUE(steps.IsSequence());
  EXPECT_TRUE(workflow["permissions"]["security-events"].IsScalar());
  std::string gate_commands, sarif_upload;
  bool has_artifacts = false;
  for (const auto& step : steps) {
    if (step["run"]) gate_commands += step["run"].as<std::string>() + "\n";
    auto uses = step["uses"] ? step["uses"].as<std::string>() : "";
    if (uses.starts_with("github/codeql-action/upload-sarif"))
      sarif_upload = step["with"]["sarif_file"].as<std::string>();
    has_artifacts = has_artifacts || uses.starts_with("actions/upload-artifact");
  }
  auto commands = retort_commands(gate_commands);
  ASSERT_GE(commands.size(), 2u);
  for (const auto& command : commands) expect_valid_retort_command(command);
  EXPECT_THAT(commands[0], HasSubstr("ensure-consistency"));
  EXPECT_THAT(commands[0], HasSubstr("--format sarif --output " + sarif_upload));
  EXPECT_TRUE(has_artifacts);
}

}  // namespace
}  // namespace retort

namespace retort {
namespace {

// README's reference of `.retort.yaml` is what the tools declare, as the command prints
// it: a key added, renamed or redescribed without the README fails here.
TEST(Ecosystem, ReadmesConfigBlockIsRetortConfigDefaults) {
  auto readme = read_file(source_dir / "README.md");
  ASSERT_TRUE(static_cast<bool>(readme)) << llvm::toString(readme.takeError());
  const std::string marker = "<!-- The block below is `retort config defaults`";
  auto at = readme->find(marker);
  ASSERT_NE(at, std::string::npos) << "README.md has no config reference block";
  auto begin = readme->find("```yaml\n", at);
  ASSERT_NE(begin, std::string::npos);
  begin += 8;
  auto end = readme->find("```\n", begin);
  ASSERT_NE(end, std::string::npos);
  testing::TempTree tree;
  auto printed = retort(tree, {"config", "defaults"});
  ASSERT_EQ(printed.exit_code, 0) << printed.standard_error;
  EXPECT_EQ(readme->substr(begin, end - begin), printed.standard_output)
      << "update README.md with `retort config defaults`";
}

}  // namespace
}  // namespace retort
