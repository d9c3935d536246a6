#include "retort/core/compile_commands.hpp"

#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/JSONCompilationDatabase.h>

#include "retort/core/errors.hpp"

namespace retort {

namespace fs = std::filesystem;

CompileCommands::CompileCommands(fs::path database_file,
                                 std::unique_ptr<clang::tooling::CompilationDatabase> database)
    : database_file_(std::move(database_file)), database_(std::move(database)) {}
CompileCommands::CompileCommands(CompileCommands&&) noexcept = default;
CompileCommands& CompileCommands::operator=(CompileCommands&&) noexcept = default;
CompileCommands::~CompileCommands() = default;

llvm::Expected<CompileCommands> CompileCommands::load(const fs::path& directory) {
  fs::path file = directory / "compile_commands.json";
  std::string message;
  auto database = clang::tooling::JSONCompilationDatabase::loadFromFile(
      file.string(), message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!database) return usage_error("cannot load '" + file.string() + "': " + message);
  return CompileCommands(file, clang::tooling::inferMissingCompileCommands(std::move(database)));
}

llvm::Expected<CompileCommands> CompileCommands::discover(
    const fs::path& project_root, const std::optional<fs::path>& build_directory) {
  std::vector<fs::path> candidates;
  if (build_directory) {
    candidates.push_back(fs::absolute(*build_directory));
  } else {
    candidates = {project_root / "build", project_root};
  }
  std::string searched;
  for (const auto& directory : candidates) {
    std::error_code error;
    if (fs::is_regular_file(directory / "compile_commands.json", error)) return load(directory);
    searched += (searched.empty() ? "" : ", ") + (directory / "compile_commands.json").string();
  }
  return usage_error("no compile_commands.json found (searched " + searched +
                     "); configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON or pass -p BUILD_DIR");
}

std::vector<std::string> CompileCommands::command_for(const fs::path& file) const {
  auto commands = database_->getCompileCommands(fs::absolute(file).string());
  if (commands.empty()) return {};
  return commands.front().CommandLine;
}

std::vector<fs::path> CompileCommands::source_files() const {
  std::vector<fs::path> files;
  for (const auto& file : database_->getAllFiles()) files.emplace_back(file);
  return files;
}

}  // namespace retort
