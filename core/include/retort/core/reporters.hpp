#pragma once

/// @file
/// Renders diagnostics as grouped text, JSON, SARIF 2.1.0, GitHub annotations or
/// JUnit XML. Reporters only render; the tools that produce diagnostics never print.

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "retort/core/diagnostic.hpp"
#include "retort/core/rule.hpp"

namespace retort {

/// The output formats every tool accepts with `--format`.
enum class ReportFormat { text, json, sarif, github, junit };

/// Returns the `ReportFormat` named by `name` (`text`, `json`, `sarif`, `github`,
/// `junit`), or `std::nullopt` when it names none.
std::optional<ReportFormat> parse_report_format(std::string_view name);

/// Returns the names of all report formats, comma-separated, for help and errors.
std::string report_format_names();

/// What a reporter knows besides the diagnostics themselves.
struct ReportContext {
  /// The tool name, e.g. `format`; used as the SARIF driver and JUnit suite name.
  std::string tool;
  /// The tool version, e.g. `0.1.0`.
  std::string tool_version;
  /// Metadata of the checks that may appear.
  RuleCatalog rules;
  /// How many files were looked at, for the summary line.
  std::size_t files_checked = 0;
  /// How long the run took, for the summary line.
  std::chrono::milliseconds elapsed{0};
  /// How many vendored folders were left alone, for the summary line.
  std::size_t vendored_folders_skipped = 0;
  /// Whether text output may use ANSI colours.
  bool use_color = false;
};

/// One tool's findings and what its reporter needs to know about its run.
struct ToolFindings {
  /// The tool's run: its name, rules, files checked.
  ReportContext context;
  /// What it found.
  std::vector<Diagnostic> diagnostics;
};

/// Writes the findings of several tools (the gate's steps) to `out` as ONE document
/// in `format`: SARIF with one run per tool, as GitHub code scanning reads them;
/// JSON with every diagnostic (each names its tool) and a summary per tool; JUnit
/// with one test suite per tool; GitHub annotations of all; text reports one after
/// another. `version` is retort's.
void write_combined_report(ReportFormat format, const std::vector<ToolFindings>& tools,
                           std::string_view version, std::ostream& out);

/// Writes `diagnostics` to `out` in `format`. Text output groups findings by
/// category, like Credo, and ends with a one-line summary.
void write_report(ReportFormat format, const std::vector<Diagnostic>& diagnostics,
                  const ReportContext& context, std::ostream& out);

/// Returns true when text written to standard output may be coloured: it is a
/// terminal and `NO_COLOR` is unset or empty.
bool stdout_supports_color();

/// Returns true when text written to file descriptor `fd` may be coloured: it is a
/// terminal and `NO_COLOR` is unset or empty.
bool stream_supports_color(int fd);

}  // namespace retort
