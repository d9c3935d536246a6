#include <algorithm>
#include <cstdio>

#include <llvm/ADT/StringRef.h>

#include "retort/core/file_io.hpp"
#include "retort/core/source_files.hpp"
#include "retort/core/text_lines.hpp"
#include "retort/coverage/reports.hpp"

namespace retort::coverage {
namespace {

constexpr const char* green = "\033[32m";
constexpr const char* red = "\033[31m";
constexpr const char* reset = "\033[0m";

std::string padded_percent(double percent) {
  auto text = format_percent(percent);
  return std::string(text.size() < 5 ? 5 - text.size() : 0, ' ') + text + "%";
}

std::string row_line(const std::string& percent, const std::string& file, std::size_t width,
                     std::size_t lines, std::size_t relevant, std::size_t missed) {
  char numbers[64];
  std::snprintf(numbers, sizeof numbers, "%8zu %8zu %8zu", lines, relevant, missed);
  return percent + " " + file + std::string(width > file.size() ? width - file.size() : 0, ' ') +
         numbers;
}

void print_totals_line(std::ostream& out, const char* what, const Counts& counts) {
  if (!counts.is_measured()) {
    out << what << "not measured\n";  // "100% (0 of 0)" would claim what nothing measured
    return;
  }
  out << what << padded_percent(counts.percent()) << " (" << counts.hit << " of " << counts.found
      << ")\n";
}

std::string gutter(const std::map<unsigned, std::uint64_t>& lines, unsigned number) {
  char text[16];
  auto it = lines.find(number);
  if (it == lines.end()) return "       ";
  if (it->second == 0) return "  #####";
  std::snprintf(text, sizeof text, "%7llu", static_cast<unsigned long long>(it->second));
  return text;
}

void print_file_detail(std::ostream& out, const std::filesystem::path& path,
                       const std::string& shown, const FileCoverage& file, bool is_colored) {
  auto counts = totals_of(file).lines;
  out << "\n"
      << shown << "  " << format_percent(counts.percent()) << "% (" << counts.hit << " of "
      << counts.found << " lines)\n";
  auto lines = source_lines_of(path);
  if (lines.empty()) {
    out << "  (source not readable here)\n";
    return;
  }
  for (unsigned number = 1; number <= lines.size(); ++number) {
    auto it = file.lines.find(number);
    const char* color = it == file.lines.end() ? nullptr : it->second > 0 ? green : red;
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%5u", number);
    if (is_colored && color) out << color;
    out << prefix << gutter(file.lines, number) << " | " << lines[number - 1];
    if (is_colored && color) out << reset;
    out << "\n";
  }
}

}  // namespace

std::vector<std::string> source_lines_of(const std::filesystem::path& path) {
  std::vector<std::string> lines;
  auto text = read_file(path);
  if (!text) {
    llvm::consumeError(text.takeError());
    return lines;
  }
  for (auto line : split_lines(*text)) lines.push_back(llvm::StringRef(line).rtrim("\r").str());
  return lines;
}

// LINES of the table: counted on views, without copying each line as --detail must.
std::size_t count_source_lines(const std::filesystem::path& path) {
  auto text = read_file(path);
  if (!text) {
    llvm::consumeError(text.takeError());
    return 0;
  }
  return split_lines(*text).size();
}

std::vector<FileRow> file_rows(const CoverageData& data,
                               const std::filesystem::path& project_root) {
  std::vector<FileRow> rows;
  for (const auto& [path, file] : data.files) {
    FileRow row{path, display_path(path, project_root), count_source_lines(path), totals_of(file)};
    if (row.source_lines == 0 && !file.lines.empty()) row.source_lines = file.lines.rbegin()->first;
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(),
            [](const FileRow& a, const FileRow& b) { return a.shown_path < b.shown_path; });
  return rows;
}

void print_table(std::ostream& out, const std::vector<FileRow>& rows, bool is_showing_branches) {
  std::size_t width = 40;
  for (const auto& row : rows) width = std::max(width, row.shown_path.size() + 1);
  Totals total;
  out << "----------------\n";
  out << "COV    FILE" << std::string(width - 4, ' ') << "   LINES RELEVANT   MISSED\n";
  for (const auto& row : rows) {
    const auto& lines = row.totals.lines;
    out << row_line(padded_percent(lines.percent()), row.shown_path, width, row.source_lines,
                    lines.found, lines.found - lines.hit)
        << "\n";
    total += row.totals;
  }
  out << "[TOTAL] " << padded_percent(total.lines.percent()) << "\n";
  out << "----------------\n";
  print_totals_line(out, "Lines:     ", total.lines);
  print_totals_line(out, "Functions: ", total.functions);
  if (is_showing_branches) print_totals_line(out, "Branches:  ", total.branches);
}

bool matches_filter(const std::string& shown_path, const std::string& filter) {
  if (filter.empty()) return true;
  if (shown_path.find(filter) != std::string::npos) return true;
  return matches_any_glob(shown_path, {filter});
}

std::size_t print_detail(std::ostream& out, const CoverageData& data,
                         const std::filesystem::path& project_root, const DetailOptions& options) {
  std::size_t printed = 0;
  for (const auto& [path, file] : data.files) {
    auto shown = display_path(path, project_root);
    if (!matches_filter(shown, options.filter)) continue;
    print_file_detail(out, path, shown, file, options.is_colored);
    ++printed;
  }
  return printed;
}

std::string format_line_ranges(const std::vector<unsigned>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1) ++j;
    if (!text.empty()) text += ", ";
    text += std::to_string(lines[i]);
    if (j > i) text += "-" + std::to_string(lines[j]);
    i = j + 1;
  }
  return text;
}

}  // namespace retort::coverage
