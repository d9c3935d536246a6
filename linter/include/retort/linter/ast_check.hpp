#pragma once

/// @file
/// Helpers for checks that match the AST: register a matcher with a lambda.

#include <memory>

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>

#include "retort/core/source_files.hpp"
#include "retort/linter/check.hpp"

namespace retort::lint {

/// Adds `matcher` to `finder`; `on_match` runs for each match. The callback lives
/// as long as the translation unit (kept by `context`).
///
/// ```cpp
/// on_match(finder, context, functionDecl(isDefinition()).bind("f"),
///          [&](const MatchResult& result) { ... });
/// ```
template <class Matcher, class OnMatch>
void on_match(clang::ast_matchers::MatchFinder& finder, CheckContext& context,
              const Matcher& matcher, OnMatch on_match) {
  struct Callback : clang::ast_matchers::MatchFinder::MatchCallback {
    explicit Callback(OnMatch f) : run_match(std::move(f)) {}
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override {
      run_match(result);
    }
    OnMatch run_match;
  };
  auto callback = std::make_shared<Callback>(std::move(on_match));
  finder.addMatcher(matcher, callback.get());
  context.keep_alive(callback);
}

/// The result type handed to `on_match` callbacks.
using MatchResult = clang::ast_matchers::MatchFinder::MatchResult;

/// Returns true when `location` is in a test file: one whose project path mentions
/// `test` (`tests/a.cpp`, `src/a_test.cpp`). Checks that spare tests ask this.
inline bool is_in_test_file(const CheckContext& context, clang::SourceLocation location) {
  return context.project_path(location).find("test") != std::string::npos;
}

/// Returns true when `location`'s project path matches one of the comma-separated
/// globs of the word param `param` (such as `"*test*, cli/*"`), by the rules of
/// `files.exclude`.
inline bool matches_paths_param(const CheckContext& context, const CheckInfo& check,
                                std::string_view param, clang::SourceLocation location) {
  llvm::SmallVector<llvm::StringRef> parts;
  std::string list = context.word_param(check, param);
  llvm::StringRef(list).split(parts, ',', -1, false);
  std::vector<std::string> globs;
  for (auto part : parts) globs.push_back(part.trim().str());
  return matches_any_glob(context.project_path(location), globs);
}

/// Returns true when `location` comes from a macro's body (its definition), not from
/// an argument the code passed to the macro.
inline bool is_in_macro_body(const clang::SourceManager& manager, clang::SourceLocation location) {
  return location.isMacroID() && !manager.isMacroArgExpansion(location);
}

/// Returns where a finding about `function` is shown: its name, or, for a function a
/// macro writes around a body its author wrote (a test framework's `TEST(a, b) {...}`),
/// that body, so each test's finding is at its test, not at the macro's definition.
inline clang::SourceLocation function_location(const clang::FunctionDecl& function,
                                               const clang::Stmt& body) {
  clang::SourceLocation name = function.getLocation();
  if (name.isMacroID() && !body.getBeginLoc().isMacroID()) return body.getBeginLoc();
  return name;
}

/// Returns the comment on the lines right above `decl` (or above its `template <...>`
/// line), as written: a run of `//` lines or a `/* */` block; empty when there is
/// none. Clang attaches only doc comments to declarations, and many projects (pugixml,
/// leveldb, glog) document their API in plain ones.
std::string comment_above(const clang::SourceManager& manager, const clang::Decl& decl);

/// Calls `on_function(function, body)` for every function written in the project
/// that has a body (definitions only; no implicit or instantiated ones).
template <class OnFunction>
void on_function_body(clang::ast_matchers::MatchFinder& finder, CheckContext& context,
                      OnFunction on_function) {
  using namespace clang::ast_matchers;
  on_match(finder, context,
           functionDecl(isDefinition(), unless(isImplicit()), unless(isTemplateInstantiation()))
               .bind("function"),
           [&context, on_function](const MatchResult& result) {
             const auto* function = result.Nodes.getNodeAs<clang::FunctionDecl>("function");
             const clang::Stmt* body = function->getBody();
             if (body == nullptr || !context.is_project_location(function->getLocation())) return;
             on_function(*function, *body);
           });
}

}  // namespace retort::lint
