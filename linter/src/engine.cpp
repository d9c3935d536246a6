// Parses each translation unit once, runs every check's matchers on it and every
// line check on each project file it touches, in parallel across units.

#include <mutex>
#include <set>
#include <sstream>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Tooling/Tooling.h>

#include "retort/core/clang_tool.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/parallel.hpp"
#include "retort/core/source_files.hpp"
#include "retort/core/suppressions.hpp"
#include "retort/linter/ast_check.hpp"
#include "retort/linter/linter.hpp"
#include "run_cache.hpp"
#include "unit_cache.hpp"
#include "unit_context.hpp"

namespace retort::lint {
namespace {

namespace fs = std::filesystem;

// Clang's own errors (the code does not parse) become lint/parse-error findings.
Diagnostic parse_error_finding(const ClangError& error) {
  Diagnostic diagnostic;
  diagnostic.tool = "lint";
  diagnostic.check_id = "lint/parse-error";
  diagnostic.category = "warning";
  diagnostic.priority = Priority::higher;
  diagnostic.severity = Severity::error;
  diagnostic.message = "does not compile: " + error.message;
  if (!error.file.empty()) {
    diagnostic.range.file = error.file;
    diagnostic.range.begin = {error.line, error.column};
    diagnostic.range.end = diagnostic.range.begin;
  }
  return diagnostic;
}

// Runs the matchers only over top-level declarations in project files: the
// standard library and third-party headers are parsed (they must be) but never
// traversed, which is most of the matching work in a typical unit.
class ProjectScopedConsumer : public clang::ASTConsumer {
 public:
  ProjectScopedConsumer(std::unique_ptr<clang::ASTConsumer> matcher_consumer,
                        const UnitContext& context)
      : matcher_consumer_(std::move(matcher_consumer)), context_(context) {}

  void HandleTranslationUnit(clang::ASTContext& ast) override {
    std::vector<clang::Decl*> project_decls;
    for (clang::Decl* decl : ast.getTranslationUnitDecl()->decls()) {
      if (context_.is_project_location(decl->getLocation())) project_decls.push_back(decl);
    }
    ast.setTraversalScope(project_decls);
    matcher_consumer_->HandleTranslationUnit(ast);
  }

 private:
  std::unique_ptr<clang::ASTConsumer> matcher_consumer_;
  const UnitContext& context_;
};

class LintAction : public clang::ASTFrontendAction {
 public:
  LintAction(UnitContext& context, UnitResult& result, const LintRequest& request)
      : context_(context), result_(result), request_(request) {}

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& compiler,
                                                        llvm::StringRef) override {
    context_.set_source_manager(&compiler.getSourceManager());
    bool is_cpp = compiler.getLangOpts().CPlusPlus;
    for (const auto& check : registered_checks()) {
      if (check->info().is_cpp_only && !is_cpp) continue;
      if (request_.settings.is_enabled(check->info())) check->register_matchers(finder_, context_);
    }
    return std::make_unique<ProjectScopedConsumer>(finder_.newASTConsumer(), context_);
  }

  void EndSourceFileAction() override {
    const auto& manager = getCompilerInstance().getSourceManager();
    for (auto it = manager.fileinfo_begin(); it != manager.fileinfo_end(); ++it) {
      fs::path file = context_.absolute_path(it->first->getName());
      result_.input_files.insert(file);
      if (is_inside(file, request_.project_root)) result_.project_files.insert(file);
    }
  }

 private:
  UnitContext& context_;
  UnitResult& result_;
  const LintRequest& request_;
  clang::ast_matchers::MatchFinder finder_;
};

class LintActionFactory : public clang::tooling::FrontendActionFactory {
 public:
  LintActionFactory(UnitContext& context, UnitResult& result, const LintRequest& request)
      : context_(context), result_(result), request_(request) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<LintAction>(context_, result_, request_);
  }

 private:
  UnitContext& context_;
  UnitResult& result_;
  const LintRequest& request_;
};

UnitResult parse_and_lint_unit(const LintRequest& request, const fs::path& unit) {
  UnitResult result;
  UnitContext context(request, result);
  LintActionFactory factory(context, result, request);
  run_clang_tool(*request.database, {unit.string(), std::nullopt, {}, &request.replaced_texts},
                 factory, request.display_root, [&](const ClangError& error) {
                   result.diagnostics.push_back(parse_error_finding(error));
                 });
  return result;
}

