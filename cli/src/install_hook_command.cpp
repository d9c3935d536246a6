#include <sys/stat.h>

#include <fstream>
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

llvm::Expected<fs::path> hooks_directory(const fs::path& directory) {
  auto result = run_process({"git", "-C", directory.string(), "rev-parse", "--git-path", "hooks"});
  if (!result) return result.takeError();
  if (result->exit_code != 0)
    return usage_error("install-hook: '" + directory.string() + "' is not in a git repository");
  std::string path = result->standard_output;
  while (!path.empty() && path.back() == '\n') path.pop_back();
  fs::path hooks = path;
  return hooks.is_absolute() ? hooks : fs::absolute(directory / hooks);
}

int install_hook(const GlobalOptions& global, bool is_forced) {
  auto hooks = hooks_directory(global.directory);
  if (!hooks) return report_error(hooks.takeError(), llvm::errs());
  fs::path hook = *hooks / "pre-commit";
  if (auto existing = read_file(hook);
      existing && existing->find(hook_marker) == std::string::npos && !is_forced) {
    std::cerr << "retort: error: " << hook.string()
              << " exists and was not written by retort; move it away or pass --force\n";
    return exit_usage;
  } else if (!existing) {
    llvm::consumeError(existing.takeError());
  }
  std::error_code error;
  fs::create_directories(*hooks, error);
  fs::path executable = fs::read_symlink("/proc/self/exe", error);
  std::ofstream(hook)
      << "#!/bin/sh\n"
      << hook_marker << "\n"
      << "# Checks what this commit changes; bypass once with `git commit --no-verify`.\n"
      << "exec \"" << executable.string() << "\" ensure-consistency --since HEAD\n";
  chmod(hook.c_str(), 0755);
  std::cout << "installed " << hook.string() << "\n";
  return exit_clean;
}

}  // namespace

void add_install_hook_command(CLI::App& app, InstallHookOptions& options,
                              std::function<int()>& action, const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "install-hook",
      "Install a git pre-commit hook that runs `retort ensure-consistency --since HEAD`");
  command->add_flag("--force", options.is_forced,
                    "Replace a pre-commit hook that retort did not write");
  command->callback([&] { action = [&] { return install_hook(global, options.is_forced); }; });
}

}  // namespace retort::cli
