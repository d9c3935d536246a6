#include "retort/core/compile_commands.hpp"

#include "retort/core/result_cache.hpp"

#include <algorithm>

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

namespace {

// `build/<preset>/` folders holding a database (CMake presets write there), the
// newest first: that is the one the user configured last.
std::vector<fs::path> preset_folders(const fs::path& build) {
  std::vector<std::pair<fs::file_time_type, fs::path>> found;
  std::error_code error;
  for (auto it = fs::directory_iterator(build, error); !error && it != fs::directory_iterator();
       it.increment(error)) {
    fs::path database = it->path() / "compile_commands.json";
    std::error_code stat_error;
    if (fs::is_regular_file(database, stat_error))
      found.emplace_back(fs::last_write_time(database, stat_error), it->path());
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(b.first, a.second) < std::tie(a.first, b.second);
  });
  std::vector<fs::path> folders;
  for (auto& [time, folder] : found) folders.push_back(std::move(folder));
  return folders;
}

// Where a database is looked for, in order: `build/`, the root, `build/<preset>/`,
// then each parent folder and its `build/` (as clangd walks up from a file).
std::vector<fs::path> candidate_folders(const fs::path& project_root) {
  std::vector<fs::path> candidates{project_root / "build", project_root};
  for (auto& folder : preset_folders(project_root / "build")) candidates.push_back(folder);
  for (fs::path folder = project_root.parent_path(); !folder.empty();
       folder = folder.parent_path()) {
    candidates.push_back(folder);
    candidates.push_back(folder / "build");
    if (folder == folder.root_path()) break;
  }
  return candidates;
}

}  // namespace

llvm::Expected<CompileCommands> CompileCommands::discover(
    const fs::path& project_root, const std::optional<fs::path>& build_directory) {
  std::vector<fs::path> candidates;
  if (build_directory) {
    candidates.push_back(fs::absolute(*build_directory));
  } else {
    candidates = candidate_folders(fs::absolute(project_root).lexically_normal());
  }
  for (const auto& directory : candidates) {
    std::error_code error;
    if (fs::is_regular_file(directory / "compile_commands.json", error)) return load(directory);
  }
  std::string searched = build_directory
                             ? (candidates.front() / "compile_commands.json").string()
                             : (project_root / "build/compile_commands.json").string() + ", " +
                                   (project_root / "compile_commands.json").string() + ", " +
                                   (project_root / "build/*/compile_commands.json").string() +
                                   " and the same in each folder above";
  return usage_error("no compile_commands.json found (searched " + searched +
                     "); configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON or pass -p BUILD_DIR");
}

void add_compile_commands(CacheKey& key, const clang::tooling::CompilationDatabase& database,
                          const fs::path& unit) {
  for (const auto& command : database.getCompileCommands(unit.string())) {
    key.add(command.Directory);
    for (const auto& argument : command.CommandLine) key.add(argument);
  }
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
