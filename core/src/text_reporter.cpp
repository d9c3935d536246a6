// Credo-style text: findings grouped by category, each with its priority arrow,
// message and location, then one summary line.

#include <algorithm>
#include <cstdio>
#include <map>

#include "detail/reporters.hpp"

namespace retort::detail {
namespace {

struct Palette {
  bool enabled;
  std::string_view paint(std::string_view code) const { return enabled ? code : ""; }
  std::string_view bold() const { return paint("\033[1m"); }
  std::string_view faint() const { return paint("\033[2m"); }
  std::string_view reset() const { return paint("\033[0m"); }
  std::string_view for_severity(Severity severity) const {
    switch (severity) {
      case Severity::error:
        return paint("\033[31m");
      case Severity::warning:
        return paint("\033[33m");
      case Severity::note:
        return paint("\033[36m");
    }
    return "";
  }
};

std::string capitalized(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

char severity_letter(Severity severity) {
  return static_cast<char>(std::toupper(static_cast<unsigned char>(severity_name(severity)[0])));
}

std::string plural(std::size_t count, std::string_view word) {
  return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

void write_finding(const Diagnostic& finding, const Palette& palette, std::ostream& out) {
  auto colour = palette.for_severity(finding.severity);
  out << colour << "┃ " << palette.reset() << "[" << colour << severity_letter(finding.severity)
      << palette.reset() << "] " << colour << priority_arrow(finding.priority) << palette.reset()
      << " " << finding.message << "\n";
  out << colour << "┃ " << palette.reset() << "      " << palette.faint();
  if (!finding.range.file.empty())
    out << finding.range.file << ":" << finding.range.begin.line << ":"
        << finding.range.begin.column << " ";
  out << "#(" << finding.check_id << ")" << palette.reset() << "\n";
  if (!finding.explanation.empty()) {
    out << colour << "┃ " << palette.reset() << "      " << finding.explanation << "\n";
  }
}

std::string summary_line(const std::vector<Diagnostic>& diagnostics, const ReportContext& context) {
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& d : diagnostics) ++counts[static_cast<int>(d.severity)];
  std::size_t errors = counts[static_cast<int>(Severity::error)];
  std::size_t warnings = counts[static_cast<int>(Severity::warning)];
  std::size_t notes = counts[static_cast<int>(Severity::note)];
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f",
                static_cast<double>(context.elapsed.count()) / 1000.0);
  std::string line = context.tool + ": " + plural(context.files_checked, "file") + " checked in " +
                     seconds + " s; ";
  if (errors + warnings == 0) {
    line += "no findings";
  } else {
    line += plural(errors + warnings, "finding") + " (" + plural(errors, "error") + ", " +
            plural(warnings, "warning") + ")";
  }
  if (notes > 0) line += ", " + plural(notes, "note");
  if (context.vendored_folders_skipped > 0) {
    line += "; " + plural(context.vendored_folders_skipped, "vendored folder") +
            " skipped (files.vendored)";
  }
  return line + ".";
}

}  // namespace

void write_text_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                       std::ostream& out) {
  Palette palette{context.use_color};
  std::map<std::string, std::vector<const Diagnostic*>> by_category;
  for (const auto& d : diagnostics) by_category[d.category].push_back(&d);
  for (auto& [category, findings] : by_category) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Diagnostic* a, const Diagnostic* b) {
                       return std::tie(a->priority, a->range.file, a->range.begin.line) <
                              std::tie(b->priority, b->range.file, b->range.begin.line);
                     });
    out << "  " << palette.bold() << capitalized(category) << palette.reset() << "\n┃\n";
    for (const auto* finding : findings) write_finding(*finding, palette, out);
    out << "\n";
  }
  out << summary_line(diagnostics, context) << "\n";
}

}  // namespace retort::detail
