#include "detail/findings.hpp"

#include "retort/core/source_files.hpp"

namespace retort::format::detail {

Diagnostic finding(const std::string& check_id, Severity severity, std::string message,
                   const std::filesystem::path& file, const std::filesystem::path& root,
                   unsigned line) {
  Diagnostic diagnostic;
  diagnostic.tool = "format";
  diagnostic.check_id = check_id;
  diagnostic.category = "consistency";
  diagnostic.severity = severity;
  diagnostic.priority = severity == Severity::note ? Priority::low : Priority::normal;
  diagnostic.message = std::move(message);
  diagnostic.range.file = root.empty() ? file.string() : display_path(file, root);
  diagnostic.range.begin = {line == 0 ? 1 : line, 1};
  diagnostic.range.end = diagnostic.range.begin;
  return diagnostic;
}

}  // namespace retort::format::detail
