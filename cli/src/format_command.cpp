#include <chrono>
#include <functional>
#include <iostream>
#include <iterator>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "progress.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/process.hpp"
#include "retort/core/source_files.hpp"
#include "retort/formatter/formatter.hpp"
#include "retort/formatter/project_format.hpp"

namespace retort::cli {
namespace {

namespace fs = std::filesystem;

format::ProjectFormatOptions project_format_options(const FormatCommandOptions& options) {
  format::ProjectFormatOptions format = options.run;
  format.mode = options.is_check
                    ? format::FormatMode::check
                    : (options.is_diff ? format::FormatMode::diff : format::FormatMode::in_place);
  // As a step of the gate, the board shows that the step is running.
  if (!options.step) format.on_progress = progress_printer("format", "files");
  return format;
}

// A unified diff from GNU diff (Debian's essential diffutils), so the output is the
// one every patch tool reads; the formatted side arrives on diff's standard input.
llvm::Expected<std::string> unified_diff(const fs::path& file, const std::string& label,
                                         const std::string& formatted) {
  ProcessOptions options;
  options.standard_input = formatted;
  auto result = run_process(
      {"diff", "-u", "--label", "a/" + label, "--label", "b/" + label, file.string(), "-"},
      options);
  if (!result) return result.takeError();
  if (result->exit_code > 1)
    return internal_error("diff failed for '" + file.string() + "': " + result->standard_error);
  return result->standard_output;
}

// For a text that exists only in memory (--stdin, --staged, or as it was formatted):
// diff reads it from a temporary file.
llvm::Expected<std::string> unified_diff_of_text(const std::string& original,
                                                 const std::string& label,
                                                 const std::string& formatted) {
  int fd = -1;
  llvm::SmallString<128> temporary;
  if (auto error = llvm::sys::fs::createTemporaryFile("retort-stdin", "cpp", fd, temporary)) {
    return internal_error("cannot create a temporary file: " + error.message());
  }
  {
    llvm::raw_fd_ostream stream(fd, /*shouldClose=*/true);
    stream << original;
  }
  auto diff = unified_diff(std::string(temporary), label, formatted);
  llvm::sys::fs::remove(temporary);
  return diff;
}

int format_stdin(const Project& project, const FormatCommandOptions& options) {
  std::string code{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  fs::path name =
      options.assume_filename.empty() ? fs::path("stdin.cpp") : fs::path(options.assume_filename);
  auto result = format::format_text(code, name, format::FormatOptions::from_config(project.config));
  for (const auto& d : result.diagnostics) {
    std::cerr << name.string() << ":" << d.range.begin.line << ": " << severity_name(d.severity)
              << ": " << d.message << " [" << d.check_id << "]\n";
  }
  if (result.status == format::FileStatus::failed ||
      result.status == format::FileStatus::meaning_changed) {
    if (!options.is_check && !options.is_diff) std::cout << code;  // an editor's buffer stays whole
    return result.status == format::FileStatus::meaning_changed ? exit_internal : exit_findings;
  }
  bool is_changed = result.status == format::FileStatus::changed;
  if (options.is_check) {
    if (is_changed) std::cerr << name.string() << ": not formatted\n";
  } else if (options.is_diff) {
    auto diff = unified_diff_of_text(code, name.string(), result.formatted);
    if (!diff) return report_error(diff.takeError(), llvm::errs());
    std::cout << *diff;
  } else {
    std::cout << result.formatted;
  }
  return (options.is_check || options.is_diff) && is_changed ? exit_findings : exit_clean;
}

// Diffs the text that was formatted, not the file as it is now: with --staged that
// is the index's text, and a file edited meanwhile is not half-described.
int print_diffs(const format::FormatRun& run, const fs::path& root) {
  for (const auto& file : run.files) {
    if (file.status != format::FileStatus::changed) continue;
    auto diff = unified_diff_of_text(file.original, display_path(file.path, root), file.formatted);
    if (!diff) return report_error(diff.takeError(), llvm::errs());
    std::cout << *diff;
  }
  return exit_clean;
}

}  // namespace

int run_format(const Project& project, const FormatCommandOptions& options,
               const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat report_format = report_format_or_throw(options.report_format);
  if (options.is_print_style) {
    std::cout << format::house_style_yaml(
        static_cast<int>(project.config.integer("format.line_length")));
    return exit_clean;
  }
  if (options.is_stdin) return format_stdin(project, options);

  auto formatted = format::run_project_format(project, project_format_options(options));
  if (!formatted) return report_error(formatted.takeError(), llvm::errs());
  for (const auto& path : formatted->left_alone)
    llvm::errs() << "retort: note: '" << path.string()
                 << "' is not a C or C++ file (by its extension); left alone\n";
  if (options.is_diff) {
    if (int failed = print_diffs(formatted->run, project.root); failed != exit_clean) return failed;
  }
  auto context = make_report_context("format", format::format_rules(), formatted->files_checked,
                                     start, global);
  context.vendored_folders_skipped = formatted->vendored_folders_skipped;
  // With --diff the patch alone goes to stdout; the findings (one per file the patch
  // touches) and the summary that counts them go to stderr.
  std::ostream& out = options.is_diff ? std::cerr : std::cout;
  deliver_findings(options.step, report_format, formatted->run.diagnostics, context, out);
  return formatted->exit_code();
}

void add_format_command(CLI::App& app, FormatCommandOptions& options, std::function<int()>& action,
                        const GlobalOptions& global) {
  CLI::App* command =
      app.add_subcommand("format", "Format C++ files in the house style (Clang's libFormat)");
  command->add_option("paths", options.run.paths,
                      "Files or directories (default: the whole project)");
  auto* check = command->add_flag("--check", options.is_check,
                                  "Write nothing; list unformatted files, exit 1 if any");
  command->add_flag("--diff", options.is_diff, "Write nothing; print a unified diff, exit 1 if any")
      ->excludes(check);
  add_change_options(*command, options.run.changes, "Format only the lines changed");
  auto* stdin_flag =
      command->add_flag("--stdin", options.is_stdin, "Format standard input to standard output");
  command
      ->add_option("--assume-filename", options.assume_filename,
                   "With --stdin: the file name to format it as")
      ->type_name("F")
      ->needs(stdin_flag);
  command->add_option("-j,--jobs", options.run.jobs,
                      "Files formatted in parallel (default: all cores)");
  command->add_option("--format", options.report_format, "Report format: " + report_format_names());
  command->add_flag("--no-cache", options.run.is_cache_disabled,
                    "Ignore and do not update .retort/cache");
  command->add_flag("--print-style", options.is_print_style,
                    "Print the house style as .clang-format YAML (for editors) and exit");
  on_project(*command, action, global,
             [&](const Project& project) { return run_format(project, options, global); });
}

}  // namespace retort::cli
