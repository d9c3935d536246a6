#include "retort/typecheck/project_typecheck.hpp"

#include <algorithm>
#include <mutex>
#include <set>

#include <clang/AST/ASTConsumer.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/Tooling.h>

#include "extract.hpp"
#include "retort/core/clang_tool.hpp"
#include "retort/core/compile_commands.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/parallel.hpp"
#include "retort/core/source_files.hpp"
#include "retort/core/suppressions.hpp"
#include "retort/typecheck/analysis.hpp"
#include "summary_cache.hpp"
#include "warnings.hpp"

namespace retort::typecheck {
namespace {

namespace fs = std::filesystem;

class SummaryConsumer : public clang::ASTConsumer {
 public:
  SummaryConsumer(const ProjectPath& project_path, UnitSummary& summary)
      : project_path_(project_path), summary_(summary) {}
  void HandleTranslationUnit(clang::ASTContext& context) override {
    summary_ = summarise(context, project_path_);
  }

 private:
  const ProjectPath& project_path_;
  UnitSummary& summary_;
};

class SummaryAction : public clang::ASTFrontendAction {
 public:
  SummaryAction(const ProjectPath& project_path, ParsedUnit& parsed)
      : project_path_(project_path), parsed_(parsed) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&,
                                                        llvm::StringRef) override {
    return std::make_unique<SummaryConsumer>(project_path_, parsed_.summary);
  }

  // Every file the unit read, for the cache's stamps.
  void EndSourceFileAction() override {
    auto& manager = getCompilerInstance().getSourceManager();
    for (auto it = manager.fileinfo_begin(); it != manager.fileinfo_end(); ++it) {
      llvm::SmallString<256> name(it->first->getName());
      manager.getFileManager().makeAbsolutePath(name);
      parsed_.input_files.insert(fs::path(name.str().str()).lexically_normal().string());
    }
  }

 private:
  const ProjectPath& project_path_;
  ParsedUnit& parsed_;
};

class SummaryActionFactory : public clang::tooling::FrontendActionFactory {
 public:
  SummaryActionFactory(const ProjectPath& project_path, ParsedUnit& parsed)
      : project_path_(project_path), parsed_(parsed) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<SummaryAction>(project_path_, parsed_);
  }

 private:
  const ProjectPath& project_path_;
  ParsedUnit& parsed_;
};

// Clang's error in a unit that does not compile: a finding with its place, as the
// linter gives; the unit's sends may be missed, and the rest is still checked.
Diagnostic parse_error(const ClangError& error) {
  Diagnostic finding = make_warning("parse-error", "does not compile: " + error.message,
                                    {error.file, error.line, error.column}, Priority::higher);
  finding.severity = Severity::error;
  return finding;
}

struct UnitOutcome {
  UnitSummary summary;
  std::vector<Diagnostic> errors;
  bool is_cached = false;
};

// `unit`'s summary from the cache when nothing it read has changed, else parsed (and
// stored when it compiled: a unit with errors may lack a header that appears later).
UnitOutcome summarise_unit(const CompileCommands& commands, const fs::path& unit,
                           const Project& project, const ProjectPath& project_path,
                           SummaryCache& cache) {
  UnitOutcome outcome;
  if (auto cached = cache.load(unit)) {
    outcome.summary = std::move(*cached);
    outcome.is_cached = true;
    return outcome;
  }
  ParsedUnit parsed;
  SummaryActionFactory factory(project_path, parsed);
  run_clang_tool(commands.clang_database(), {unit.string(), std::nullopt, {}, nullptr}, factory,
                 project.root,
                 [&](const ClangError& error) { outcome.errors.push_back(parse_error(error)); });
  if (outcome.errors.empty()) cache.store(unit, parsed);
  outcome.summary = std::move(parsed.summary);
  return outcome;
}

// The counts of a run, each actor and send site once (headers repeat them), and the
// project files the summaries show, whose suppression comments are judged.
std::vector<std::string> tally(const std::vector<UnitSummary>& summaries,
                               ProjectTypecheck& result) {
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
  result.actors = actors.size();
  result.sends = sends.size();
  return {files.begin(), files.end()};
}

// Drops the warnings a `// retort: disable-... typecheck/<id>` comment covers.
std::vector<Diagnostic> unsuppressed(std::vector<Diagnostic> warnings, const Project& project,
                                     const std::vector<std::string>& files) {
  SuppressionScope scope{"typecheck", {}};
  for (const auto& rule : typecheck_rules()) scope.check_ids.push_back("typecheck/" + rule.id);
  return apply_suppressions(std::move(warnings), project.root, files, scope);
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

}  // namespace

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
  LeftOutFiles left_out(*selection);
  ProjectPath project_path = [&](const fs::path& file) -> std::string {
    fs::path normal = file.lexically_normal();
    if (!is_inside(normal, project.root)) return "";
    std::string shown = display_path(normal, project.root);
    return left_out.contains(shown) ? "" : shown;
  };
  std::vector<fs::path> units = project_units(*commands, project_path);
  fs::path cache_root =
      options.is_cache_disabled ? fs::path() : ResultCache::default_root(project.root);
  SummaryCache cache(cache_root, commands->clang_database(), project.root, *selection);
  auto outcomes = parallel_map(units, options.jobs, [&](const fs::path& unit) {
    return summarise_unit(*commands, unit, project, project_path, cache);
  });
  ProjectTypecheck result;
  std::vector<UnitSummary> summaries;
  std::vector<Diagnostic> errors;
  for (auto& outcome : outcomes) {
    summaries.push_back(std::move(outcome.summary));
    result.units_cached += outcome.is_cached ? 1 : 0;
    result.units_not_compiling += outcome.errors.empty() ? 0 : 1;
    errors.insert(errors.end(), outcome.errors.begin(), outcome.errors.end());
  }
  result.units_checked = units.size();
  auto files = tally(summaries, result);
  AnalysisOptions analysis_options{
      result.units_not_compiling == 0,
      options.reports_unresolved_targets || project.config.boolean("typecheck.unresolved_target")};
  Analysis analysis = analyse(summaries, analysis_options);
  analysis.warnings.insert(analysis.warnings.end(), errors.begin(), errors.end());
  order_findings(analysis.warnings);
  result.warnings = unsuppressed(std::move(analysis.warnings), project, files);
  result.unresolved_sends = analysis.unresolved_sends;
  return result;
}

}  // namespace retort::typecheck
