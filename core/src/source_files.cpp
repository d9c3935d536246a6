#include "retort/core/source_files.hpp"

#include <algorithm>
#include <deque>
#include <set>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/GlobPattern.h>

#include "retort/core/config.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/git.hpp"
#include "retort/core/vendored.hpp"

namespace retort {
namespace {

namespace fs = std::filesystem;

// `**/` matches zero or more folders, as in gitignore: `**/tests/**` matches a
// top-level `tests/` too. llvm::GlobPattern's `*` crosses `/` but cannot match the
// empty folder list, so each `**/` also yields the glob without it.
std::vector<std::string> with_empty_globstars(const std::string& glob) {
  std::vector<std::string> variants{glob};
  for (std::size_t i = 0; i < variants.size() && variants.size() < 64; ++i) {
    const std::string variant = variants[i];
    for (std::size_t at = variant.find("**/"); at != std::string::npos;
         at = variant.find("**/", at + 1)) {
      if (at != 0 && variant[at - 1] != '/') continue;
      std::string shorter = variant.substr(0, at) + variant.substr(at + 3);
      if (std::find(variants.begin(), variants.end(), shorter) == variants.end())
        variants.push_back(std::move(shorter));
    }
  }
  return variants;
}

// llvm::GlobPattern keeps StringRefs into the text it was made from, so the texts
// live beside the patterns, in a deque that never moves them.
struct CompiledGlobs {
  std::deque<std::string> texts;
  std::vector<llvm::GlobPattern> patterns;

  bool empty() const { return patterns.empty(); }
};

CompiledGlobs compile_globs(const std::vector<std::string>& globs) {
  CompiledGlobs compiled;
  for (const auto& glob : globs) {
    for (auto& variant : with_empty_globstars(glob)) compiled.texts.push_back(std::move(variant));
  }
  for (const auto& text : compiled.texts) {
    // The config loader already rejected globs that do not compile.
    if (auto pattern = llvm::GlobPattern::create(text)) {
      compiled.patterns.push_back(std::move(*pattern));
    } else {
      llvm::consumeError(pattern.takeError());
    }
  }
  return compiled;
}

bool matches_any(const CompiledGlobs& globs, llvm::StringRef path) {
  return std::any_of(globs.patterns.begin(), globs.patterns.end(),
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
  return {config.string_list("files.include"), config.string_list("files.exclude"), {}};
}

llvm::Expected<FileSelection> FileSelection::for_project(const fs::path& project_root,
                                                         const Config& config) {
  FileSelection selection = from_config(config);
  const auto& vendored = config.string_list("files.vendored");
  if (vendored.empty()) return selection;
  auto listed = list_directory(project_root);
  if (!listed) return listed.takeError();
  std::vector<std::string> files;
  for (const auto& file : *listed) files.push_back(display_path(file, project_root));
  std::set<std::string> folders;
  auto detected = detect_vendored_folders(files);
  for (const auto& entry : vendored) {
    if (entry == "auto") {
      folders.insert(detected.begin(), detected.end());
      continue;
    }
    auto patterns = compile_globs({entry, entry + "/**"});
    for (const auto& file : files) {  // the outermost folder of each match
      for (std::string folder = file; folder.find('/') != std::string::npos;) {
        folder = folder.substr(0, folder.rfind('/'));
        if (matches_any(patterns, folder)) folders.insert(folder);
      }
    }
  }
  for (const auto& folder : folders) {
    if (!is_in_folders(folder, selection.vendored_folders))
      selection.vendored_folders.push_back(folder);
  }
  return selection;
}

struct LeftOutFiles::Globs {
  CompiledGlobs excludes;
};

LeftOutFiles::LeftOutFiles(const FileSelection& selection)
    : globs_(std::make_unique<Globs>(Globs{compile_globs(selection.exclude_globs)})),
      vendored_folders_(selection.vendored_folders) {}

LeftOutFiles::~LeftOutFiles() = default;

bool LeftOutFiles::contains(const std::string& relative) const {
  return matches_any(globs_->excludes, relative) || is_in_folders(relative, vendored_folders_);
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
                                                            const FileSelection& selection,
                                                            std::vector<fs::path>* left_alone) {
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
    if (!is_inside(absolute, project_root)) {
      return usage_error("'" + root.string() + "' is outside the project (" +
                         project_root.string() +
                         "); run retort in that project, or with -C to start there");
    }
    if (!fs::is_directory(fs::status(absolute, error))) {
      // Named explicitly, the user means it, globs or not, when it is C or C++: by its
      // extension, or by a files.include glob for an extension of the project's own.
      // A CMakeLists.txt passed along with a change's files lexes as C++ too, so the
      // formatter's token check cannot tell that formatting it changed what it means.
      if (is_cpp_source(absolute) || matches_any(includes, display_path(absolute, project_root)))
        selected.insert(absolute);
      else if (left_alone)
        left_alone->push_back(root);
      continue;
    }
    auto listed = list_directory(absolute);
    if (!listed) return listed.takeError();
    // A vendored folder named on the command line (or a folder inside one) is meant.
    std::string relative_root = display_path(absolute, project_root);
    bool is_vendored_root = is_in_folders(relative_root, selection.vendored_folders) ||
                            std::count(selection.vendored_folders.begin(),
                                       selection.vendored_folders.end(), relative_root) != 0;
    std::size_t found = 0;
    for (const auto& file : *listed) {
      if (!is_cpp_source(file)) continue;
      std::string relative = display_path(file, project_root);
      if (!includes.empty() && !matches_any(includes, relative)) continue;
      if (matches_any(excludes, relative)) continue;
      if (!is_vendored_root && is_in_folders(relative, selection.vendored_folders)) continue;
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
