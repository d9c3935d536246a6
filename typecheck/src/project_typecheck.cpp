#include "retort/typecheck/project_typecheck.hpp"

#include <algorithm>
#include <mutex>
#include <set>

#include "program_run.hpp"
#include "retort/core/baseline.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/git.hpp"
#include "retort/core/parallel.hpp"
#include "retort/core/suppressions.hpp"
#include "retort/typecheck/analysis.hpp"

namespace retort::typecheck {
namespace {

namespace fs = std::filesystem;

// The project files the summaries show, whose suppression comments are judged; and
// the counts of the program, each actor and send site once.
std::vector<std::string> tally(const std::vector<UnitSummary>& summaries, Judgement& judged) {
  std::set<std::string> actors, files;
  std::set<std::tuple<std::string, unsigned, unsigned>> sends;
  for (const auto& summary : summaries) {
    for (const auto& actor : summary.actors) {
      actors.insert(actor.name);
      files.insert(actor.place.file);
    }
    for (const auto& send : summary.sends) {
      sends.insert(std::tuple(send.place.file, send.place.line, send.place.column));
      files.insert(send.place.file);
    }
  }
  judged.actors = actors.size();
  judged.sends = sends.size();
  return {files.begin(), files.end()};
}

// Drops the warnings a `// retort: disable-... typecheck/<id>` comment covers.
std::vector<Diagnostic> unsuppressed(std::vector<Diagnostic> warnings, const Project& project,
                                     const std::vector<std::string>& files,
                                     const SourceTexts* texts) {
  SuppressionScope scope{"typecheck", {}};
  for (const auto& rule : typecheck_rules()) scope.check_ids.push_back("typecheck/" + rule.id);
  return apply_suppressions(std::move(warnings), project.root, files, scope, texts);
}

// The database's units in the project's files, not left out.
std::vector<fs::path> project_units(const CompileCommands& commands,
                                    const ProjectPath& project_path) {
  std::vector<fs::path> units;
  for (const auto& file : commands.source_files())
    if (!project_path(file).empty()) units.push_back(file.lexically_normal());
  return units;
}

// `-p`, else `typecheck.build_directory`, else found as clangd does.
llvm::Expected<CompileCommands> database_for(const Project& project,
                                             const ProjectTypecheckOptions& options) {
  std::optional<fs::path> build_directory;
  if (!options.build_directory.empty())
    build_directory = options.build_directory;
  else if (const auto& configured = project.config.string("typecheck.build_directory");
           !configured.empty())
    build_directory = project.root / configured;
  return CompileCommands::discover(project.root, build_directory);
}

// Drops the warnings a baseline file (`--baseline`, `typecheck.baseline`) records,
// then, for `--since` or `--staged`, those the program had before the change.
llvm::Expected<std::vector<Diagnostic>> gated(std::vector<Diagnostic> warnings,
                                              const RunContext& context,
                                              const std::vector<UnitOutcome>& outcomes,
                                              const SourceTexts& texts) {
  const Project& project = context.project;
  fs::path baseline_path = context.options.baseline;
  if (baseline_path.empty() && !project.config.string("typecheck.baseline").empty())
    baseline_path = project.root / project.config.string("typecheck.baseline");
  if (!baseline_path.empty()) {
    auto baseline = Baseline::read(baseline_path);
    if (!baseline) return baseline.takeError();
    warnings = baseline->new_findings(std::move(warnings), project.root, &texts);
  }
  if (context.options.changes.is_whole_project()) return warnings;
  return warnings_the_change_brought(context, std::move(warnings), outcomes, texts);
}

}  // namespace

Judgement judge_program(const RunContext& context, const std::vector<const UnitOutcome*>& outcomes,
                        const SourceTexts* texts) {
  Judgement judged;
  std::vector<UnitSummary> summaries;
  std::vector<Diagnostic> errors;
  for (const auto* outcome : outcomes) {
    summaries.push_back(outcome->parsed.summary);
    judged.units_not_compiling += outcome->errors.empty() ? 0 : 1;
    errors.insert(errors.end(), outcome->errors.begin(), outcome->errors.end());
  }
  auto files = tally(summaries, judged);
  AnalysisOptions analysis_options{
      judged.units_not_compiling == 0,
      context.options.reports_unresolved_targets ||
          context.project.config.boolean("typecheck.unresolved_target")};
  Analysis analysis = analyse(summaries, analysis_options);
  analysis.warnings.insert(analysis.warnings.end(), errors.begin(), errors.end());
  order_findings(analysis.warnings);
  judged.warnings = unsuppressed(std::move(analysis.warnings), context.project, files, texts);
  judged.unresolved_sends = analysis.unresolved_sends;
  return judged;
}

int ProjectTypecheck::exit_code() const {
  bool has_warning = std::any_of(warnings.begin(), warnings.end(), [](const Diagnostic& finding) {
    return finding.severity != Severity::note;
  });
  return has_warning ? exit_findings : exit_clean;
}

llvm::Expected<ProjectTypecheck> run_project_typecheck(const Project& project,
                                                       const ProjectTypecheckOptions& options) {
  auto commands = database_for(project, options);
  if (!commands) return commands.takeError();
  auto selection = FileSelection::for_project(project.root, project.config);
  if (!selection) return selection.takeError();
  // With --staged, the files an unstaged edit has changed are read as the index holds them.
  auto changes = read_changes(project.root, options.changes);
  if (!changes) return changes.takeError();
  SourceTexts texts = *changes ? std::move((*changes)->texts) : SourceTexts();
  LeftOutFiles left_out(*selection);
  ProjectPath project_path = [&](const fs::path& file) -> std::string {
    fs::path normal = file.lexically_normal();
    if (!is_inside(normal, project.root)) return "";
    std::string shown = display_path(normal, project.root);
    return left_out.contains(shown) ? "" : shown;
  };
  RunContext context{
      project,
      options,
      *commands,
      *selection,
      project_path,
      project_units(*commands, project_path),
      options.is_cache_disabled ? fs::path() : ResultCache::default_root(project.root)};
  SummaryCache cache(commands->clang_database(), project.root, *selection,
                     {context.cache_root, &texts, ""});
  UnitReader reader{*commands, project.root, project_path, cache, &texts};
  auto outcomes = parallel_map(context.units, options.jobs,
                               [&](const fs::path& unit) { return summarise_unit(reader, unit); });
  std::vector<const UnitOutcome*> program;
  for (const auto& outcome : outcomes) program.push_back(&outcome);
  Judgement judged = judge_program(context, program, &texts);
  ProjectTypecheck result;
  result.units_checked = context.units.size();
  result.units_cached = std::count_if(outcomes.begin(), outcomes.end(),
                                      [](const UnitOutcome& outcome) { return outcome.is_cached; });
  result.actors = judged.actors;
  result.sends = judged.sends;
  result.unresolved_sends = judged.unresolved_sends;
  result.units_not_compiling = judged.units_not_compiling;
  auto warnings = gated(std::move(judged.warnings), context, outcomes, texts);
  if (!warnings) return warnings.takeError();
  result.warnings = std::move(*warnings);
  return result;
}

}  // namespace retort::typecheck
