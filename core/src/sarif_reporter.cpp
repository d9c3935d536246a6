// SARIF 2.1.0, the format GitHub code scanning and most CI dashboards ingest.

#include <map>

#include <llvm/Support/Format.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_os_ostream.h>
#include <llvm/Support/xxhash.h>

#include "detail/reporters.hpp"

namespace retort::detail {
namespace {

llvm::json::Object rule_json(const Rule& rule) {
  return llvm::json::Object{
      {"id", rule.id},
      {"shortDescription", llvm::json::Object{{"text", rule.short_description}}},
      {"help", llvm::json::Object{{"text", rule.help_text}, {"markdown", rule.help_text}}}};
}

llvm::json::Object region_json(const SourceRange& range) {
  return llvm::json::Object{{"startLine", range.begin.line},
                            {"startColumn", range.begin.column},
                            {"endLine", range.end.line},
                            {"endColumn", range.end.column}};
}

llvm::json::Object location_json(const SourceRange& range) {
  return llvm::json::Object{
      {"physicalLocation",
       llvm::json::Object{{"artifactLocation",
                           llvm::json::Object{{"uri", range.file}, {"uriBaseId", "%SRCROOT%"}}},
                          {"region", region_json(range)}}}};
}

// Stable across runs and line shifts: what is wrong and in which file, plus an
// occurrence count for identical findings in one file.
std::string fingerprint(const Diagnostic& d, std::map<std::string, int>& seen) {
  std::string identity = d.check_id + "\n" + d.range.file + "\n" + d.message;
  int occurrence = seen[identity]++;
  identity += "\n" + std::to_string(occurrence);
  std::string hex;
  llvm::raw_string_ostream(hex) << llvm::format_hex_no_prefix(llvm::xxHash64(identity), 16);
  return hex;
}

llvm::json::Object result_json(const Diagnostic& d, const std::map<std::string, int>& rule_index,
                               std::map<std::string, int>& seen) {
  llvm::json::Object result{
      {"ruleId", d.check_id},
      {"level", std::string(severity_name(d.severity))},  // SARIF uses the same three names
      {"message", llvm::json::Object{{"text", d.message}}},
      {"locations",
       d.range.file.empty() ? llvm::json::Array{} : llvm::json::Array{location_json(d.range)}},
      {"partialFingerprints", llvm::json::Object{{"retortFingerprint/v1", fingerprint(d, seen)}}}};
  if (auto found = rule_index.find(d.check_id); found != rule_index.end()) {
    result["ruleIndex"] = found->second;
  }
  if (d.fix) {
    llvm::json::Object replacement{
        {"deletedRegion", region_json(d.fix->range)},
        {"insertedContent", llvm::json::Object{{"text", d.fix->replacement}}}};
    llvm::json::Object change{{"artifactLocation", llvm::json::Object{{"uri", d.fix->range.file},
                                                                      {"uriBaseId", "%SRCROOT%"}}},
                              {"replacements", llvm::json::Array{std::move(replacement)}}};
    result["fixes"] = llvm::json::Array{
        llvm::json::Object{{"description", llvm::json::Object{{"text", d.message}}},
                           {"artifactChanges", llvm::json::Array{std::move(change)}}}};
  }
  return result;
}

}  // namespace

llvm::json::Object sarif_run(const ToolFindings& tool) {
  const auto& context = tool.context;
  llvm::json::Array rules;
  std::map<std::string, int> rule_index;
  for (const auto& rule : context.rules) {
    rule_index[rule.id] = static_cast<int>(rules.size());
    rules.push_back(rule_json(rule));
  }
  llvm::json::Array results;
  std::map<std::string, int> seen;
  for (const auto& d : tool.diagnostics) results.push_back(result_json(d, rule_index, seen));
  llvm::json::Object driver{{"name", "retort " + context.tool},
                            {"version", context.tool_version},
                            {"rules", std::move(rules)}};
  return llvm::json::Object{{"tool", llvm::json::Object{{"driver", std::move(driver)}}},
                            {"results", std::move(results)}};
}

void write_sarif_log(llvm::json::Array runs, std::ostream& out) {
  llvm::json::Value log =
      llvm::json::Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", std::move(runs)}};
  llvm::raw_os_ostream stream(out);
  stream << llvm::formatv("{0:2}", log) << "\n";
}

void write_sarif_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                        std::ostream& out) {
  write_sarif_log(llvm::json::Array{sarif_run({context, diagnostics})}, out);
}

}  // namespace retort::detail
