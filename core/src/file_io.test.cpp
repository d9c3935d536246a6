#include "retort/core/file_io.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

namespace fs = std::filesystem;

TEST(FileIo, AtomicWritesKeepModeBits) {
  testing::TempTree tree;
  auto file = tree.write("run.sh", "old");
  fs::permissions(file, fs::perms(0750));
  ASSERT_FALSE(static_cast<bool>(write_file_atomically(file, "new")));
  EXPECT_EQ(tree.read("run.sh"), "new");
  EXPECT_EQ(fs::status(file).permissions(), fs::perms(0750));
}

TEST(FileIo, AtomicWritesThroughASymlinkKeepTheLink) {
  testing::TempTree tree;
  auto target = tree.write("real.cpp", "old");
  fs::create_symlink(target, tree.root() / "link.cpp");
  ASSERT_FALSE(static_cast<bool>(write_file_atomically(tree.root() / "link.cpp", "new")));
  EXPECT_TRUE(fs::is_symlink(tree.root() / "link.cpp"));
  EXPECT_EQ(tree.read("real.cpp"), "new");
}

TEST(FileIo, AFailedWriteLeavesNoTemporaryFileBehind) {
  testing::TempTree tree;
  auto error = write_file_atomically(tree.root() / "missing" / "a.cpp", "x");
  EXPECT_TRUE(static_cast<bool>(error));
  llvm::consumeError(std::move(error));
  EXPECT_EQ(std::distance(fs::directory_iterator(tree.root()), fs::directory_iterator()), 0);
}

TEST(FileIo, ReadingADirectoryOrMissingFileIsAnErrorNamingIt) {
  testing::TempTree tree;
  auto missing = read_file(tree.root() / "nope.cpp");
  ASSERT_FALSE(static_cast<bool>(missing));
  EXPECT_NE(llvm::toString(missing.takeError()).find("nope.cpp"), std::string::npos);
  auto directory = read_file(tree.root());
  ASSERT_FALSE(static_cast<bool>(directory));
  EXPECT_NE(llvm::toString(directory.takeError()).find("not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace retort
