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

TEST(FileIo, ReadsEveryByteOfBinaryFilesAndOfFilesWhoseSizeSaysNothing) {
  testing::TempTree tree;
  std::string binary(3 << 20, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 7 % 251);
  auto file = tree.write("program", binary);
  auto read = read_file(file);
  ASSERT_TRUE(static_cast<bool>(read)) << llvm::toString(read.takeError());
  EXPECT_EQ(*read, binary);
  // /proc reports a size of 0 for files that have contents.
  auto status = read_file("/proc/self/status");
  ASSERT_TRUE(static_cast<bool>(status)) << llvm::toString(status.takeError());
  EXPECT_NE(status->find("Pid:"), std::string::npos);
}

}  // namespace
}  // namespace retort