UnitResult lint_unit(const LintRequest& request, UnitCache& cache, const fs::path& unit) {
  if (auto cached = cache.load(unit)) return std::move(*cached);
  UnitResult result = parse_and_lint_unit(request, unit);
  // A unit that does not compile may be missing a file that does not exist yet, and
  // a file that was never read has no stamp: such results are not kept.
  bool has_parse_error =
      std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                  [](const Diagnostic& d) { return d.check_id == "lint/parse-error"; });
  if (!has_parse_error) cache.store(unit, result);
  return result;
}

FileText read_text(const fs::path& file, const LintRequest& request) {
  FileText text{display_path(file, request.display_root), is_cpp_header(file), {}};
  auto contents = read_source(file, &request.replaced_texts);
  if (!contents) {
    llvm::consumeError(contents.takeError());
    return text;
  }
  std::istringstream lines(*contents);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    text.lines.push_back(std::move(line));
  }
  return text;
}

UnitResult check_texts(const LintRequest& request, const std::set<fs::path>& files) {
  UnitResult sink;
  UnitContext context(request, sink);
  for (const auto& file : files) {
    FileText text = read_text(file, request);
    for (const auto& check : registered_checks()) {
      if (request.settings.is_enabled(check->info())) check->check_text(text, context);
    }
  }
  return sink;
}

bool finding_order(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.range.file, a.range.begin.line, a.range.begin.column, a.check_id, a.message) <
         std::tie(b.range.file, b.range.begin.line, b.range.begin.column, b.check_id, b.message);
}

bool same_finding(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.range.file, a.range.begin.line, a.range.begin.column, a.check_id, a.message) ==
         std::tie(b.range.file, b.range.begin.line, b.range.begin.column, b.check_id, b.message);
}

// Every unit's result: one merged result replayed when nothing any unit read has
// changed, else each unit's own (replayed or parsed), kept for the next run.
std::vector<UnitResult> unit_results(const LintRequest& request) {
  UnitCache cache(request);
  RunCache run_cache(request, cache);
  if (auto replayed = run_cache.load()) {
    if (request.on_progress)
      request.on_progress(request.translation_units.size(), request.translation_units.size());
    std::vector<UnitResult> results;
    results.push_back(std::move(*replayed));
    return results;
  }
  std::mutex progress_mutex;
  std::size_t done = 0;
  std::vector<UnitResult> results =
      parallel_map(request.translation_units, request.jobs, [&](const fs::path& unit) {
        UnitResult result = lint_unit(request, cache, unit);
        if (request.on_progress) {
          std::lock_guard lock(progress_mutex);
          request.on_progress(++done, request.translation_units.size());
        }
        return result;
      });
  run_cache.store(results);
  return results;
}

}  // namespace

LintRun lint(const LintRequest& request) {
  std::vector<UnitResult> results = unit_results(request);
  LintRun run;
  std::set<fs::path> project_files;
  std::vector<StyleObservation> observations;
  for (auto& result : results) {
    // A header included by many units is reported once: duplicates are dropped below.
    for (auto& diagnostic : result.diagnostics) run.diagnostics.push_back(std::move(diagnostic));
    for (auto& observation : result.observations) observations.push_back(std::move(observation));
    project_files.insert(result.project_files.begin(), result.project_files.end());
    if (!result.is_cached) ++run.units_parsed;
  }
  run.units_cached = request.translation_units.size() - run.units_parsed;
  UnitResult text_result = check_texts(request, project_files);
  for (auto& diagnostic : text_result.diagnostics) run.diagnostics.push_back(std::move(diagnostic));
  for (auto& observation : text_result.observations) observations.push_back(std::move(observation));
  for (auto& diagnostic : minority_style_findings(observations, request.settings))
    run.diagnostics.push_back(std::move(diagnostic));
  std::sort(run.diagnostics.begin(), run.diagnostics.end(), finding_order);
  run.diagnostics.erase(std::unique(run.diagnostics.begin(), run.diagnostics.end(), same_finding),
                        run.diagnostics.end());
  run.files_checked = project_files.size();
  std::vector<std::string> checked;
  for (const auto& file : project_files)
    checked.push_back(display_path(file, request.display_root));
  SuppressionScope scope{"lint", {}};
  for (const auto& check : registered_checks()) scope.check_ids.push_back(check->info().id);
  run.diagnostics = apply_suppressions(std::move(run.diagnostics), request.display_root, checked,
                                       scope, &request.replaced_texts);
  return run;
}

}  // namespace retort::lint
