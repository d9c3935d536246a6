// `retort doc-grade`: extracts the public API of the project's headers (retort_docgen),
// grades it like InchEx, prints suggestions or an explanation, and gates on
// --min-grade and --fail-under.

#include <iostream>

#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "retort/core/compile_commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/result_cache.hpp"
#include "retort/core/source_files.hpp"
#include "retort/docgen/extract.hpp"
#include "retort/docgen/gates.hpp"
#include "retort/docgen/report.hpp"

namespace retort::cli {
namespace {

namespace fs = std::filesystem;
using namespace retort::doc;

// The project's headers, or with `changes` those the change touches.
llvm::Expected<std::vector<fs::path>> headers_to_grade(const Project& project,
                                                       const DocGradeCommandOptions& options,
                                                       const Changes* changes) {
  // doc.exclude narrows files.exclude for this tool: the same glob rules, compiled once.
  auto selection = FileSelection::for_project(project.root, project.config);
  if (!selection) return selection.takeError();
  for (const auto& glob : project.config.string_list("doc.exclude"))
    selection->exclude_globs.push_back(glob);
  auto files = discover_source_files(project.root, options.paths, *selection);
  if (!files) return files.takeError();
  std::vector<fs::path> headers;
  for (const auto& file : *files) {
    fs::path header = fs::absolute(file).lexically_normal();
    if (is_cpp_header(file) && (!changes || changes->lines.count(header) != 0))
      headers.push_back(std::move(header));
  }
  return headers;
}

// Without a compilation database, headers are parsed with `doc.flags` and the usual
// include folders; a header-only library often has no build to export one.
std::vector<std::string> fallback_arguments(const Project& project) {
  std::vector<std::string> arguments = project.config.string_list("doc.flags");
  arguments.push_back("-I" + (project.root / "include").string());
  arguments.push_back("-I" + project.root.string());
  return arguments;
}

llvm::Expected<Extraction> extract_project_api(const Project& project,
                                               const DocGradeCommandOptions& options,
                                               const Changes* changes) {
  auto headers = headers_to_grade(project, options, changes);
  if (!headers) return headers.takeError();
  std::optional<CompileCommands> commands;
  if (!options.build_directory.empty()) {
    auto loaded = CompileCommands::discover(project.root, options.build_directory);
    if (!loaded) return loaded.takeError();
    commands = std::move(*loaded);
  } else if (auto found = CompileCommands::discover(project.root, std::nullopt)) {
    commands = std::move(*found);
  } else {
    llvm::consumeError(found.takeError());
  }
  ExtractRequest request;
  request.project_root = project.root;
  request.display_root = project.root;
  request.headers = std::move(*headers);
  request.commands = commands ? &*commands : nullptr;
  request.fallback_arguments = fallback_arguments(project);
  request.internal_namespaces = project.config.string_list("doc.internal_namespaces");
  if (!options.is_cache_disabled) request.cache_root = ResultCache::default_root(project.root);
  request.jobs = options.jobs;
  if (changes) request.replaced_texts = changes->texts;
  return extract_api(request);
}

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

// The symbols' grades; with `changes`, only of the symbols declared on changed lines:
// a change is judged by what it touched, never by an old symbol beside it.
std::vector<GradedSymbol> graded_symbols(std::vector<Symbol> symbols, const Changes* changes,
                                         const fs::path& root) {
  std::vector<GradedSymbol> graded = grade_all(std::move(symbols));
  if (changes)
    std::erase_if(graded, [&](const GradedSymbol& graded_symbol) {
      const auto& symbol = graded_symbol.symbol;
      return !is_changed_line(changes->lines, root / symbol.file, symbol.line);
    });
  return graded;
}

// Throws CLI11's validation error for a --min-grade that is not a grade.
void check_min_grade(const std::string& min_grade) {
  if (min_grade.empty() || min_grade == "none" || grade_from_letter(min_grade)) return;
  throw CLI::ValidationError("--min-grade", "must be A, B or C, got '" + min_grade + "'");
}

// --min-grade and --fail-under, or their settings.
GateSettings gate_settings(const Project& project, const DocGradeCommandOptions& options) {
  GateSettings settings;
  std::string min_grade =
      options.min_grade.empty() ? project.config.string("doc.min_grade") : options.min_grade;
  settings.min_grade = grade_from_letter(min_grade);
  settings.fail_under = options.fail_under
                            ? *options.fail_under
                            : static_cast<double>(project.config.integer("doc.fail_under"));
  return settings;
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
  check_min_grade(options.min_grade);
  if (auto error = prepare_report_paths({options.lcov_file}))
    return report_error(std::move(error), llvm::errs());
  auto changes = read_changes(project.root, options.changes);
  if (!changes) return report_error(changes.takeError(), llvm::errs());
  const Changes* changed = *changes ? &**changes : nullptr;
  auto extraction = extract_project_api(project, options, changed);
  if (!extraction) return report_error(extraction.takeError(), llvm::errs());
  print_parse_errors(*extraction);
  std::vector<GradedSymbol> graded =
      graded_symbols(std::move(extraction->symbols), changed, project.root);
  if (!options.explained_symbol.empty()) return explain(graded, options.explained_symbol);
  if (!options.lcov_file.empty()) {
    if (auto error = write_report_file(options.lcov_file, doc_coverage_lcov(graded, project.root)))
      return report_error(std::move(error), llvm::errs());
  }
  auto settings = gate_settings(project, options);
  auto gates = apply_gates(graded, settings);
  auto diagnostics = gate_diagnostics(gates, settings, extraction->parse_errors);
  auto context =
      make_report_context("doc-grade", doc_grade_rules(),
                          extraction->headers_parsed + extraction->headers_cached, start, global);
  if (options.step) {
    SuggestionOptions suggestions;
    suggestions.is_all = options.is_all;
    print_suggestions(options.step->human, graded, suggestions);
    print_gate_failures(options.step->human, gates, settings);
    options.step->findings = {context, diagnostics};
  } else {
    write_grades(format, graded, options, global, diagnostics, context);
    // With a report on stdout, what a gate reports goes to stderr so stdout stays
    // parseable.
    print_gate_failures(format == ReportFormat::text ? std::cout : std::cerr, gates, settings);
  }
  return gates.passes() && extraction->parse_errors.empty() ? exit_clean : exit_findings;
}

void add_doc_grade_command(CLI::App& app, DocGradeCommandOptions& options,
                           std::function<int()>& action, const GlobalOptions& global) {
  CLI::App* command = app.add_subcommand(
      "doc-grade", "Grade the documentation of the public API in the project's headers");
  command->add_option("paths", options.paths, "Headers or folders to grade (default: the project)");
  command->add_option("-p,--build-dir", options.build_directory,
                      "The folder holding compile_commands.json");
  command->add_flag("--all", options.is_all, "List every symbol, not only the top suggestions");
  command->add_option("--min-grade", options.min_grade,
                      "Exit 1 when a public symbol is graded below this (A, B or C)");
  command
      ->add_option("--fail-under", options.fail_under,
                   "Exit 1 when fewer than PCT% of public symbols are graded B or better")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 100.0));
  command->add_option("--format", options.report_format,
                      "Output: text (suggestions), json (every grade), or failed gates and "
                      "headers that do not compile as sarif, github or junit");
  command->add_option("--lcov", options.lcov_file,
                      "Also write documentation coverage as an lcov tracefile");
  command->add_option("-j,--jobs", options.jobs, "Parallel translation units (default: all cores)");
  command->add_flag("--no-cache", options.is_cache_disabled, "Parse every header again");
  add_change_options(*command, options.changes,
                     "Grade only the symbols declared on the lines changed");
  CLI::App* explain_command =
      command->add_subcommand("explain", "Show how a symbol's score is made up");
  explain_command->add_option("symbol", options.explained_symbol, "A qualified name, e.g. ns::f")
      ->required();
  command->callback([&] {
    action = [&] {
      auto project = load_project_for(global);
      if (!project) return report_error(project.takeError(), llvm::errs());
      return run_doc_grade(*project, options, global);
    };
  });
}

}  // namespace retort::cli
