#include "retort/core/diagnostic.hpp"

#include <algorithm>

namespace retort {

Diagnostic make_finding(std::string tool, std::string check_id, std::string category,
                        Severity severity, std::string message) {
  Diagnostic d;
  d.tool = std::move(tool);
  d.check_id = std::move(check_id);
  d.category = std::move(category);
  d.priority = Priority::high;
  d.severity = severity;
  d.message = std::move(message);
  return d;
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::string_view priority_name(Priority priority) {
  switch (priority) {
    case Priority::higher:
      return "higher";
    case Priority::high:
      return "high";
    case Priority::normal:
      return "normal";
    case Priority::low:
      return "low";
    case Priority::ignore:
      return "ignore";
  }
  return "normal";
}

std::string_view priority_arrow(Priority priority) {
  switch (priority) {
    case Priority::higher:
      return "↑";
    case Priority::high:
      return "↗";
    case Priority::normal:
      return "→";
    case Priority::low:
      return "↘";
    case Priority::ignore:
      return "↓";
  }
  return "→";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (Severity severity : {Severity::note, Severity::warning, Severity::error}) {
    if (severity_name(severity) == name) return severity;
  }
  return std::nullopt;
}

std::optional<Priority> parse_priority(std::string_view name) {
  for (Priority priority :
       {Priority::higher, Priority::high, Priority::normal, Priority::low, Priority::ignore}) {
    if (priority_name(priority) == name) return priority;
  }
  return std::nullopt;
}

bool has_findings(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity != Severity::note; });
}

}  // namespace retort
