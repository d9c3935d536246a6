// Groups the headers by compile command, replays cached headers, and parses the rest
// of each group in the translation units unit_plan.hpp plans: the system headers they
// share are parsed once rather than once per header. A shared unit that does not
// compile is parsed again root by root, so one header's error (a missing platform
// header is fatal to a whole unit) neither hides the others' symbols nor is charged
// to them.

#include "retort/docgen/extract.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>

#include "api_collector.hpp"
#include "header_cache.hpp"
#include "retort/core/clang_tool.hpp"
#include "retort/core/compile_commands.hpp"
#include "retort/core/parallel.hpp"
#include "retort/core/source_files.hpp"
#include "unit_plan.hpp"

namespace retort::doc {
namespace {

namespace fs = std::filesystem;

// Headers that share a working directory and compiler arguments.
struct HeaderGroup {
  fs::path directory;
  std::vector<std::string> arguments;
  std::vector<fs::path> headers;

  std::string key() const {
    std::string key = directory.string();
    for (const auto& argument : arguments) key += '\0' + argument;
    return key;
  }
};

// What one parsed translation unit gave.
struct UnitOutcome {
  std::map<fs::path, HeaderSymbols> by_header;
  IncludeGraph includes;
  std::vector<ParseError> errors;
};

fs::path absolute_in(const fs::path& directory, llvm::StringRef name) {
  fs::path path(name.str());
  return (path.is_absolute() ? path : directory / path).lexically_normal();
}

// The command's arguments with the compiler, the file and its language left out: the
// group's headers are compiled as one C++ file. CMake's `-include cmake_pch.hxx`
// goes too; with g++ it names a header of everything the target precompiles.
std::vector<std::string> group_arguments(const clang::tooling::CompileCommand& command,
                                         const fs::path& directory) {
  fs::path file = absolute_in(directory, command.Filename);
  std::vector<std::string> arguments;
  const auto& line = command.CommandLine;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const std::string& argument = line[i];
    if (argument == "-c" || argument == "--" || absolute_in(directory, argument) == file) continue;
    if (argument == "-x" || argument == "-o") {
      ++i;
      continue;
    }
    if (argument.starts_with("-x")) continue;
    if (argument == "-include" && i + 1 < line.size() &&
        line[i + 1].find("cmake_pch") != std::string::npos) {
      ++i;
      continue;
    }
    arguments.push_back(argument);
  }
  return arguments;
}

std::vector<HeaderGroup> group_headers(const ExtractRequest& request) {
  std::map<std::string, HeaderGroup> groups;
  for (const auto& header : request.headers) {
    HeaderGroup group;
    group.directory = request.project_root;
    group.arguments = request.fallback_arguments;
    if (request.commands) {
      auto commands = request.commands->clang_database().getCompileCommands(header.string());
      if (!commands.empty()) {
        group.directory = absolute_in(request.project_root, commands.front().Directory);
        group.arguments = group_arguments(commands.front(), group.directory);
      }
    }
    auto [found, is_new] = groups.try_emplace(group.key(), std::move(group));
    found->second.headers.push_back(header);
  }
  std::vector<HeaderGroup> ordered;
  for (auto& [key, group] : groups) ordered.push_back(std::move(group));
  return ordered;
}

class IncludeRecorder : public clang::PPCallbacks {
 public:
  IncludeRecorder(const clang::SourceManager& manager, fs::path directory, IncludeGraph& graph)
      : manager_(manager), directory_(std::move(directory)), graph_(graph) {}

  void InclusionDirective(clang::SourceLocation hash, const clang::Token&, llvm::StringRef, bool,
                          clang::CharSourceRange, clang::OptionalFileEntryRef file, llvm::StringRef,
                          llvm::StringRef, const clang::Module*,
                          clang::SrcMgr::CharacteristicKind) override {
    auto includer = manager_.getFileEntryRefForID(manager_.getFileID(hash));
    if (!includer || !file) return;
    graph_[absolute_in(directory_, includer->getName())].insert(
        absolute_in(directory_, file->getName()));
  }

 private:
  const clang::SourceManager& manager_;
  fs::path directory_;
  IncludeGraph& graph_;
};

// What the action, its consumer and its factory share for one translation unit.
struct UnitJob {
  const ExtractRequest& request;
  // The headers whose symbols are wanted (the unit reads others too).
  std::set<fs::path> wanted;
  // The compile command's working directory.
  fs::path directory;
  UnitOutcome outcome;
};

class CollectingConsumer : public clang::ASTConsumer {
 public:
  explicit CollectingConsumer(UnitJob& job) : job_(job) {}

  void HandleTranslationUnit(clang::ASTContext& ast) override {
    ApiCollector collector(ast, job_.request, job_.wanted, job_.directory);
    collector.collect();
    job_.outcome.by_header = std::move(collector.by_header);
  }

 private:
  UnitJob& job_;
};

class ExtractAction : public clang::ASTFrontendAction {
 public:
  explicit ExtractAction(UnitJob& job) : job_(job) {}

