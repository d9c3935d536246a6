#include "retort/docgen/project_grade.hpp"

#include "retort/core/compile_commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/result_cache.hpp"
#include "retort/core/source_files.hpp"

namespace retort::doc {
namespace {

namespace fs = std::filesystem;

// The project's headers, or with `changes` those the change touches.
llvm::Expected<std::vector<fs::path>> headers_to_grade(const Project& project,
                                                       const ProjectGradeOptions& options,
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

// The named build folder's database (`-p`, else `doc.build_directory`; an error when
// it has none), or the one found as clangd finds it, or none.
llvm::Expected<std::optional<CompileCommands>> project_commands(
    const Project& project, const ProjectGradeOptions& options) {
  fs::path named = options.build_directory;
  if (named.empty() && !project.config.string("doc.build_directory").empty())
    named = project.root / project.config.string("doc.build_directory");
  if (!named.empty()) {
    auto loaded = CompileCommands::discover(project.root, named);
    if (!loaded) return loaded.takeError();
    return std::optional<CompileCommands>(std::move(*loaded));
  }
  auto found = CompileCommands::discover(project.root, std::nullopt);
  if (found) return std::optional<CompileCommands>(std::move(*found));
  llvm::consumeError(found.takeError());
  return std::optional<CompileCommands>();
}

llvm::Expected<Extraction> extract_project_api(const Project& project,
                                               const ProjectGradeOptions& options,
                                               const Changes* changes) {
  auto headers = headers_to_grade(project, options, changes);
  if (!headers) return headers.takeError();
  auto commands = project_commands(project, options);
  if (!commands) return commands.takeError();
  ExtractRequest request;
  request.project_root = project.root;
  request.display_root = project.root;
  request.headers = std::move(*headers);
  request.commands = *commands ? &**commands : nullptr;
  request.fallback_arguments = fallback_arguments(project);
  request.internal_namespaces = project.config.string_list("doc.internal_namespaces");
  if (!options.is_cache_disabled) request.cache_root = ResultCache::default_root(project.root);
  request.jobs = options.jobs;
  if (changes) request.replaced_texts = changes->texts;
  return extract_api(request);
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

// The options' --min-grade and --fail-under, or their settings.
llvm::Expected<GateSettings> gate_settings(const Project& project,
                                           const ProjectGradeOptions& options) {
  std::string min_grade =
      options.min_grade.empty() ? project.config.string("doc.min_grade") : options.min_grade;
  GateSettings settings;
  settings.min_grade = grade_from_letter(min_grade);
  if (!settings.min_grade && !min_grade.empty() && min_grade != "none")
    return usage_error("--min-grade must be A, B or C, got '" + min_grade + "'");
  settings.fail_under = options.fail_under
                            ? *options.fail_under
                            : static_cast<double>(project.config.integer("doc.fail_under"));
  return settings;
}

}  // namespace

std::size_t ProjectGrade::headers_checked() const {
  return extraction.headers_parsed + extraction.headers_cached;
}

int ProjectGrade::exit_code() const {
  return gates.passes() && extraction.parse_errors.empty() ? exit_clean : exit_findings;
}

llvm::Expected<ProjectGrade> run_project_grade(const Project& project,
                                               const ProjectGradeOptions& options) {
  auto settings = gate_settings(project, options);
  if (!settings) return settings.takeError();
  auto changes = read_changes(project.root, options.changes);
  if (!changes) return changes.takeError();
  const Changes* changed = *changes ? &**changes : nullptr;
  auto extraction = extract_project_api(project, options, changed);
  if (!extraction) return extraction.takeError();
  ProjectGrade result;
  result.graded = graded_symbols(std::move(extraction->symbols), changed, project.root);
  result.extraction = std::move(*extraction);
  result.settings = *settings;
  result.gates = apply_gates(result.graded, result.settings);
  result.diagnostics =
      gate_diagnostics(result.gates, result.settings, result.extraction.parse_errors);
  return result;
}

}  // namespace retort::doc
