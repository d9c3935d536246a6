#pragma once

// One function per report format; write_report() in reporters.cpp dispatches.

#include <ostream>
#include <vector>

#include "retort/core/reporters.hpp"

namespace retort::detail {

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
