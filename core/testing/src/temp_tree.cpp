#include "retort/testing/temp_tree.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

#include "retort/core/process.hpp"

namespace retort::testing {

namespace fs = std::filesystem;

TempTree::TempTree() {
  std::string pattern = (fs::temp_directory_path() / "retort-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  root_ = fs::canonical(pattern);
}

TempTree::~TempTree() {
  std::error_code error;
  // A test may leave read-only files; make everything writable so removal works.
  for (auto it = fs::recursive_directory_iterator(root_, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_symlink())
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, error);
  }
  fs::remove_all(root_, error);
}

fs::path TempTree::write(const std::string& relative, std::string_view contents) const {
  fs::path path = root_ / relative;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

void TempTree::write_compile_database(const std::vector<std::string>& units,
                                      const std::vector<std::string>& flags) const {
  llvm::json::Array entries;
  for (const auto& unit : units) {
    llvm::json::Array arguments{"c++"};
    for (const auto& flag : flags) arguments.push_back(flag);
    arguments.push_back("-c");
    arguments.push_back(unit);
    entries.push_back(llvm::json::Object{
        {"directory", root_.string()}, {"file", unit}, {"arguments", std::move(arguments)}});
  }
  std::string text;
  llvm::raw_string_ostream stream(text);
  stream << llvm::json::Value(std::move(entries));
  write("build/compile_commands.json", stream.str());
}

std::string TempTree::read(const std::string& relative) const {
  std::ifstream stream(root_ / relative, std::ios::binary);
  std::ostringstream contents;
  contents << stream.rdbuf();
  return contents.str();
}

std::string TempTree::git(const std::vector<std::string>& arguments) const {
  std::vector<std::string> argv{"git",
                                "-C",
                                root_.string(),
                                "-c",
                                "user.name=retort test",
                                "-c",
                                "user.email=test@retort.invalid",
                                "-c",
                                "commit.gpgsign=false"};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  auto result = run_process(argv);
  if (!result) {
    ADD_FAILURE() << llvm::toString(result.takeError());
    return {};
  }
  EXPECT_EQ(result->exit_code, 0) << "git failed: " << result->standard_error;
  return result->standard_output;
}

void TempTree::init_git_repository() const {
  git({"init", "-q", "-b", "main"});
  git({"add", "-A"});
  git({"commit", "-q", "--allow-empty", "-m", "initial"});
}

}  // namespace retort::testing
