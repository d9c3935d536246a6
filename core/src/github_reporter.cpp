// GitHub Actions workflow commands: each finding becomes an annotation on the pull
// request's diff, e.g. `::error file=src/a.cpp,line=3,col=1,title=format/unformatted::…`.

#include "detail/reporters.hpp"

namespace retort::detail {
namespace {

std::string_view command_for(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "notice";
  }
  return "warning";
}

// The escaping GitHub's runner undoes: data escapes %, CR and LF; property values
// also escape the ':' and ',' that separate properties.
std::string escape(std::string_view text, bool is_property) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      case ':':
        escaped += is_property ? "%3A" : ":";
        break;
      case ',':
        escaped += is_property ? "%2C" : ",";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

}  // namespace

void write_github_report(const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                         std::ostream& out) {
  (void)context;  // annotations carry everything they need themselves
  for (const auto& d : diagnostics) {
    out << "::" << command_for(d.severity) << " ";
    if (!d.range.file.empty())
      out << "file=" << escape(d.range.file, true) << ",line=" << d.range.begin.line
          << ",col=" << d.range.begin.column << ",endLine=" << d.range.end.line
          << ",endColumn=" << d.range.end.column << ",";
    out << "title=" << escape(d.check_id, true) << "::" << escape(d.message, false) << "\n";
  }
}

}  // namespace retort::detail
