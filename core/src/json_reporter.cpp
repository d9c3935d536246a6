// The JSON report, retort's own machine-readable contract (schema version 1):
//   {"schema": 1, "tool", "version",
//    "summary": {"files_checked", "findings", "errors", "warnings", "notes"},
//    "diagnostics": [{"tool", "check_id", "category", "priority", "severity",
//                     "message", "file", "line", "column", "end_line", "end_column",
//                     "explanation"?, "fix"?: {"replacement", "line", "column",
//                     "end_line", "end_column"}}]}
// Fields are only ever added; a removal or change bumps "schema".

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_os_ostream.h>

#include "detail/reporters.hpp"
#include "retort/core/diagnostic_json.hpp"

namespace retort::detail {
namespace {

constexpr int json_schema_version = 1;

}  // namespace

void write_json_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                       std::ostream& out) {
  std::size_t counts[3] = {0, 0, 0};
  llvm::json::Array entries;
  for (const auto& d : diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    entries.push_back(diagnostic_to_json(d));
  }
  llvm::json::Object summary{{"files_checked", static_cast<std::int64_t>(context.files_checked)},
                             {"findings", static_cast<std::int64_t>(diagnostics.size())},
                             {"errors", static_cast<std::int64_t>(counts[2])},
                             {"warnings", static_cast<std::int64_t>(counts[1])},
                             {"notes", static_cast<std::int64_t>(counts[0])}};
  llvm::json::Value report = llvm::json::Object{{"schema", json_schema_version},
                                                {"tool", context.tool},
                                                {"version", context.tool_version},
                                                {"summary", std::move(summary)},
                                                {"diagnostics", std::move(entries)}};
  llvm::raw_os_ostream stream(out);
  stream << llvm::formatv("{0:2}", report) << "\n";
}

}  // namespace retort::detail
