#include "retort/core/vendored.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/core/config.hpp"
#include "retort/core/source_files.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Vendored, ConventionalFoldersAndNestedProjectsAreFoundOutermostFirst) {
  auto folders = detect_vendored_folders(
      {"CMakeLists.txt", "LICENSE", "src/a.cpp",  // the project itself
       "third_party/googletest/CMakeLists.txt", "third_party/googletest/LICENSE",
       "third_party/googletest/src/gtest.cc",  // inside third_party/
       "test/gtest-1.10.0/CMakeLists.txt", "test/gtest-1.10.0/LICENSE",
       "test/gtest-1.10.0/src/gtest.cc",          // a nested project
       "lib/external/zlib/zlib.h",                // a conventional name
       "tools/CMakeLists.txt", "tools/main.cpp",  // a build, no licence
       "docs/LICENSE.md"});                       // a licence, no build
  EXPECT_THAT(folders, ElementsAre("lib/external", "test/gtest-1.10.0", "third_party"));
}

TEST(Vendored, AProjectWithoutVendoredCodeHasNone) {
  EXPECT_THAT(detect_vendored_folders({"CMakeLists.txt", "LICENSE", "include/a.h", "src/a.cpp",
                                       "contrib.cpp", "externalize/x.cpp"}),
              IsEmpty());
}

TEST(Vendored, FoldersContainTheirFilesOnly) {
  EXPECT_TRUE(is_in_folders("third_party/x.h", {"third_party"}));
  EXPECT_FALSE(is_in_folders("third_party_tools/x.h", {"third_party"}));
  EXPECT_FALSE(is_in_folders("third_party", {"third_party"}));
}

Config config_from(const std::string& yaml) {
  auto config = parse_config(yaml, ".retort.yaml", {files_config_section()});
  if (!config) ADD_FAILURE() << llvm::toString(config.takeError());
  return std::move(*config);
}

TEST(Vendored, DiscoveryLeavesVendoredCodeOutUnlessConfiguredOrNamed) {
  testing::TempTree tree;
  tree.write("src/a.cpp", "");
  tree.write("third_party/lib/lib.cpp", "");
  tree.write("vendored_by_hand/b.cpp", "");
  tree.init_git_repository();
  auto automatic = FileSelection::for_project(tree.root(), config_from(""));
  ASSERT_TRUE(static_cast<bool>(automatic));
  EXPECT_THAT(automatic->vendored_folders, ElementsAre("third_party"));
  auto files = discover_source_files(tree.root(), {}, *automatic);
  ASSERT_TRUE(static_cast<bool>(files));
  EXPECT_EQ(files->size(), 2u);  // src/a.cpp and vendored_by_hand/b.cpp
  auto named = discover_source_files(tree.root(), {tree.root() / "third_party"}, *automatic);
  ASSERT_TRUE(static_cast<bool>(named));
  EXPECT_THAT(*named, ElementsAre(tree.root() / "third_party/lib/lib.cpp"));

  auto listed = FileSelection::for_project(
      tree.root(), config_from("files:\n  vendored: [auto, vendored_by_hand]\n"));
  ASSERT_TRUE(static_cast<bool>(listed));
  EXPECT_THAT(listed->vendored_folders, ElementsAre("third_party", "vendored_by_hand"));
  auto none = FileSelection::for_project(tree.root(), config_from("files:\n  vendored: []\n"));
  ASSERT_TRUE(static_cast<bool>(none));
  EXPECT_THAT(none->vendored_folders, IsEmpty());
}

}  // namespace
}  // namespace retort
