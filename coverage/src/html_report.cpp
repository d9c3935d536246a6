#include "retort/coverage/html_report.hpp"

#include <sstream>

#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/parallel.hpp"
#include "retort/core/xml.hpp"
#include "retort/coverage/reports.hpp"

namespace retort::coverage {
namespace {

constexpr const char* style_sheet =
#include "html_style.inc"
    ;
constexpr const char* sort_script =
#include "html_script.inc"
    ;

std::string level_of(double percent) {
  if (percent >= 80) return "high";
  if (percent >= 50) return "medium";
  return "low";
}

std::string page_head(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         xml_escape(title) + "</title>\n<style>" + style_sheet + "</style>\n</head>\n<body>\n";
}

std::string totals_html(const Totals& totals) {
  auto part = [](const char* what, const Counts& counts) {
    if (!counts.is_measured()) return std::string("<span>") + what + " <b>not measured</b></span>";
    return std::string("<span>") + what + " <b>" + format_percent(counts.percent()) + "%</b> (" +
           std::to_string(counts.hit) + " of " + std::to_string(counts.found) + ")</span>";
  };
  return "<p class=\"totals\">" + part("Lines", totals.lines) +
         part("Functions", totals.functions) + part("Branches", totals.branches) + "</p>\n";
}

// Page names keep the row number, so two paths that flatten alike never collide.
std::string page_name(std::size_t index, const std::string& shown_path) {
  auto name = shown_path;
  for (auto& c : name) {
    if (c == '/' || c == '\\' || c == ' ') c = '_';
  }
  return std::to_string(index) + "-" + name + ".html";
}

void write_file_row(std::ostream& out, const FileRow& row, const std::string& page) {
  const auto& lines = row.totals.lines;
  auto percent = format_percent(lines.percent());
  out << "<tr class=\"" << level_of(lines.percent()) << "\" data-file=\""
      << xml_escape(row.shown_path) << "\" data-cov=\"" << percent << "\" data-lines=\""
      << row.source_lines << "\" data-relevant=\"" << lines.found << "\" data-missed=\""
      << lines.found - lines.hit << "\" data-functions=\""
      << format_percent(row.totals.functions.percent()) << "\">"
      << "<td><a href=\"files/" << xml_escape(page) << "\">" << xml_escape(row.shown_path)
      << "</a></td><td><span class=\"bar\"><span style=\"width:" << percent << "%\"></span></span>"
      << percent << "%</td><td class=\"num\">" << row.source_lines << "</td><td class=\"num\">"
      << lines.found << "</td><td class=\"num\">" << lines.found - lines.hit
      << "</td><td class=\"num\">" << row.totals.functions.hit << "/" << row.totals.functions.found
      << "</td></tr>\n";
}

std::string index_page(const std::vector<FileRow>& rows, const std::string& title) {
  std::ostringstream out;
  Totals total;
  for (const auto& row : rows) total += row.totals;
  out << page_head(title) << "<h1>" << xml_escape(title) << "</h1>\n" << totals_html(total);
  out << "<table id=\"files\">\n<thead><tr><th data-key=\"file\">File</th><th data-key=\"cov\">"
         "Coverage</th><th data-key=\"lines\">Lines</th><th data-key=\"relevant\">Relevant</th>"
         "<th data-key=\"missed\">Missed</th><th "
         "data-key=\"functions\">Functions</th></tr></thead>\n"
         "<tbody>\n";
  for (std::size_t i = 0; i < rows.size(); ++i)
    write_file_row(out, rows[i], page_name(i, rows[i].shown_path));
  out << "</tbody>\n</table>\n<script>" << sort_script << "</script>\n</body>\n</html>\n";
  return out.str();
}

void write_functions(std::ostream& out, const FileCoverage& file) {
  if (file.functions.empty()) return;
  std::vector<std::pair<std::string, FunctionHits>> functions(file.functions.begin(),
                                                              file.functions.end());
  std::sort(functions.begin(), functions.end(),
            [](const auto& a, const auto& b) { return a.second.line < b.second.line; });
  out << "<details><summary>Functions</summary>\n<table class=\"functions\">\n";
  for (const auto& [name, hits] : functions) {
    out << "<tr" << (hits.count == 0 ? " class=\"missed\"" : "") << "><td><a href=\"#L" << hits.line
        << "\">" << hits.line << "</a></td><td>" << hits.count << "</td><td>" << xml_escape(name)
        << "</td></tr>\n";
  }
  out << "</table>\n</details>\n";
}

std::string file_page(const FileRow& row, const FileCoverage& file, const std::string& title) {
  std::ostringstream out;
  out << page_head(row.shown_path + " - " + title) << "<p><a href=\"../index.html\">"
      << xml_escape(title) << "</a></p>\n<h1>" << xml_escape(row.shown_path) << "</h1>\n"
      << totals_html(row.totals);
  write_functions(out, file);
  out << "<table class=\"source\">\n";
  auto lines = source_lines_of(row.path);
  for (unsigned number = 1; number <= lines.size(); ++number) {
    auto it = file.lines.find(number);
    const char* kind = it == file.lines.end() ? "none" : it->second > 0 ? "hit" : "miss";
    out << "<tr class=\"" << kind << "\" id=\"L" << number << "\"><td class=\"line\"><a href=\"#L"
        << number << "\">" << number << "</a></td><td class=\"count\">";
    if (it != file.lines.end()) out << it->second;
    out << "</td><td class=\"code\">" << xml_escape(lines[number - 1]) << "</td></tr>\n";
  }
  if (lines.empty()) out << "<tr><td>(source not readable here)</td></tr>\n";
  out << "</table>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace

llvm::Error write_html_report(const std::filesystem::path& directory, const CoverageData& data,
                              const std::filesystem::path& project_root, const std::string& title) {
  auto rows = file_rows(data, project_root);
  std::error_code error;
  std::filesystem::create_directories(directory / "files", error);
  if (error) return llvm::createStringError(error, "cannot create %s", directory.c_str());
  std::vector<std::size_t> indices(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) indices[i] = i;
  auto failures = parallel_map(indices, 0, [&](std::size_t i) {
    auto page = file_page(rows[i], data.files.at(rows[i].path), title);
    auto written =
        write_file_atomically(directory / "files" / page_name(i, rows[i].shown_path), page);
    return written ? llvm::toString(std::move(written)) : std::string();
  });
  for (const auto& failure : failures) {
    if (!failure.empty()) return usage_error(failure);
  }
  return write_file_atomically(directory / "index.html", index_page(rows, title));
}

}  // namespace retort::coverage
