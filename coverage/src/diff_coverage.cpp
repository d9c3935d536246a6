#include "retort/coverage/diff_coverage.hpp"

#include "retort/core/source_files.hpp"
#include "retort/coverage/reports.hpp"

namespace retort::coverage {
namespace {

bool is_compiled_source(const std::filesystem::path& path) {
  auto extension = path.extension().string();
  return extension == ".cpp" || extension == ".cc" || extension == ".cxx" || extension == ".c";
}

ChangedFileCoverage changed_file(const std::string& shown, const FileCoverage& file,
                                 const std::vector<LineRange>& ranges) {
  ChangedFileCoverage result{shown, 0, {}};
  for (const auto& range : ranges) {
    for (auto it = file.lines.lower_bound(range.first);
         it != file.lines.end() && it->first <= range.last; ++it) {
      ++result.relevant;
      if (it->second == 0) result.missed_lines.push_back(it->first);
    }
  }
  return result;
}

}  // namespace

Counts DiffCoverage::counts() const {
  Counts counts;
  for (const auto& file : files) {
    counts.found += file.relevant;
    counts.hit += file.relevant - file.missed_lines.size();
  }
  return counts;
}

DiffCoverage diff_coverage(const CoverageData& data, const ChangedLines& changed,
                           const std::filesystem::path& project_root,
                           const std::vector<std::string>& skip_files) {
  DiffCoverage diff;
  for (const auto& [path, ranges] : changed) {
    auto shown = display_path(path, project_root);
    if (matches_any_glob(shown, skip_files)) continue;
    auto file = data.files.find(path.lexically_normal());
    if (file == data.files.end()) {
      if (is_compiled_source(path)) diff.sources_without_data.push_back(shown);
      continue;
    }
    auto coverage = changed_file(shown, file->second, ranges);
    if (coverage.relevant > 0) diff.files.push_back(std::move(coverage));
  }
  return diff;
}

void print_diff_coverage(std::ostream& out, const DiffCoverage& diff, const std::string& scope) {
  auto counts = diff.counts();
  out << "\nDiff coverage " << scope << ": ";
  if (counts.found == 0) {
    out << "no changed lines hold code the tests could run\n";
  } else {
    out << format_percent(counts.percent()) << "% of " << counts.found << " changed code lines ("
        << counts.found - counts.hit << " missed)\n";
  }
  for (const auto& file : diff.files) {
    if (file.missed_lines.empty()) continue;
    out << "  " << file.shown_path << ": missed " << format_line_ranges(file.missed_lines) << "\n";
  }
  for (const auto& source : diff.sources_without_data) {
    out << "  " << source << ": changed, but no test binary compiles it (no coverage data)\n";
  }
}

}  // namespace retort::coverage