  bool BeginInvocation(clang::CompilerInstance& compiler) override {
    // Declarations and comments are all extraction needs.
    compiler.getFrontendOpts().SkipFunctionBodies = true;
    return true;
  }

  bool BeginSourceFileAction(clang::CompilerInstance& compiler) override {
    compiler.getPreprocessor().addPPCallbacks(std::make_unique<IncludeRecorder>(
        compiler.getSourceManager(), job_.directory, job_.outcome.includes));
    return true;
  }

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&,
                                                        llvm::StringRef) override {
    return std::make_unique<CollectingConsumer>(job_);
  }

 private:
  UnitJob& job_;
};

class ExtractActionFactory : public clang::tooling::FrontendActionFactory {
 public:
  explicit ExtractActionFactory(UnitJob& job) : job_(job) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ExtractAction>(job_);
  }

 private:
  UnitJob& job_;
};

std::string includes_of(const UnitPlan& plan) {
  std::string text;
  for (const auto& root : plan.roots) text += "#include \"" + root.header.string() + "\"\n";
  return text;
}

// One translation unit of `unit_text` (by default, a file that includes each root of
// `plan`), compiled with `group`'s command; it provides `plan`'s headers.
UnitOutcome parse_unit(const ExtractRequest& request, const HeaderGroup& group,
                       const UnitPlan& plan, const std::string& unit_text) {
  auto provided = plan.provided();
  UnitJob job{request, {provided.begin(), provided.end()}, group.directory, {}};
  std::string unit_name = (group.directory / "retort-doc-grade-unit.cpp").string();
  clang::tooling::FixedCompilationDatabase database(group.directory.string(), group.arguments);
  ExtractActionFactory factory(job);
  run_clang_tool(database, {unit_name, unit_text, {"-xc++"}, &request.replaced_texts}, factory,
                 request.display_root, [&](const ClangError& error) {
                   ParseError parse_error{"", error.message, error.file, error.line, error.column};
                   if (!error.file.empty())
                     parse_error.location = error.file + ":" + std::to_string(error.line) + ":" +
                                            std::to_string(error.column);
                   job.outcome.errors.push_back(std::move(parse_error));
                 });
  return std::move(job.outcome);
}

// Which project sources of the database include each header, and which headers the
// build reads at all (through a source, directly or not), read lexically once.
struct Includers {
  std::map<fs::path, std::vector<fs::path>> sources_of;
  std::set<fs::path> built;
};

Includers find_includers(const ExtractRequest& request) {
  Includers includers;
  if (request.commands == nullptr) return includers;
  std::vector<fs::path> pending;
  for (const auto& source : request.commands->source_files()) {
    if (!is_inside(source, request.project_root)) continue;
    for (const auto& header : included_headers(source, request.headers, &request.replaced_texts)) {
      includers.sources_of[header].push_back(source);
      if (includers.built.insert(header).second) pending.push_back(header);
    }
  }
  while (!pending.empty()) {
    fs::path header = pending.back();
    pending.pop_back();
    for (const auto& included :
         included_headers(header, request.headers, &request.replaced_texts)) {
      if (includers.built.insert(included).second) pending.push_back(included);
    }
  }
  return includers;
}

// A header that does not compile on its own is read as a project source that
// includes it reads it, with that source's command, when one does and compiles.
UnitOutcome parse_in_a_source(const ExtractRequest& request, const Includers& includers,
                              const UnitPlan& single, UnitOutcome alone) {
  const fs::path& header = single.roots.front().header;
  auto found = includers.sources_of.find(header);
  if (found == includers.sources_of.end()) return alone;
  for (const auto& source : found->second) {
    auto context = source_context(source, header, &request.replaced_texts);
    if (!context) continue;
    auto commands = request.commands->clang_database().getCompileCommands(source.string());
    if (commands.empty()) continue;
    HeaderGroup group;
    group.directory = absolute_in(request.project_root, commands.front().Directory);
    group.arguments = group_arguments(commands.front(), group.directory);
    UnitOutcome outcome = parse_unit(request, group, single, *context);
    if (outcome.errors.empty()) return outcome;
  }
  return alone;
}

// A unit of several roots that does not compile is parsed again root by root, and a
// root that does not compile alone, in a source that includes it.
std::vector<std::pair<UnitPlan, UnitOutcome>> parse_planned(const ExtractRequest& request,
                                                            const Includers& includers,
                                                            const HeaderGroup& group,
                                                            const UnitPlan& plan) {
  UnitOutcome outcome = parse_unit(request, group, plan, includes_of(plan));
  if (outcome.errors.empty()) return {{plan, std::move(outcome)}};
  if (plan.roots.size() == 1)
    return {{plan, parse_in_a_source(request, includers, plan, std::move(outcome))}};
  std::vector<std::pair<UnitPlan, UnitOutcome>> parts;
  for (const auto& root : plan.roots) {
    UnitPlan single{{root}};
    UnitOutcome alone = parse_unit(request, group, single, includes_of(single));
    if (!alone.errors.empty())
      alone = parse_in_a_source(request, includers, single, std::move(alone));
    parts.emplace_back(single, std::move(alone));
  }
  return parts;
}

