#pragma once

/// @file
/// lcov tracefiles (the `.info` format of `geninfo(1)`): writing them for other tools
/// and reading them back to merge runs, e.g. from partitioned CI jobs.

#include <filesystem>
#include <string>
#include <string_view>

#include <llvm/Support/Error.h>

#include "retort/core/coverage_data.hpp"

namespace retort {

/// Returns `data` as an lcov tracefile: one `SF:` record per file with its `FN`,
/// `FNDA`, `FNF`, `FNH`, `BRDA`, `BRF`, `BRH`, `DA`, `LF` and `LH` lines, named by
/// `test_name` (`TN:`).
std::string to_lcov(const CoverageData& data, std::string_view test_name = "");

/// Parses `text`, an lcov tracefile read from `file_name`, into coverage data.
/// Records of the same file are merged. Returns a `UsageError` naming
/// `file_name:line` and what was expected there for a line it cannot read.
llvm::Expected<CoverageData> parse_lcov(std::string_view text, const std::string& file_name);

/// Reads and parses the tracefile at `path`.
llvm::Expected<CoverageData> read_lcov(const std::filesystem::path& path);

}  // namespace retort
