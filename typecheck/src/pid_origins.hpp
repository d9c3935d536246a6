#pragma once

// Where a pid expression comes from, within the function it is in: actors known
// there, or the symbols (members, parameters, return values, registered names) the
// global phase resolves across units.

#include <optional>
#include <string>

#include <clang/AST/ASTContext.h>

#include "retort/typecheck/summary.hpp"
#include "unit_names.hpp"

namespace retort::typecheck {

// The template arguments of `type` when it is a specialisation of `retort::<name>`.
const clang::TemplateArgumentList* retort_arguments(clang::QualType type, llvm::StringRef name);

// True when `type` is `retort::Pid`, through `const` and references.
bool is_pid_type(clang::QualType type);

// Clang's USR of `decl`, the same in every unit; empty when it has none.
std::string usr_of(const clang::Decl& decl);

// The symbol of `function`'s parameter `index`, or "" when its callers cannot all be
// seen: a virtual function (called through its base), a lambda, a template.
std::string parameter_symbol(const clang::FunctionDecl& function, unsigned index);

// The symbol of what `function` returns, or "" as for parameter_symbol.
std::string return_symbol(const clang::FunctionDecl& function);

// The constant text of a registered name (`"counter"`, through std::string's
// constructor), or nothing.
std::optional<std::string> constant_name(const clang::Expr& name);

class PidOrigins {
 public:
  PidOrigins(const UnitNames& names, clang::ASTContext& context)
      : names_(names), context_(context) {}

  // Where the pid `target` comes from: `ref.pid()` of a `Ref<A>` (which by its
  // contract runs an `A`), `self()` inside an actor, a local that keeps its
  // initialiser's value (as Clang's ExprMutationAnalyzer, clang-tidy's, judges it),
  // `c ? x : y`, a parameter, a data member, a function's result and
  // `System::whereis` of a constant name. Anything else is unknown.
  PidSource source_of(const clang::Expr& target, int depth = 0) const;

 private:
  PidSource member_call_source(const clang::CXXMemberCallExpr& call) const;
  std::optional<PidSource> runtime_source(const clang::CXXMemberCallExpr& call,
                                          const clang::CXXMethodDecl& method) const;
  PidSource field_source(const clang::MemberExpr& member) const;
  PidSource call_source(const clang::CallExpr& call) const;
  PidSource self_source(const clang::Expr& target) const;
  PidSource choice_source(const clang::ConditionalOperator& choice, int depth) const;
  PidSource variable_source(const clang::DeclRefExpr& reference, int depth) const;
  PidSource local_source(const clang::VarDecl& local, int depth) const;
  PidSource parameter_source(const clang::ParmVarDecl& parameter) const;
  // True when `variable` may hold another value somewhere in `function`'s body.
  bool is_changed(const clang::VarDecl& variable, const clang::FunctionDecl& function) const;

  const UnitNames& names_;
  clang::ASTContext& context_;
};

}  // namespace retort::typecheck
