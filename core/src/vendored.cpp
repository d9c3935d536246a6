#include "retort/core/vendored.hpp"

#include <algorithm>
#include <set>

#include <llvm/ADT/StringRef.h>

namespace retort {
namespace {

std::string parent_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string name_of(const std::string& path) { return path.substr(path.rfind('/') + 1); }

bool is_licence(llvm::StringRef name) {
  return name.starts_with("LICENSE") || name.starts_with("LICENCE") ||
         name.starts_with("COPYING") || name.starts_with("License");
}

bool is_build_file(llvm::StringRef name) {
  return name == "CMakeLists.txt" || name == "meson.build" || name == "configure.ac" ||
         name == "BUILD.bazel" || name == "WORKSPACE";
}

// Every folder that holds `files` (and the folders above them), and the nested
// projects among them.
void collect(const std::vector<std::string>& files, std::set<std::string>& candidates) {
  std::set<std::string> with_licence;
  std::set<std::string> with_build;
  const auto& names = vendored_folder_names();
  for (const auto& file : files) {
    std::string folder = parent_of(file);
    if (is_licence(name_of(file))) with_licence.insert(folder);
    if (is_build_file(name_of(file))) with_build.insert(folder);
    for (std::string above = folder; !above.empty(); above = parent_of(above)) {
      if (std::count(names.begin(), names.end(), name_of(above)) != 0) candidates.insert(above);
    }
  }
  for (const auto& folder : with_licence) {
    if (!folder.empty() && with_build.count(folder) != 0) candidates.insert(folder);
  }
}

}  // namespace

const std::vector<std::string>& vendored_folder_names() {
  static const std::vector<std::string> names{"third_party", "third-party", "thirdparty",
                                              "3rdparty",    "vendor",      "vendored",
                                              "external",    "extern"};
  return names;
}

bool is_in_folders(const std::string& path, const std::vector<std::string>& folders) {
  return std::any_of(folders.begin(), folders.end(), [&](const std::string& folder) {
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
           path[folder.size()] == '/';
  });
}

std::vector<std::string> detect_vendored_folders(const std::vector<std::string>& files) {
  std::set<std::string> candidates;
  collect(files, candidates);
  std::vector<std::string> outermost;
  for (const auto& folder : candidates) {  // sorted, so a parent comes before its children
    if (!is_in_folders(folder, outermost)) outermost.push_back(folder);
  }
  return outermost;
}

}  // namespace retort
