#pragma once

/// @file
/// The HTML report: a sortable file list with coverage bars, and one page per file
/// showing its source with hit counts.

#include <filesystem>
#include <string>

#include <llvm/Support/Error.h>

#include "retort/core/coverage_data.hpp"

namespace retort::coverage {

/// Writes the HTML report of `data` into `directory` (created if needed): `index.html`
/// and one page per file under `files/`. `title` heads every page; paths are shown
/// relative to `project_root`. Sort the list by clicking a column header, or open
/// `index.html#sort=missed-desc` (keys: file, cov, lines, relevant, missed, functions).
/// Returns an error naming the file it could not write.
llvm::Error write_html_report(const std::filesystem::path& directory, const CoverageData& data,
                              const std::filesystem::path& project_root, const std::string& title);

}  // namespace retort::coverage
