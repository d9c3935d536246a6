#pragma once

/// @file
/// The one diagnostic model that every retort tool reports through.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retort {

/// How serious a finding is; decides the exit code and the SARIF `level`.
enum class Severity { note, warning, error };

/// How urgent a finding is among its peers, shown as an arrow like Credo's
/// (`↑ ↗ → ↘ ↓`). Lower priorities are hidden unless `--strict` is given.
enum class Priority { higher, high, normal, low, ignore };

/// A 1-based position in a file. `column` counts bytes, as compilers do.
struct SourcePosition {
  /// 1-based line number.
  unsigned line = 1;
  /// 1-based byte column.
  unsigned column = 1;
};

/// A span of a file. `end` is inclusive of its line and exclusive of its column.
struct SourceRange {
  /// The file, relative to the project root when it lies inside it; empty for a
  /// finding about the whole project (a coverage gate), which has no location.
  std::string file;
  /// Where the span starts.
  SourcePosition begin;
  /// Where the span ends; equal to `begin` for a point.
  SourcePosition end;
};

/// A suggested replacement that fixes a finding.
struct FixIt {
  /// The text to replace.
  SourceRange range;
  /// What to put there instead.
  std::string replacement;
};

/// One finding of one tool. Every reporter renders every tool's diagnostics.
struct Diagnostic {
  /// The tool that produced it, e.g. `format` or `lint`.
  std::string tool;
  /// The check's stable id, `<category>/<name>`, e.g. `format/unformatted`.
  std::string check_id;
  /// The group it is listed under in text output, e.g. `consistency`.
  std::string category;
  /// Urgency among peers.
  Priority priority = Priority::normal;
  /// Seriousness; `error` and `warning` make the command exit 1.
  Severity severity = Severity::warning;
  /// One line saying what is wrong.
  std::string message;
  /// Where it is.
  SourceRange range;
  /// A safe fix, when the tool knows one.
  std::optional<FixIt> fix;
  /// Optional longer text: why it matters or what to do.
  std::string explanation;
};

/// Returns a high-priority finding of `tool` without a location yet: what a tool that
/// reports about runs rather than source text (test, cover, doc-grade) starts from.
Diagnostic make_finding(std::string tool, std::string check_id, std::string category,
                        Severity severity, std::string message);

/// Returns the lowercase name of `severity`: `note`, `warning` or `error`.
std::string_view severity_name(Severity severity);

/// Returns the lowercase name of `priority`, e.g. `high`.
std::string_view priority_name(Priority priority);

/// Returns the arrow that stands for `priority` in text output, e.g. `↗` for `high`.
std::string_view priority_arrow(Priority priority);

/// Returns the severity named `name` (`note`, `warning`, `error`), if any.
std::optional<Severity> parse_severity(std::string_view name);

/// Returns the priority named `name` (`higher`, `high`, `normal`, `low`, `ignore`), if any.
std::optional<Priority> parse_priority(std::string_view name);

/// Returns true when any of `diagnostics` is a warning or an error, which makes a
/// command exit with `exit_findings`.
bool has_findings(const std::vector<Diagnostic>& diagnostics);

}  // namespace retort
