#include "retort/core/source_files.hpp"
#include "retort/coverage/reports.hpp"

namespace retort::coverage {
namespace {

// Nothing found (branches of a build that did not measure them) has no percentage.
llvm::json::Object counts_json(const Counts& counts) {
  llvm::json::Value percent = nullptr;
  if (counts.is_measured()) percent = counts.percent();
  return llvm::json::Object{{"found", static_cast<std::int64_t>(counts.found)},
                            {"hit", static_cast<std::int64_t>(counts.hit)},
                            {"percent", std::move(percent)},
                            {"measured", counts.is_measured()}};
}

llvm::json::Object totals_json(const Totals& totals) {
  return llvm::json::Object{{"lines", counts_json(totals.lines)},
                            {"functions", counts_json(totals.functions)},
                            {"branches", counts_json(totals.branches)}};
}

// Coveralls's per-line array: null for a line without code, else its hit count.
llvm::json::Array coveralls_array(const FileCoverage& file, std::size_t source_lines) {
  llvm::json::Array coverage;
  for (unsigned number = 1; number <= source_lines; ++number) {
    auto it = file.lines.find(number);
    if (it == file.lines.end()) {
      coverage.push_back(nullptr);
    } else {
      // Unsigned, as every tool writes a count: one past INT64_MAX (llvm-cov's own
      // count for a line whose counter expression wrapped) is not a negative count.
      coverage.push_back(std::uint64_t{it->second});
    }
  }
  return coverage;
}

llvm::json::Object file_json(const FileRow& row, const FileCoverage& file) {
  llvm::json::Array missed;
  for (const auto& [line, count] : file.lines) {
    if (count == 0) missed.push_back(static_cast<std::int64_t>(line));
  }
  auto object = totals_json(row.totals);
  object["path"] = row.shown_path;
  object["source_lines"] = static_cast<std::int64_t>(row.source_lines);
  object["missed_lines"] = std::move(missed);
  object["coverage"] = coveralls_array(file, row.source_lines);
  return object;
}

llvm::json::Object diff_json(const DiffCoverage& diff) {
  auto object = counts_json(diff.counts());
  llvm::json::Array files;
  for (const auto& file : diff.files) {
    llvm::json::Array missed;
    for (auto line : file.missed_lines) missed.push_back(static_cast<std::int64_t>(line));
    files.push_back(llvm::json::Object{{"path", file.shown_path},
                                       {"relevant", static_cast<std::int64_t>(file.relevant)},
                                       {"missed_lines", std::move(missed)}});
  }
  object["files"] = std::move(files);
  llvm::json::Array without_data;
  for (const auto& path : diff.sources_without_data) without_data.push_back(path);
  object["sources_without_data"] = std::move(without_data);
  return object;
}

}  // namespace

llvm::json::Value coverage_json(const CoverageData& data, const std::filesystem::path& project_root,
                                const DiffCoverage* diff) {
  llvm::json::Array files;
  for (const auto& row : file_rows(data, project_root)) {
    files.push_back(file_json(row, data.files.at(row.path)));
  }
  llvm::json::Object report{{"tool", "retort cover"},
                            {"totals", totals_json(totals_of(data))},
                            {"files", std::move(files)}};
  if (diff) report["diff"] = diff_json(*diff);
  return report;
}

}  // namespace retort::coverage
