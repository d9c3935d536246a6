#include <map>
#include <sstream>

#include "retort/core/version.hpp"
#include "retort/core/xml.hpp"
#include "retort/coverage/reports.hpp"

namespace retort::coverage {
namespace {

std::string rate(const Counts& counts) {
  std::ostringstream text;
  text.precision(4);
  text << (counts.found == 0 ? 1.0 : static_cast<double>(counts.hit) / counts.found);
  return text.str();
}

// Without measured branches the branch rate is 0, not 1.0, which would read as full
// branch coverage in the CI service's summary; Cobertura's DTD requires the attribute,
// and `branches-valid="0"` says nothing was measured.
std::string rates(const Totals& totals) {
  std::string branch_rate = totals.branches.is_measured() ? rate(totals.branches) : "0";
  return "line-rate=\"" + rate(totals.lines) + "\" branch-rate=\"" + branch_rate +
         "\" complexity=\"0\"";
}

// Cobertura wants per-line branch counts and a "condition-coverage" summary.
Counts branches_on_line(const FileCoverage& file, unsigned line) {
  Counts counts;
  for (auto it = file.branches.lower_bound(BranchId{line, 0, 0});
       it != file.branches.end() && it->first.line == line; ++it) {
    ++counts.found;
    if (it->second.value_or(0) > 0) ++counts.hit;
  }
  return counts;
}

void write_class(std::ostream& out, const FileRow& row, const FileCoverage& file) {
  auto name = row.shown_path;
  for (auto& c : name) {
    if (c == '/' || c == '.') c = '_';
  }
  out << "        <class name=\"" << xml_escape(name) << "\" filename=\""
      << xml_escape(row.shown_path) << "\" " << rates(row.totals) << ">\n";
  out << "          <methods/>\n          <lines>\n";
  for (const auto& [line, count] : file.lines) {
    out << "            <line number=\"" << line << "\" hits=\"" << count << "\"";
    auto branches = branches_on_line(file, line);
    if (branches.found > 0) {
      out << " branch=\"true\" condition-coverage=\"" << static_cast<int>(branches.percent())
          << "% (" << branches.hit << "/" << branches.found << ")\"";
    } else {
      out << " branch=\"false\"";
    }
    out << "/>\n";
  }
  out << "          </lines>\n        </class>\n";
}

}  // namespace

std::string cobertura_xml(const CoverageData& data, const std::filesystem::path& project_root,
                          std::int64_t timestamp) {
  std::map<std::string, std::vector<FileRow>> packages;
  for (auto& row : file_rows(data, project_root)) {
    auto directory = std::filesystem::path(row.shown_path).parent_path().string();
    packages[directory.empty() ? "." : directory].push_back(std::move(row));
  }
  auto total = totals_of(data);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">\n"
      << "<coverage " << rates(total) << " lines-covered=\"" << total.lines.hit
      << "\" lines-valid=\"" << total.lines.found << "\" branches-covered=\"" << total.branches.hit
      << "\" branches-valid=\"" << total.branches.found << "\" timestamp=\"" << timestamp
      << "\" version=\"retort " << version() << "\">\n"
      << "  <sources>\n    <source>" << xml_escape(project_root.string())
      << "</source>\n  </sources>\n"
      << "  <packages>\n";
  for (const auto& [name, rows] : packages) {
    Totals package_totals;
    for (const auto& row : rows) package_totals += row.totals;
    out << "    <package name=\"" << xml_escape(name) << "\" " << rates(package_totals) << ">\n"
        << "      <classes>\n";
    for (const auto& row : rows) write_class(out, row, data.files.at(row.path));
    out << "      </classes>\n    </package>\n";
  }
  out << "  </packages>\n</coverage>\n";
  return out.str();
}

}  // namespace retort::coverage
