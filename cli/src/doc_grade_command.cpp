// `retort doc-grade`: extracts the public API of the project's headers (retort_docgen),
// grades it like InchEx, prints suggestions or an explanation, and gates on
// --min-grade and --fail-under.

#include <iostream>

#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/docgen/project_grade.hpp"

namespace retort::cli {
namespace {

using namespace retort::doc;

void print_parse_errors(const Extraction& extraction) {
  for (const auto& skipped : extraction.skipped_headers) {
    std::cerr << skipped.header << ": note: not graded: " << skipped.reason << "\n";
  }
  constexpr std::size_t shown_limit = 10;
  for (std::size_t i = 0; i < extraction.parse_errors.size() && i < shown_limit; ++i) {
    const auto& error = extraction.parse_errors[i];
    std::cerr << error.location << ": error: does not compile: " << error.message << "\n";
  }
  if (extraction.parse_errors.size() > shown_limit)
    std::cerr << "... and " << extraction.parse_errors.size() - shown_limit << " more errors\n";
  if (!extraction.parse_errors.empty())
    std::cerr << "retort doc-grade: the headers above do not compile; their grades may miss "
                 "declarations\n";
}

int explain(const std::vector<GradedSymbol>& graded, const std::string& query) {
  auto found = find_symbols(graded, query);
  if (found.empty()) {
    std::cerr << "retort: error: no public symbol named '" << query
              << "'; give a qualified name such as ns::Class::method\n";
    return exit_usage;
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i != 0) std::cout << "\n";
    print_explanation(std::cout, *found[i]);
  }
  return exit_clean;
}

// Suggestions (text) or the report `--format` asks for, on standard output.
void write_grades(ReportFormat format, const std::vector<GradedSymbol>& graded,
                  const DocGradeCommandOptions& options, const GlobalOptions& global,
                  const std::vector<Diagnostic>& diagnostics, const ReportContext& context) {
  if (format == ReportFormat::json) {
    std::cout << grades_to_json(graded);
  } else if (format == ReportFormat::text) {
    SuggestionOptions suggestions;
    suggestions.is_all = options.is_all;
    suggestions.use_color = global.use_color();
    print_suggestions(std::cout, graded, suggestions);
  } else {
    write_report(format, diagnostics, context, std::cout);
  }
}

}  // namespace

int run_doc_grade(const Project& project, const DocGradeCommandOptions& options,
                  const GlobalOptions& global) {
  auto start = std::chrono::steady_clock::now();
  ReportFormat format = report_format_or_throw(options.report_format);
  if (auto error = prepare_report_paths({options.lcov_file}))
    return report_error(std::move(error), llvm::errs());
  auto grade = doc::run_project_grade(project, options.run);
  if (!grade) return report_error(grade.takeError(), llvm::errs());
  print_parse_errors(grade->extraction);
  if (!options.explained_symbol.empty()) return explain(grade->graded, options.explained_symbol);
  if (!options.lcov_file.empty()) {
    if (auto error =
            write_report_file(options.lcov_file, doc_coverage_lcov(grade->graded, project.root)))
      return report_error(std::move(error), llvm::errs());
  }
  auto context =
      make_report_context("doc-grade", doc_grade_rules(), grade->headers_checked(), start, global);
  if (options.step) {
    SuggestionOptions suggestions;
    suggestions.is_all = options.is_all;
    print_suggestions(options.step->human, grade->graded, suggestions);
    print_gate_failures(options.step->human, grade->gates, grade->settings);
    options.step->findings = {context, grade->diagnostics};
  } else {
    write_grades(format, grade->graded, options, global, grade->diagnostics, context);
    // With a report on stdout, what a gate reports goes to stderr so stdout stays
    // parseable.
    print_gate_failures(format == ReportFormat::text ? std::cout : std::cerr, grade->gates,
                        grade->settings);
  }
  return grade->exit_code();
}

void add_doc_grade_command(CLI::App& app, DocGradeCommandOptions& options,
                           std::function<int()>& action, const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "doc-grade", "Grade the documentation of the public API in the project's headers");
  command->add_option("paths", options.run.paths,
                      "Headers or folders to grade (default: the project)");
  command->add_option("-p,--build-dir", options.run.build_directory,
                      "The folder holding compile_commands.json");
  command->add_flag("--all", options.is_all, "List every symbol, not only the top suggestions");
  command->add_option("--min-grade", options.run.min_grade,
                      "Exit 1 when a public symbol is graded below this (A, B or C)");
  command
      ->add_option("--fail-under", options.run.fail_under,
                   "Exit 1 when fewer than PCT% of public symbols are graded B or better")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 100.0));
  command->add_option("--format", options.report_format,
                      "Output: text (suggestions), json (every grade), or failed gates and "
                      "headers that do not compile as sarif, github or junit");
  command->add_option("--lcov", options.lcov_file,
                      "Also write documentation coverage as an lcov tracefile");
  command->add_option("-j,--jobs", options.run.jobs,
                      "Parallel translation units (default: all cores)");
  command->add_flag("--no-cache", options.run.is_cache_disabled, "Parse every header again");
  add_change_options(*command, options.run.changes,
                     "Grade only the symbols declared on the lines changed");
  CLI::App* explain_command =
      command->add_subcommand("explain", "Show how a symbol's score is made up");
  explain_command->add_option("symbol", options.explained_symbol, "A qualified name, e.g. ns::f")
      ->required();
  on_project(*command, action, global,
             [&](const Project& project) { return run_doc_grade(project, options, global); });
}

}  // namespace retort::cli
