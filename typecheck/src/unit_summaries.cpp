#include "unit_summaries.hpp"

#include <clang/AST/ASTConsumer.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/Tooling.h>

#include "retort/core/clang_tool.hpp"
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

}  // namespace

// Stored only when the unit compiled: a unit with errors may lack a header that
// appears later.
UnitOutcome summarise_unit(const UnitReader& reader, const fs::path& unit) {
  UnitOutcome outcome;
  if (auto cached = reader.cache.load(unit)) {
    outcome.parsed = std::move(*cached);
    outcome.is_cached = true;
    return outcome;
  }
  SummaryActionFactory factory(reader.project_path, outcome.parsed);
  run_clang_tool(reader.commands.clang_database(),
                 {unit.string(), std::nullopt, {}, reader.replaced_texts}, factory, reader.root,
                 [&](const ClangError& error) { outcome.errors.push_back(parse_error(error)); });
  if (outcome.errors.empty()) reader.cache.store(unit, outcome.parsed);
  return outcome;
}

}  // namespace retort::typecheck
