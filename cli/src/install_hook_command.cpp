// `retort install-hook`: a pre-commit hook that finds retort when it runs (on PATH,
// or the path `git config retort.path` keeps for this clone), so the hook file names
// no path of the machine that installed it. A hook that was there before is kept
// beside it and run after it.

#include <sys/stat.h>

#include <cstdlib>
#include <iostream>

#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/process.hpp"

namespace retort::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view hook_marker = "# installed by retort install-hook";
// Where a hook that was there before retort's is kept.
constexpr std::string_view chained_hook_name = "pre-commit.before-retort";

// The hook checks what the commit records (`--staged` reads git's index, and works
// before the first commit too), then runs the hook that was there before.
std::string hook_script() {
  return "#!/bin/sh\n" + std::string(hook_marker) +
         "\n"
         "# Checks what this commit changes; bypass once with `git commit --no-verify`.\n"
         "retort=$(git config --get retort.path || command -v retort) || {\n"
         "  echo \"retort pre-commit hook: retort is not on PATH; put it there or run\" >&2\n"
         "  echo \"  git config retort.path /path/to/retort\" >&2\n"
         "  exit 1\n"
         "}\n"
         "\"$retort\" ensure-consistency --staged || exit $?\n"
         "chained=\"$(dirname \"$0\")/" +
         std::string(chained_hook_name) +
         "\"\n"
         "if [ -x \"$chained\" ]; then exec \"$chained\" \"$@\"; fi\n";
}

llvm::Expected<fs::path> hooks_directory(const fs::path& directory) {
  auto result = run_process({"git", "-C", directory.string(), "rev-parse", "--git-path", "hooks"});
  if (!result) return result.takeError();
  if (result->exit_code != 0)
    return usage_error("install-hook: '" + directory.string() + "' is not in a git repository");
  std::string path = result->standard_output;
  while (!path.empty() && path.back() == '\n') path.pop_back();
  fs::path hooks = path;
  return (hooks.is_absolute() ? hooks : fs::absolute(directory / hooks)).lexically_normal();
}

// The `retort` a user runs: the front executable says so when it hands a command to
// retort-clang; run directly, this executable.
fs::path own_executable() {
  if (const char* front = std::getenv("RETORT_FRONT_EXECUTABLE"); front && *front) return front;
  std::error_code error;
  return fs::read_symlink("/proc/self/exe", error);
}

bool is_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "";
  while (!rest.empty()) {
    auto end = rest.find(':');
    fs::path directory(std::string(rest.substr(0, end)));
    if (!directory.empty() && ::access((directory / name).c_str(), X_OK) == 0) return true;
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  return false;
}

// Keeps a hook someone else wrote beside retort's, to run after it.
llvm::Error keep_existing_hook(const fs::path& hook, bool is_forced) {
  auto existing = read_file(hook);
  if (!existing) {
    llvm::consumeError(existing.takeError());
    return llvm::Error::success();
  }
  if (existing->find(hook_marker) != std::string::npos || is_forced) return llvm::Error::success();
  auto chained = hook.parent_path() / chained_hook_name;
  if (fs::exists(chained))
    return usage_error(hook.string() + " was not written by retort and " + chained.string() +
                       " exists too; merge them, or pass --force to replace the hook");
  std::error_code error;
  fs::rename(hook, chained, error);
  if (error) return usage_error("cannot keep " + hook.string() + ": " + error.message());
  std::cout << "kept the existing hook as " << chained.string() << "; it runs after retort's\n";
  return llvm::Error::success();
}

// Without retort on PATH the hook finds it through this clone's git config.
llvm::Error remember_executable(const GlobalOptions& global) {
  if (is_on_path("retort")) return llvm::Error::success();
  auto executable = own_executable().string();
  auto result =
      run_process({"git", "-C", global.directory.string(), "config", "retort.path", executable});
  if (!result) return result.takeError();
  if (result->exit_code != 0)
    return usage_error("git config retort.path: " + result->standard_error);
  std::cout << "retort is not on PATH: the hook runs " << executable
            << " (git config retort.path)\n";
  return llvm::Error::success();
}

int install_hook(const GlobalOptions& global, bool is_forced) {
  auto hooks = hooks_directory(global.directory);
  if (!hooks) return report_error(hooks.takeError(), llvm::errs());
  fs::path hook = *hooks / "pre-commit";
  if (auto error = keep_existing_hook(hook, is_forced))
    return report_error(std::move(error), llvm::errs());
  std::error_code error;
  fs::create_directories(*hooks, error);
  if (auto write_error = write_file_atomically(hook, hook_script()))
    return report_error(std::move(write_error), llvm::errs());
  ::chmod(hook.c_str(), 0755);
  if (auto config_error = remember_executable(global))
    return report_error(std::move(config_error), llvm::errs());
  std::cout << "installed " << hook.string() << "\n";
  return exit_clean;
}

}  // namespace

void add_install_hook_command(CLI::App& app, InstallHookOptions& options,
                              std::function<int()>& action, const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "install-hook",
      "Install a git pre-commit hook that runs `retort ensure-consistency` on what changed "
      "(an existing hook is kept and runs after it)");
  command->add_flag("--force", options.is_forced,
                    "Replace an existing pre-commit hook instead of keeping it");
  command->callback([&] { action = [&] { return install_hook(global, options.is_forced); }; });
}

}  // namespace retort::cli
