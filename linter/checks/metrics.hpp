#pragma once

// Measures of a function body shared by the design checks.

#include <string>

#include <clang/AST/Stmt.h>

#include "retort/linter/check.hpp"

namespace clang::ast_matchers {
class MatchFinder;
}

namespace retort::lint {

// Every measure counts the structures written in the function itself: those a
// macro's body expands to are written in the macro (see is_written_by_macro).

// McCabe's count: 1 + each branch point (if, loop, case, catch, `&&`, `||`, `?:`).
unsigned cyclomatic_complexity(const clang::Stmt& body, const clang::SourceManager& manager);

// SonarSource's cognitive complexity: +1 per break in the linear flow, plus the
// current nesting for structures that nest; a run of the same logical operator
// counts once.
unsigned cognitive_complexity(const clang::Stmt& body, const clang::SourceManager& manager);

// The deepest nesting of control structures, and the statement that reaches it.
struct Nesting {
  unsigned depth = 0;
  const clang::Stmt* deepest = nullptr;
};
Nesting deepest_nesting(const clang::Stmt& body, const clang::SourceManager& manager);

// A measure of a function body.
using Measure = unsigned (*)(const clang::Stmt&, const clang::SourceManager&);

// Reports each project function whose `measure`d body exceeds `check`'s `param`, as
// "function 'f' has <what> N (at most M)<advice>".
void report_functions_over_limit(clang::ast_matchers::MatchFinder& finder, CheckContext& context,
                                 const CheckInfo& check, const std::string& param, Measure measure,
                                 const std::string& what, const std::string& advice);

}  // namespace retort::lint
