#pragma once

// One function per report format; write_report() in reporters.cpp dispatches.

#include <ostream>
#include <vector>

#include <llvm/Support/JSON.h>

#include "retort/core/reporters.hpp"

namespace retort::detail {

// The SARIF run of one tool: its driver and rules, and its results.
llvm::json::Object sarif_run(const ToolFindings& tool);
// Writes a SARIF log of `runs`.
void write_sarif_log(llvm::json::Array runs, std::ostream& out);
// A JUnit document with one <testsuite> per tool.
void write_junit_document(const std::vector<ToolFindings>& tools, std::ostream& out);
// The JSON summary of `diagnostics`: files checked, findings by severity.
llvm::json::Object json_summary(const std::vector<Diagnostic>& diagnostics,
                                std::size_t files_checked);
void write_combined_json_report(const std::vector<ToolFindings>& tools, std::string_view version,
                                std::ostream& out);
void write_text_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                       std::ostream& out);
void write_json_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                       std::ostream& out);
void write_sarif_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                        std::ostream& out);
void write_github_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                         std::ostream& out);
void write_junit_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                        std::ostream& out);

}  // namespace retort::detail
