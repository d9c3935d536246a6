#include "retort/typecheck/project_typecheck.hpp"

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
#include "retort/typecheck/analysis.hpp"

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
  SummaryAction(const ProjectPath& project_path, UnitSummary& summary)
      : project_path_(project_path), summary_(summary) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&,
                                                        llvm::StringRef) override {
    return std::make_unique<SummaryConsumer>(project_path_, summary_);
  }

 private:
  const ProjectPath& project_path_;
  UnitSummary& summary_;
};

class SummaryActionFactory : public clang::tooling::FrontendActionFactory {
 public:
  SummaryActionFactory(const ProjectPath& project_path, UnitSummary& summary)
      : project_path_(project_path), summary_(summary) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<SummaryAction>(project_path_, summary_);
  }

 private:
  const ProjectPath& project_path_;
  UnitSummary& summary_;
};

struct UnitOutcome {
  UnitSummary summary;
  std::vector<std::string> errors;
};

UnitOutcome summarise_unit(const CompileCommands& commands, const fs::path& unit,
                           const Project& project, const ProjectPath& project_path) {
  UnitOutcome outcome;
  SummaryActionFactory factory(project_path, outcome.summary);
  run_clang_tool(commands.clang_database(), {unit.string(), std::nullopt, {}, nullptr}, factory,
                 project.root, [&](const ClangError& error) {
                   outcome.errors.push_back(error.file + ":" + std::to_string(error.line) + ": " +
                                            error.message);
                 });
  return outcome;
}

// The counts of a run, each actor and send site once (headers repeat them).
void count(const std::vector<UnitSummary>& summaries, ProjectTypecheck& result) {
  std::set<std::string> actors;
  std::set<std::tuple<std::string, unsigned, unsigned>> sends, unresolved;
  for (const auto& summary : summaries) {
    for (const auto& actor : summary.actors) actors.insert(actor.name);
    for (const auto& send : summary.sends) {
      auto place = std::tuple(send.place.file, send.place.line, send.place.column);
      sends.insert(place);
      if (send.receivers.empty()) unresolved.insert(place);
    }
  }
  result.actors = actors.size();
  result.sends = sends.size();
  result.unresolved_sends = unresolved.size();
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

int ProjectTypecheck::exit_code() const { return warnings.empty() ? exit_clean : exit_findings; }

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
  std::vector<fs::path> units;
  for (const auto& file : commands->source_files())
    if (!project_path(file).empty()) units.push_back(file.lexically_normal());
  auto outcomes = parallel_map(units, options.jobs, [&](const fs::path& unit) {
    return summarise_unit(*commands, unit, project, project_path);
  });
  ProjectTypecheck result;
  std::vector<UnitSummary> summaries;
  for (auto& outcome : outcomes) {
    summaries.push_back(std::move(outcome.summary));
    result.parse_errors.insert(result.parse_errors.end(), outcome.errors.begin(),
                               outcome.errors.end());
  }
  result.units_checked = units.size();
  count(summaries, result);
  result.warnings = analyse(summaries);
  return result;
}

}  // namespace retort::typecheck
