// The JSON report, retort's own machine-readable contract (schema version 1):
//   {"schema": 1, "tool", "version",
//    "summary": {"files_checked", "findings", "errors", "warnings", "notes"},
//    "diagnostics": [{"tool", "check_id", "category", "priority", "severity",
//                     "message", "file", "line", "column", "end_line", "end_column",
//                     "explanation"?, "fix"?: {"replacement", "line", "column",
//                     "end_line", "end_column"}}]}
// A combined report (several tools, `retort ensure-consistency`) adds
//   "tools": [{"tool", "summary"}]
// with "tool": "ensure-consistency" and the summary of all.
// Fields are only ever added; a removal or change bumps "schema".

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_os_ostream.h>

#include "detail/reporters.hpp"
#include "retort/core/diagnostic_json.hpp"

namespace retort::detail {
namespace {

constexpr int json_schema_version = 1;

}  // namespace

llvm::json::Object json_summary(const std::vector<Diagnostic>& diagnostics,
                                std::size_t files_checked) {
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& d : diagnostics) ++counts[static_cast<int>(d.severity)];
  return llvm::json::Object{{"files_checked", static_cast<std::int64_t>(files_checked)},
                            {"findings", static_cast<std::int64_t>(diagnostics.size())},
                            {"errors", static_cast<std::int64_t>(counts[2])},
                            {"warnings", static_cast<std::int64_t>(counts[1])},
                            {"notes", static_cast<std::int64_t>(counts[0])}};
}

void write_json_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                       std::ostream& out) {
  llvm::json::Array entries;
  for (const auto& d : diagnostics) entries.push_back(diagnostic_to_json(d));
  llvm::json::Value report =
      llvm::json::Object{{"schema", json_schema_version},
                         {"tool", context.tool},
                         {"version", context.tool_version},
                         {"summary", json_summary(diagnostics, context.files_checked)},
                         {"diagnostics", std::move(entries)}};
  llvm::raw_os_ostream stream(out);
  stream << llvm::formatv("{0:2}", report) << "\n";
}

// The same shape for several tools, as `retort ensure-consistency` writes it: the
// summary and diagnostics of all, and under "tools" each one's own summary.
void write_combined_json_report(const std::vector<ToolFindings>& tools, std::string_view version,
                                std::ostream& out) {
  std::vector<Diagnostic> all;
  std::size_t files_checked = 0;
  llvm::json::Array per_tool;
  for (const auto& tool : tools) {
    all.insert(all.end(), tool.diagnostics.begin(), tool.diagnostics.end());
    files_checked = std::max(files_checked, tool.context.files_checked);
    per_tool.push_back(llvm::json::Object{
        {"tool", tool.context.tool},
        {"summary", json_summary(tool.diagnostics, tool.context.files_checked)}});
  }
  llvm::json::Array entries;
  for (const auto& d : all) entries.push_back(diagnostic_to_json(d));
  llvm::json::Value report = llvm::json::Object{
      {"schema", json_schema_version},   {"tool", "ensure-consistency"},
      {"version", std::string(version)}, {"summary", json_summary(all, files_checked)},
      {"tools", std::move(per_tool)},    {"diagnostics", std::move(entries)}};
  llvm::raw_os_ostream stream(out);
  stream << llvm::formatv("{0:2}", report) << "\n";
}

}  // namespace retort::detail
