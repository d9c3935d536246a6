#include "retort/core/compile_commands.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

std::string database_for(const std::filesystem::path& root) {
  return "[{\"directory\": \"" + root.string() +
         "\", \"file\": \"src/hexify.cpp\", \"arguments\": "
         "[\"c++\", \"-std=c++20\", \"-DBELIEF=1\", \"-Iinclude\", \"-c\", \"src/hexify.cpp\"]}]";
}

TEST(CompileCommands, AFileInTheDatabaseGetsItsOwnCommand) {
  testing::TempTree tree;
  tree.write("build/compile_commands.json", database_for(tree.root()));
  auto commands = CompileCommands::discover(tree.root(), std::nullopt);
  ASSERT_TRUE(static_cast<bool>(commands)) << llvm::toString(commands.takeError());
  EXPECT_EQ(commands->database_file(), tree.root() / "build/compile_commands.json");
  EXPECT_THAT(commands->command_for(tree.root() / "src/hexify.cpp"), Contains("-DBELIEF=1"));
  EXPECT_EQ(commands->source_files().size(), 1u);
}

TEST(CompileCommands, AHeaderItLacksGetsAnInterpolatedCommand) {
  testing::TempTree tree;
  tree.write("compile_commands.json", database_for(tree.root()));
  auto commands = CompileCommands::discover(tree.root(), std::nullopt);
  ASSERT_TRUE(static_cast<bool>(commands));
  auto command = commands->command_for(tree.root() / "src/hexify.hpp");
  EXPECT_THAT(command, Contains("-DBELIEF=1"));
  EXPECT_THAT(command, Contains("-Iinclude"));
  EXPECT_THAT(command.back(), HasSubstr("hexify.hpp"));
}

TEST(CompileCommands, AnExplicitBuildDirectoryWinsAndMustHoldTheDatabase) {
  testing::TempTree tree;
  tree.write("build/compile_commands.json", database_for(tree.root()));
  tree.write("out/compile_commands.json", "[]");
  auto chosen = CompileCommands::discover(tree.root(), tree.root() / "out");
  ASSERT_TRUE(static_cast<bool>(chosen));
  EXPECT_EQ(chosen->database_file(), tree.root() / "out/compile_commands.json");
  auto missing = CompileCommands::discover(tree.root(), tree.root() / "nowhere");
  ASSERT_FALSE(static_cast<bool>(missing));
  EXPECT_THAT(llvm::toString(missing.takeError()), HasSubstr("nowhere/compile_commands.json"));
}

TEST(CompileCommands, NoDatabaseIsAUsageErrorListingThePlacesSearched) {
  testing::TempTree tree;
  auto commands = CompileCommands::discover(tree.root(), std::nullopt);
  ASSERT_FALSE(static_cast<bool>(commands));
  std::string message = llvm::toString(commands.takeError());
  EXPECT_THAT(message, HasSubstr((tree.root() / "build/compile_commands.json").string()));
  EXPECT_THAT(message, HasSubstr("CMAKE_EXPORT_COMPILE_COMMANDS"));
}

TEST(CompileCommands, APresetsBuildFolderAndAParentFolderAreFound) {
  testing::TempTree tree;
  tree.write("build/release/compile_commands.json", database_for(tree.root()));
  auto preset = CompileCommands::discover(tree.root(), std::nullopt);
  ASSERT_TRUE(static_cast<bool>(preset)) << llvm::toString(preset.takeError());
  EXPECT_EQ(preset->database_file(), tree.root() / "build/release/compile_commands.json");
  tree.write("repo/compile_commands.json", database_for(tree.root()));
  tree.write("repo/libs/one/a.cpp", "");
  auto parent = CompileCommands::discover(tree.root() / "repo/libs/one", std::nullopt);
  ASSERT_TRUE(static_cast<bool>(parent)) << llvm::toString(parent.takeError());
  EXPECT_EQ(parent->database_file(), tree.root() / "repo/compile_commands.json");
}

TEST(CompileCommands, ABrokenDatabaseIsAnErrorNamingTheFile) {
  testing::TempTree tree;
  tree.write("compile_commands.json", "[{\"directory\": ");
  auto commands = CompileCommands::discover(tree.root(), std::nullopt);
  ASSERT_FALSE(static_cast<bool>(commands));
  EXPECT_THAT(llvm::toString(commands.takeError()),
              HasSubstr("cannot load '" + (tree.root() / "compile_commands.json").string()));
}

}  // namespace
}  // namespace retort
