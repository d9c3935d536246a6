#include "retort/core/source_files.hpp"

#include <algorithm>
#include <set>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/GlobPattern.h>

#include "retort/core/config.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/git.hpp"

namespace retort {
namespace {

namespace fs = std::filesystem;

std::vector<llvm::GlobPattern> compile_globs(const std::vector<std::string>& globs) {
  std::vector<llvm::GlobPattern> patterns;
  for (const auto& glob : globs) {
    // The config loader already rejected globs that do not compile.
    if (auto pattern = llvm::GlobPattern::create(glob)) {
      patterns.push_back(std::move(*pattern));
    } else {
      llvm::consumeError(pattern.takeError());
    }
  }
  return patterns;
}

bool matches_any(const std::vector<llvm::GlobPattern>& patterns, llvm::StringRef path) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const llvm::GlobPattern& p) { return p.match(path); });
}

// Outside git, walk the tree ourselves; skip hidden directories (.git, .retort, ...).
std::vector<fs::path> walk_directory(const fs::path& directory) {
  std::vector<fs::path> files;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(directory, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const auto name = it->path().filename().string();
    if (it->is_directory() && name.size() > 1 && name.front() == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() || it->is_symlink()) files.push_back(it->path());
  }
  return files;
}

llvm::Expected<std::vector<fs::path>> list_directory(const fs::path& directory) {
  if (auto top = git_toplevel(directory)) {
    auto files = git_list_files(*top, {fs::absolute(directory)});
    if (!files) return files.takeError();
    // git lists files deleted from the work tree but not yet from the index.
    std::erase_if(*files, [](const fs::path& file) {
      std::error_code error;
      return !fs::exists(fs::symlink_status(file, error));
    });
    return files;
  }
  return walk_directory(directory);
}

}  // namespace

bool is_cpp_header(const fs::path& path) {
  static const std::set<std::string, std::less<>> extensions{
      ".h", ".hh", ".hpp", ".hxx", ".h++", ".ipp", ".inl", ".tpp", ".tcc", ".cuh"};
  return extensions.count(path.extension().string()) != 0;
}

bool is_cpp_source(const fs::path& path) {
  static const std::set<std::string, std::less<>> extensions{".c",   ".cc",   ".cpp", ".cxx",
                                                             ".c++", ".cppm", ".ixx", ".cu"};
  return is_cpp_header(path) || extensions.count(path.extension().string()) != 0;
}

FileSelection FileSelection::from_config(const Config& config) {
  return {config.string_list("files.include"), config.string_list("files.exclude")};
}

bool matches_any_glob(const std::string& path, const std::vector<std::string>& globs) {
  return matches_any(compile_globs(globs), path);
}

bool is_inside(const fs::path& path, const fs::path& root) {
  auto relative = path.lexically_normal().lexically_relative(root.lexically_normal());
  return !relative.empty() && *relative.begin() != "..";
}

std::string display_path(const fs::path& path, const fs::path& root) {
  if (!is_inside(path, root)) return path.string();
  return path.lexically_normal().lexically_relative(root.lexically_normal()).string();
}

llvm::Expected<std::vector<fs::path>> discover_source_files(const fs::path& project_root,
                                                            const std::vector<fs::path>& requested,
                                                            const FileSelection& selection) {
  auto includes = compile_globs(selection.include_globs);
  auto excludes = compile_globs(selection.exclude_globs);
  std::vector<fs::path> roots = requested.empty() ? std::vector<fs::path>{project_root} : requested;
  std::set<fs::path> selected;
  for (const auto& root : roots) {
    fs::path absolute = fs::absolute(root).lexically_normal();
    std::error_code error;
    auto status = fs::symlink_status(absolute, error);
    if (error || !fs::exists(status)) {
      return usage_error("no such file or directory: '" + root.string() + "'");
    }
    if (!fs::is_directory(fs::status(absolute, error))) {
      selected.insert(absolute);  // named explicitly: the user means it
      continue;
    }
    auto listed = list_directory(absolute);
    if (!listed) return listed.takeError();
    std::size_t found = 0;
    for (const auto& file : *listed) {
      if (!is_cpp_source(file)) continue;
      std::string relative = display_path(file, project_root);
      if (!includes.empty() && !matches_any(includes, relative)) continue;
      if (matches_any(excludes, relative)) continue;
      selected.insert(file.lexically_normal());
      ++found;
    }
    if (found == 0 && !requested.empty()) {
      return usage_error("no C++ files under '" + root.string() +
                         "' (after files.include/files.exclude)");
    }
  }
  return std::vector<fs::path>(selected.begin(), selected.end());
}

}  // namespace retort
