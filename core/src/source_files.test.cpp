#include "retort/core/source_files.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(SourceFiles, InAGitRepositoryIgnoredFilesStayOut) {
  testing::TempTree tree;
  tree.write(".gitignore", "build/\n");
  tree.write("src/a.cpp", "");
  tree.write("src/a.hpp", "");
  tree.write("src/notes.txt", "");
  tree.write("build/gen.cpp", "");
  tree.init_git_repository();
  auto files = discover_source_files(tree.root(), {}, {});
  ASSERT_TRUE(static_cast<bool>(files)) << llvm::toString(files.takeError());
  EXPECT_THAT(*files, ElementsAre(tree.root() / "src/a.cpp", tree.root() / "src/a.hpp"));
}

TEST(SourceFiles, OutsideGitHiddenDirectoriesAreSkipped) {
  testing::TempTree tree;
  tree.write("a.cc", "");
  tree.write(".retort/cache/b.cpp", "");
  auto files = discover_source_files(tree.root(), {}, {});
  ASSERT_TRUE(static_cast<bool>(files));
  EXPECT_THAT(*files, ElementsAre(tree.root() / "a.cc"));
}

TEST(SourceFiles, IncludeAndExcludeGlobsApplyToRootRelativePaths) {
  testing::TempTree tree;
  tree.write("src/a.cpp", "");
  tree.write("src/a.pb.h", "");
  tree.write("third_party/x.cpp", "");
  FileSelection selection{{"src/**"}, {"**/*.pb.h"}};
  auto files = discover_source_files(tree.root(), {}, selection);
  ASSERT_TRUE(static_cast<bool>(files));
  EXPECT_THAT(*files, ElementsAre(tree.root() / "src/a.cpp"));
}

TEST(SourceFiles, ALeadingGlobstarMatchesTopLevelFoldersAsInGitignore) {
  EXPECT_TRUE(matches_any_glob("tests/a.cpp", {"**/tests/**"}));
  EXPECT_TRUE(matches_any_glob("lib/tests/a.cpp", {"**/tests/**"}));
  EXPECT_TRUE(matches_any_glob("src/a/b.h", {"src/**/b.h"}));
  EXPECT_TRUE(matches_any_glob("src/b.h", {"src/**/b.h"}));
  EXPECT_FALSE(matches_any_glob("contests/a.cpp", {"**/tests/**"}));
  EXPECT_FALSE(matches_any_glob("src/ab.h", {"src/**/b.h"}));
}

TEST(SourceFiles, APathOutsideTheProjectIsAUsageErrorNamingIt) {
  testing::TempTree project;
  testing::TempTree elsewhere;
  project.write("a.cpp", "");
  auto outside = elsewhere.write("b.cpp", "");
  for (const auto& path : {outside, elsewhere.root()}) {
    auto files = discover_source_files(project.root(), {path}, {});
    ASSERT_FALSE(static_cast<bool>(files));
    EXPECT_THAT(llvm::toString(files.takeError()),
                HasSubstr("'" + path.string() + "' is outside the project"));
  }
}

TEST(SourceFiles, ACppFileNamedExplicitlyIsKeptWhateverTheExcludesSay) {
  testing::TempTree tree;
  auto file = tree.write("generated.cpp", "");
  auto files = discover_source_files(tree.root(), {file}, {{}, {"*.cpp"}});
  ASSERT_TRUE(static_cast<bool>(files));
  EXPECT_THAT(*files, ElementsAre(file));
}

TEST(SourceFiles, ANamedFileThatIsNotCppIsLeftAloneUnlessAnIncludeGlobClaimsIt) {
  testing::TempTree tree;
  auto build_script = tree.write("CMakeLists.txt", "add_library(x a.cpp)\n");
  auto code = tree.write("kernel.cl", "");
  auto source = tree.write("a.cpp", "");
  std::vector<std::filesystem::path> left_alone;
  auto files = discover_source_files(tree.root(), {build_script, source, code}, {}, &left_alone);
  ASSERT_TRUE(static_cast<bool>(files));
  EXPECT_THAT(*files, ElementsAre(source));
  EXPECT_THAT(left_alone, ElementsAre(build_script, code));
  auto claimed = discover_source_files(tree.root(), {code}, {{"*.cl", "*.cpp"}, {}});
  ASSERT_TRUE(static_cast<bool>(claimed));
  EXPECT_THAT(*claimed, ElementsAre(code));
}

TEST(SourceFiles, AMissingPathIsAUsageErrorNamingIt) {
  testing::TempTree tree;
  auto files = discover_source_files(tree.root(), {tree.root() / "nope.cpp"}, {});
  ASSERT_FALSE(static_cast<bool>(files));
  EXPECT_THAT(llvm::toString(files.takeError()),
              HasSubstr("no such file or directory: '" + (tree.root() / "nope.cpp").string()));
}

TEST(SourceFiles, ADirectoryWithoutCppFilesIsAUsageError) {
  testing::TempTree tree;
  tree.write("docs/readme.md", "");
  auto files = discover_source_files(tree.root(), {tree.root() / "docs"}, {});
  ASSERT_FALSE(static_cast<bool>(files));
  EXPECT_THAT(llvm::toString(files.takeError()), HasSubstr("no C++ files under"));
}

TEST(SourceFiles, DisplayPathsAreRelativeToTheRootWhenInside) {
  EXPECT_EQ(display_path("/p/src/a.cpp", "/p"), "src/a.cpp");
  EXPECT_EQ(display_path("/elsewhere/a.cpp", "/p"), "/elsewhere/a.cpp");
}

}  // namespace
}  // namespace retort
