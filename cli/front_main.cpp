// `retort`: runs `test` and `cover` itself and hands every other command line to
// `retort-clang` (exec, so signals, exit codes and output are that program's). The
// split keeps libclang-cpp and libLLVM, about 45 ms of start-up, out of a test run.

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "commands.hpp"
#include "retort/core/exit_codes.hpp"

namespace {

namespace fs = std::filesystem;

// The subcommand: the first argument that is neither a global option nor its value.
std::string_view subcommand_of(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view argument = argv[i];
    if (argument == "-C" || argument == "--color") {
      ++i;
      continue;
    }
    if (argument.starts_with("-")) continue;
    return argument;
  }
  return {};
}

// Beside this executable (the build tree, or a `bin/` holding both), else where
// `cmake --install` puts it.
fs::path clang_executable() {
  std::error_code error;
  auto self = fs::read_symlink("/proc/self/exe", error);
  auto beside = self.parent_path() / "retort-clang";
  if (fs::exists(beside, error)) return beside;
  return self.parent_path().parent_path() / "libexec" / "retort" / "retort-clang";
}

int exec_clang_executable(char** argv) {
  // The path a user runs, for what retort-clang writes that runs retort again (the
  // pre-commit hook's git config).
  std::error_code error;
  ::setenv("RETORT_FRONT_EXECUTABLE", fs::read_symlink("/proc/self/exe", error).c_str(), 1);
  auto executable = clang_executable();
  auto name = executable.string();
  argv[0] = name.data();
  execv(name.c_str(), argv);
  std::cerr << "retort: internal error: cannot start " << name << ": " << std::strerror(errno)
            << " (it is installed beside retort, or in ../libexec/retort)\n";
  return retort::exit_internal;
}

}  // namespace

int main(int argc, char** argv) {
  auto command = subcommand_of(argc, argv);
  if (command != "test" && command != "cover") return exec_clang_executable(argv);
  return retort::cli::run(argc, argv, retort::cli::add_test_commands);
}
