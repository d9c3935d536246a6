// JUnit XML, which most CI systems show as a test report: one failed test case per
// finding, or a single passing case when there are none.

#include "detail/reporters.hpp"
#include "retort/core/xml.hpp"

namespace retort::detail {

namespace {

void write_junit_suite(const ToolFindings& tool, std::ostream& out) {
  const auto& diagnostics = tool.diagnostics;
  std::string suite = xml_escape("retort " + tool.context.tool);
  std::size_t cases = diagnostics.empty() ? 1 : diagnostics.size();
  out << "  <testsuite name=\"" << suite << "\" tests=\"" << cases << "\" failures=\""
      << diagnostics.size() << "\">\n";
  if (diagnostics.empty())
    out << "    <testcase classname=\"" << suite << "\" name=\"no findings\"/>\n";
  for (const auto& d : diagnostics) {
    std::string location = d.range.file.empty()
                               ? std::string("project")
                               : d.range.file + ":" + std::to_string(d.range.begin.line) + ":" +
                                     std::to_string(d.range.begin.column);
    out << "    <testcase classname=\"" << xml_escape(d.range.file) << "\" name=\""
        << xml_escape(d.check_id + " at " + location) << "\">\n";
    out << "      <failure type=\"" << xml_escape(d.check_id) << "\" message=\""
        << xml_escape(d.message) << "\">" << xml_escape(location + ": " + d.message)
        << "</failure>\n";
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n";
}

}  // namespace

void write_junit_document(const std::vector<ToolFindings>& tools, std::ostream& out) {
  std::size_t cases = 0, failures = 0;
  for (const auto& tool : tools) {
    cases += std::max<std::size_t>(1, tool.diagnostics.size());
    failures += tool.diagnostics.size();
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites tests=\"" << cases << "\" failures=\"" << failures << "\">\n";
  for (const auto& tool : tools) write_junit_suite(tool, out);
  out << "</testsuites>\n";
}

void write_junit_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                        std::ostream& out) {
  write_junit_document({{context, diagnostics}}, out);
}

}  // namespace retort::detail
