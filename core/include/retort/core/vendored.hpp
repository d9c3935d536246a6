#pragma once

/// @file
/// Vendored code: copies of other projects kept inside this one (`third_party/`, a
/// nested googletest). Every tool leaves it alone by default, as it is not the
/// project's to format, lint or document.

#include <string>
#include <vector>

namespace retort {

/// The folder names that hold other projects' code by convention.
const std::vector<std::string>& vendored_folder_names();

/// Returns the vendored folders among `files` (paths relative to the project root, as
/// git lists them), outermost first and sorted: each folder named as in
/// `vendored_folder_names()`, and each nested folder that is a project of its own,
/// with a licence (`LICENSE*`, `COPYING*`) and a build (`CMakeLists.txt`,
/// `meson.build`, `configure.ac`, `BUILD.bazel`) beside each other. A folder inside
/// another vendored folder is part of it.
std::vector<std::string> detect_vendored_folders(const std::vector<std::string>& files);

/// Returns true when `path` (relative to the project root) lies in one of `folders`.
bool is_in_folders(const std::string& path, const std::vector<std::string>& folders);

}  // namespace retort