bool symbol_order(const Symbol& a, const Symbol& b) {
  return std::tie(a.file, a.line, a.name, a.signature) <
         std::tie(b.file, b.line, b.name, b.signature);
}

}  // namespace

namespace {

// A unit to parse: its group (compile command) and its plan.
struct PlannedUnit {
  const HeaderGroup* group;
  UnitPlan plan;
};

// Replays the roots whose every header is cached; returns the units of the others.
std::vector<PlannedUnit> replay_cached(const std::vector<HeaderGroup>& groups, HeaderCache& cache,
                                       const SourceTexts& replaced, Extraction& extraction) {
  std::vector<PlannedUnit> to_parse;
  for (const auto& group : groups) {
    for (auto& plan : plan_units(group.headers, &replaced)) {
      UnitPlan missed;
      for (auto& root : plan.roots) {
        std::vector<std::vector<Symbol>> cached;
        for (const auto& header : root.provides) {
          auto symbols = cache.load(header, group.key());
          if (!symbols) break;
          cached.push_back(std::move(*symbols));
        }
        if (cached.size() != root.provides.size()) {
          missed.roots.push_back(std::move(root));
          continue;
        }
        for (auto& symbols : cached) {
          for (auto& symbol : symbols) extraction.symbols.push_back(std::move(symbol));
          ++extraction.headers_cached;
        }
      }
      if (!missed.roots.empty()) to_parse.push_back({&group, std::move(missed)});
    }
  }
  return to_parse;
}

// Why the project's own build does not compile a unit of one root that failed here,
// if it does not: the root needs a header that is not the project's and is not on
// this machine, or no source of the build includes the root at all (with a
// database; without one nothing is known of the build).
std::optional<std::string> not_built_here(const ExtractRequest& request, const Includers& includers,
                                          const UnitPlan& plan, const UnitOutcome& outcome) {
  if (plan.roots.size() != 1 || outcome.errors.empty()) return std::nullopt;
  static const std::regex not_found("^'(.+)' file not found$");
  std::smatch match;
  if (std::regex_match(outcome.errors.front().message, match, not_found)) {
    std::string name = match[1];
    bool is_project_header =
        std::any_of(request.headers.begin(), request.headers.end(),
                    [&](const fs::path& header) { return header.string().ends_with("/" + name); });
    if (!is_project_header)
      return "it needs <" + name +
             ">, which this machine does not have (a header for another "
             "platform, or of an optional dependency)";
  }
  if (request.commands != nullptr && includers.built.count(plan.roots.front().header) == 0)
    return "it does not compile on its own (" + outcome.errors.front().message +
           ") and no source of the build includes it";
  return std::nullopt;
}

void take_outcome(const ExtractRequest& request, const Includers& includers,
                  const HeaderGroup& group, const UnitPlan& plan, UnitOutcome& outcome,
                  HeaderCache& cache, Extraction& extraction) {
  if (auto reason = not_built_here(request, includers, plan, outcome)) {
    extraction.skipped_headers.push_back(
        {display_path(plan.roots.front().header, request.display_root), *reason});
    return;
  }
  for (const auto& header : plan.provided()) {
    HeaderSymbols& found = outcome.by_header[header];
    std::set<fs::path> inputs = include_closure(outcome.includes, header);
    inputs.insert(found.doc_files.begin(), found.doc_files.end());
    // A header that does not compile may be missing a file that does not exist yet:
    // its result is not kept.
    if (outcome.errors.empty()) cache.store(header, group.key(), found.symbols, inputs);
    for (auto& symbol : found.symbols) extraction.symbols.push_back(std::move(symbol));
    ++extraction.headers_parsed;
  }
  for (auto& error : outcome.errors) extraction.parse_errors.push_back(std::move(error));
}

}  // namespace

Extraction extract_api(const ExtractRequest& request) {
  Extraction extraction;
  HeaderCache cache(request);
  std::vector<HeaderGroup> groups = group_headers(request);
  std::vector<PlannedUnit> to_parse =
      replay_cached(groups, cache, request.replaced_texts, extraction);
  Includers includers = to_parse.empty() ? Includers() : find_includers(request);
  auto parsed = parallel_map(to_parse, request.jobs, [&](const PlannedUnit& unit) {
    return parse_planned(request, includers, *unit.group, unit.plan);
  });
  for (std::size_t i = 0; i < to_parse.size(); ++i) {
    for (auto& [plan, outcome] : parsed[i])
      take_outcome(request, includers, *to_parse[i].group, plan, outcome, cache, extraction);
  }
  std::sort(extraction.symbols.begin(), extraction.symbols.end(), symbol_order);
  return extraction;
}

}  // namespace retort::doc
