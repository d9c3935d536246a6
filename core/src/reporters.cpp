#include "retort/core/reporters.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>

#include "detail/reporters.hpp"

namespace retort {
namespace {

constexpr std::array<std::pair<std::string_view, ReportFormat>, 5> format_names{{
    {"text", ReportFormat::text},
    {"json", ReportFormat::json},
    {"sarif", ReportFormat::sarif},
    {"github", ReportFormat::github},
    {"junit", ReportFormat::junit},
}};

}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  for (const auto& [known, format] : format_names) {
    if (known == name) return format;
  }
  return std::nullopt;
}

std::string report_format_names() {
  std::string names;
  for (const auto& [known, format] : format_names) {
    names += (names.empty() ? "" : ", ") + std::string(known);
  }
  return names;
}

void write_combined_report(ReportFormat format, const std::vector<ToolFindings>& tools,
                           std::string_view version, std::ostream& out) {
  switch (format) {
    case ReportFormat::text:
      for (const auto& tool : tools) detail::write_text_report(tool.diagnostics, tool.context, out);
      return;
    case ReportFormat::json:
      return detail::write_combined_json_report(tools, version, out);
    case ReportFormat::sarif: {
      llvm::json::Array runs;
      for (const auto& tool : tools) runs.push_back(detail::sarif_run(tool));
      return detail::write_sarif_log(std::move(runs), out);
    }
    case ReportFormat::github:
      for (const auto& tool : tools)
        detail::write_github_report(tool.diagnostics, tool.context, out);
      return;
    case ReportFormat::junit:
      return detail::write_junit_document(tools, out);
  }
}

void write_report(ReportFormat format, const std::vector<Diagnostic>& diagnostics,
                  const ReportContext& context, std::ostream& out) {
  switch (format) {
    case ReportFormat::text:
      return detail::write_text_report(diagnostics, context, out);
    case ReportFormat::json:
      return detail::write_json_report(diagnostics, context, out);
    case ReportFormat::sarif:
      return detail::write_sarif_report(diagnostics, context, out);
    case ReportFormat::github:
      return detail::write_github_report(diagnostics, context, out);
    case ReportFormat::junit:
      return detail::write_junit_report(diagnostics, context, out);
  }
}

bool stdout_supports_color() { return stream_supports_color(STDOUT_FILENO); }

bool stream_supports_color(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(fd) != 0;
}

}  // namespace retort
