#include "metrics.hpp"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/LangOptions.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using clang::dyn_cast;
using clang::isa;

// A literal operand (`assert(false && "unreachable")`) leaves a single path: the
// operator joins a message to a constant, it decides nothing.
bool is_literal(const clang::Expr* operand) {
  operand = operand->IgnoreParenImpCasts();
  return isa<clang::StringLiteral, clang::CXXBoolLiteralExpr, clang::IntegerLiteral,
             clang::CXXNullPtrLiteralExpr>(operand);
}

// Whether the compiler decides `expression`: it is made only of literals, enumerators,
// constants and template parameters (pugixml's `const bool axis_has_attributes =
// T::axis == axis_ancestor || ...`), so its operators open no path at run time.
bool is_compile_time_constant(const clang::Expr* expression) {
  expression = expression->IgnoreParenImpCasts();
  if (is_literal(expression) ||
      isa<clang::DependentScopeDeclRefExpr, clang::SubstNonTypeTemplateParmExpr,
          clang::UnaryExprOrTypeTraitExpr>(expression))
    return true;
  if (const auto* reference = dyn_cast<clang::DeclRefExpr>(expression)) {
    const clang::ValueDecl* decl = reference->getDecl();
    if (isa<clang::EnumConstantDecl, clang::NonTypeTemplateParmDecl>(decl)) return true;
    const auto* variable = dyn_cast<clang::VarDecl>(decl);
    return variable != nullptr &&
           (variable->isConstexpr() ||
            (variable->isStaticDataMember() && variable->getType().isConstQualified()));
  }
  if (const auto* unary = dyn_cast<clang::UnaryOperator>(expression))
    return !unary->isIncrementDecrementOp() && is_compile_time_constant(unary->getSubExpr());
  if (const auto* binary = dyn_cast<clang::BinaryOperator>(expression))
    return !binary->isAssignmentOp() && is_compile_time_constant(binary->getLHS()) &&
           is_compile_time_constant(binary->getRHS());
  return false;
}

bool is_logical(const clang::Stmt* statement, clang::BinaryOperatorKind* kind = nullptr) {
  const auto* binary = dyn_cast<clang::BinaryOperator>(statement);
  if (binary == nullptr || !binary->isLogicalOp() || is_literal(binary->getLHS()) ||
      is_literal(binary->getRHS()) || is_compile_time_constant(binary))
    return false;
  if (kind != nullptr) *kind = binary->getOpcode();
  return true;
}

bool is_loop(const clang::Stmt* statement) {
  return isa<clang::ForStmt, clang::WhileStmt, clang::DoStmt, clang::CXXForRangeStmt>(statement);
}

// A lambda's body is its own function for counting, but it nests inside ours.
const clang::Stmt* lambda_body(const clang::Stmt* statement) {
  const auto* lambda = dyn_cast<clang::LambdaExpr>(statement);
  return lambda == nullptr ? nullptr : lambda->getBody();
}

// A structure counts where its reader sees it. One that a macro's body writes
// (`EXPECT_EQ` expands to an `if`, `assert` to a `?:`) is written in the macro's
// definition, not in the function that uses it; what the function passes as the
// macro's arguments is its own code and counts, through any depth of macros (glog's
// VLOG passes VLOG_IS_ON's body to LOG_IF), except a condition handed to an assertion
// (`assert(a || b)`): nobody writes a test for each way an assertion holds.
bool is_written_by_macro(const clang::Stmt* statement, const clang::SourceManager& manager) {
  clang::SourceLocation location = statement->getBeginLoc();
  if (const auto* binary = dyn_cast<clang::BinaryOperator>(statement))
    location = binary->getOperatorLoc();
  static const clang::LangOptions language;
  while (location.isMacroID()) {
    if (!manager.isMacroArgExpansion(location)) return true;
    llvm::StringRef macro = clang::Lexer::getImmediateMacroName(location, manager, language);
    std::string name = macro.lower();
    if (name.find("assert") != std::string::npos || name.find("check") != std::string::npos ||
        name.find("expect") != std::string::npos || name.find("verify") != std::string::npos)
      return true;
    location = manager.getImmediateSpellingLoc(location);
  }
  return false;
}

unsigned count_branches(const clang::Stmt* statement, const clang::SourceManager& manager) {
  if (statement == nullptr) return 0;
  unsigned count =
      (isa<clang::IfStmt, clang::CaseStmt, clang::CXXCatchStmt, clang::ConditionalOperator>(
           statement) ||
       is_loop(statement) || is_logical(statement)) &&
      !is_written_by_macro(statement, manager);
  if (const auto* body = lambda_body(statement)) return count + count_branches(body, manager);
  for (const clang::Stmt* child : statement->children()) count += count_branches(child, manager);
  return count;
}

class CognitiveCounter {
 public:
  explicit CognitiveCounter(const clang::SourceManager& manager) : manager_(manager) {}

  unsigned score = 0;

  void walk(const clang::Stmt* statement, unsigned nesting) {
    if (statement == nullptr) return;
    if (is_written_by_macro(statement, manager_)) return walk_children(statement, nesting);
    if (const auto* branch = dyn_cast<clang::IfStmt>(statement)) {
      score += 1 + nesting;
      return walk_if(branch, nesting);
    }
    if (is_loop(statement) ||
        isa<clang::SwitchStmt, clang::CXXCatchStmt, clang::ConditionalOperator>(statement)) {
      score += 1 + nesting;
      return walk_children(statement, nesting + 1);
    }
    if (const auto* body = lambda_body(statement)) return walk(body, nesting + 1);
    if (isa<clang::GotoStmt>(statement)) ++score;
    clang::BinaryOperatorKind kind;
    if (is_logical(statement, &kind)) {
      ++score;
      return walk_logical_run(statement, kind, nesting);
    }
    walk_children(statement, nesting);
  }

 private:
  void walk_children(const clang::Stmt* statement, unsigned nesting) {
    for (const clang::Stmt* child : statement->children()) walk(child, nesting);
  }

  // `else if` is one more branch at the same nesting, not a deeper one.
  void walk_if(const clang::IfStmt* branch, unsigned nesting) {
    walk(branch->getCond(), nesting);
    walk(branch->getThen(), nesting + 1);
    const clang::Stmt* otherwise = branch->getElse();
    if (otherwise == nullptr) return;
    ++score;
    if (const auto* else_if = dyn_cast<clang::IfStmt>(otherwise)) return walk_if(else_if, nesting);
    walk(otherwise, nesting + 1);
  }

  // `a && b && c` is one run; `a && b || c` is two.
  void walk_logical_run(const clang::Stmt* statement, clang::BinaryOperatorKind kind,
                        unsigned nesting) {
    for (const clang::Stmt* child : statement->children()) {
      const clang::Stmt* inner = child;
      if (const auto* expression = dyn_cast<clang::Expr>(child))
        inner = expression->IgnoreParenImpCasts();
      clang::BinaryOperatorKind child_kind;
      if (is_logical(inner, &child_kind) && child_kind == kind) {
        walk_logical_run(inner, kind, nesting);
      } else {
        walk(child, nesting);
      }
    }
  }

  const clang::SourceManager& manager_;
};

bool nests(const clang::Stmt* statement) {
  return is_loop(statement) || isa<clang::IfStmt, clang::SwitchStmt, clang::CXXTryStmt>(statement);
}

void find_deepest(const clang::Stmt* statement, unsigned depth, Nesting& deepest,
                  const clang::SourceManager& manager) {
  if (statement == nullptr) return;
  if (is_written_by_macro(statement, manager)) {
    for (const clang::Stmt* child : statement->children())
      find_deepest(child, depth, deepest, manager);
    return;
  }
  if (nests(statement)) {
    ++depth;
    if (depth > deepest.depth) deepest = {depth, statement};
  }
  if (const auto* branch = dyn_cast<clang::IfStmt>(statement)) {
    // An else-if chain is a flat list of cases, not ever deeper nesting.
    find_deepest(branch->getCond(), depth, deepest, manager);
    find_deepest(branch->getThen(), depth, deepest, manager);
    const clang::Stmt* otherwise = branch->getElse();
    find_deepest(otherwise, isa_and_nonnull<clang::IfStmt>(otherwise) ? depth - 1 : depth, deepest,
                 manager);
    return;
  }
  for (const clang::Stmt* child : statement->children())
    find_deepest(child, depth, deepest, manager);
}

}  // namespace

unsigned cyclomatic_complexity(const clang::Stmt& body, const clang::SourceManager& manager) {
  return 1 + count_branches(&body, manager);
}

unsigned cognitive_complexity(const clang::Stmt& body, const clang::SourceManager& manager) {
  CognitiveCounter counter(manager);
  counter.walk(&body, 0);
  return counter.score;
}

Nesting deepest_nesting(const clang::Stmt& body, const clang::SourceManager& manager) {
  Nesting deepest;
  find_deepest(&body, 0, deepest, manager);
  return deepest;
}

void report_functions_over_limit(clang::ast_matchers::MatchFinder& finder, CheckContext& context,
                                 const CheckInfo& check, const std::string& param, Measure measure,
                                 const std::string& what, const std::string& advice) {
  on_function_body(finder, context,
                   [&check, &context, param, measure, what, advice](
                       const clang::FunctionDecl& function, const clang::Stmt& body) {
                     unsigned value = measure(body, context.source_manager());
                     auto limit = context.param(check, param);
                     if (value <= limit) return;
                     context.report(check, function_location(function, body),
                                    "function '" + function.getNameAsString() + "' has " + what +
                                        " " + std::to_string(value) + " (at most " +
                                        std::to_string(limit) + ")" + advice);
                   });
}

}  // namespace retort::lint
