#include "pid_origins.hpp"

#include <algorithm>

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>
#include <clang/Index/USRGeneration.h>

namespace retort::typecheck {
namespace {

PidSource unknown(std::string text = "a pid of unknown origin") {
  PidSource source;
  source.is_unknown = true;
  source.text = std::move(text);
  return source;
}

PidSource of_actor(std::string actor, std::string text) {
  PidSource source;
  source.actors = {std::move(actor)};
  source.text = std::move(text);
  return source;
}

PidSource of_symbol(std::string symbol, std::string text) {
  if (symbol.empty()) return unknown(std::move(text));
  PidSource source;
  source.symbols = {std::move(symbol)};
  source.text = std::move(text);
  return source;
}

void add_missing(std::vector<std::string>& into, const std::vector<std::string>& from) {
  for (const auto& item : from)
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
}

// Whether every caller of `function` is a call the project's units can see.
bool has_visible_callers(const clang::FunctionDecl& function) {
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(&function);
  if (method != nullptr && (method->isVirtual() || method->getParent()->isLambda())) return false;
  return function.getTemplatedKind() == clang::FunctionDecl::TK_NonTemplate &&
         !function.isDependentContext();
}

}  // namespace

const clang::TemplateArgumentList* retort_arguments(clang::QualType type, llvm::StringRef name) {
  const auto* record = type.getCanonicalType()->getAsCXXRecordDecl();
  const auto* specialization =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(record);
  if (specialization == nullptr || specialization->getName() != name) return nullptr;
  const auto* space = llvm::dyn_cast<clang::NamespaceDecl>(
      specialization->getDeclContext()->getEnclosingNamespaceContext());
  if (space == nullptr || space->getName() != "retort") return nullptr;
  return &specialization->getTemplateArgs();
}

bool is_pid_type(clang::QualType type) {
  const auto* record = type.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl();
  if (record == nullptr || record->getName() != "Pid") return false;
  const auto* space = llvm::dyn_cast<clang::NamespaceDecl>(record->getDeclContext());
  return space != nullptr && space->getName() == "retort";
}

std::string usr_of(const clang::Decl& decl) {
  llvm::SmallString<128> usr;
  if (clang::index::generateUSRForDecl(&decl, usr)) return "";
  return usr.str().str();
}

std::string parameter_symbol(const clang::FunctionDecl& function, unsigned index) {
  if (!has_visible_callers(function)) return "";
  std::string usr = usr_of(*function.getCanonicalDecl());
  return usr.empty() ? "" : "param:" + usr + "#" + std::to_string(index);
}

std::string return_symbol(const clang::FunctionDecl& function) {
  if (!has_visible_callers(function)) return "";
  std::string usr = usr_of(*function.getCanonicalDecl());
  return usr.empty() ? "" : "return:" + usr;
}

std::optional<std::string> constant_name(const clang::Expr& name) {
  const clang::Expr* expression = name.IgnoreUnlessSpelledInSource();
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expression);
      construct != nullptr && construct->getNumArgs() >= 1)
    expression = construct->getArg(0)->IgnoreUnlessSpelledInSource();
  if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(expression))
    return literal->getString().str();
  return std::nullopt;
}

PidSource PidOrigins::source_of(const clang::Expr& target, int depth) const {
  // A chain of locals longer than this is not followed.
  constexpr int deepest = 8;
  const clang::Expr* expression = target.IgnoreUnlessSpelledInSource();
  if (depth > deepest) return unknown();
  // A copy is the pid it copies; a member initialiser's copy spans its parentheses,
  // which Clang's as-written view keeps.
  if (const auto* copy = llvm::dyn_cast<clang::CXXConstructExpr>(expression);
      copy != nullptr && copy->getNumArgs() == 1 &&
      copy->getConstructor()->isCopyOrMoveConstructor())
    return source_of(*copy->getArg(0), depth + 1);
  if (const auto* choice = llvm::dyn_cast<clang::ConditionalOperator>(expression))
    return choice_source(*choice, depth);
  if (const auto* reference = llvm::dyn_cast<clang::DeclRefExpr>(expression))
    return variable_source(*reference, depth);
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expression))
    return field_source(*member);
  if (const auto* member_call = llvm::dyn_cast<clang::CXXMemberCallExpr>(expression))
    return member_call_source(*member_call);
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(expression)) return call_source(*call);
  return unknown();
}

// A data member: whatever the whole program writes to it.
PidSource PidOrigins::field_source(const clang::MemberExpr& member) const {
  const auto* field = llvm::dyn_cast<clang::FieldDecl>(member.getMemberDecl());
  if (field == nullptr) return unknown();
  std::string usr = usr_of(*field);
  return of_symbol(usr.empty() ? "" : "member:" + usr,
                   "the member " + field->getQualifiedNameAsString());
}

// `ref.pid()` of a `Ref<A>`, GenServer's `self()` of an `A`, `system.whereis(name)`,
// or another method's result.
PidSource PidOrigins::member_call_source(const clang::CXXMemberCallExpr& call) const {
  const auto* method = call.getMethodDecl();
  if (method == nullptr || !method->getDeclName().isIdentifier()) return unknown();
  if (auto runtime = runtime_source(call, *method)) return *runtime;
  if (method->getParent()->getName() == "System" && method->getName() == "whereis" &&
      call.getNumArgs() == 1) {
    auto name = constant_name(*call.getArg(0));
    if (!name) return unknown("a name that is not a constant");
    return of_symbol("name:" + *name, "the name '" + *name + "'");
  }
  return call_source(call);
}

// The runtime's typed pids: `ref.pid()` of a `Ref<A>`, GenServer's `self()` of an A.
std::optional<PidSource> PidOrigins::runtime_source(const clang::CXXMemberCallExpr& call,
                                                    const clang::CXXMethodDecl& method) const {
  auto object = call.getImplicitObjectArgument()->getType();
  if (object->isPointerType()) object = object->getPointeeType();
  if (const auto* ref = retort_arguments(object, "Ref"); ref && method.getName() == "pid") {
    std::string actor = names_.type_text((*ref)[0].getAsType());
    return of_actor(actor, "a Ref<" + actor + ">'s pid()");
  }
  auto owner = context_.getRecordType(method.getParent());
  if (const auto* server = retort_arguments(owner, "GenServer");
      server != nullptr && method.getName() == "self")
    return of_actor(names_.type_text((*server)[0].getAsType()), "its own self()");
  return std::nullopt;
}

// A function's result (`retort::self()` inside an actor is that actor).
PidSource PidOrigins::call_source(const clang::CallExpr& call) const {
  const auto* callee = call.getDirectCallee();
  if (callee == nullptr) return unknown();
  if (callee->getQualifiedNameAsString() == "retort::self") return self_source(call);
  if (!is_pid_type(callee->getReturnType())) return unknown();
  return of_symbol(return_symbol(*callee),
                   "what " + callee->getQualifiedNameAsString() + "() returns");
}

// `retort::self()` inside a member of an actor class runs that actor.
PidSource PidOrigins::self_source(const clang::Expr& target) const {
  auto parents = context_.getParents(target);
  while (!parents.empty()) {
    // A static member may run on any process.
    if (const auto* method = parents[0].get<clang::CXXMethodDecl>())
      return method->isInstance()
                 ? of_actor(names_.type_text(context_.getRecordType(method->getParent())),
                            "its own self()")
                 : unknown();
    if (parents[0].get<clang::FunctionDecl>() != nullptr) return unknown();
    parents = context_.getParents(parents[0]);
  }
  return unknown();
}

// Either arm: the pid may run any of their actors.
PidSource PidOrigins::choice_source(const clang::ConditionalOperator& choice, int depth) const {
  PidSource yes = source_of(*choice.getTrueExpr(), depth + 1);
  PidSource no = source_of(*choice.getFalseExpr(), depth + 1);
  add_missing(yes.actors, no.actors);
  add_missing(yes.symbols, no.symbols);
  yes.is_unknown = yes.is_unknown || no.is_unknown;
  yes.text = "either " + yes.text + " or " + no.text;
  return yes;
}

PidSource PidOrigins::variable_source(const clang::DeclRefExpr& reference, int depth) const {
  if (const auto* parameter = llvm::dyn_cast<clang::ParmVarDecl>(reference.getDecl()))
    return parameter_source(*parameter);
  if (const auto* local = llvm::dyn_cast<clang::VarDecl>(reference.getDecl()))
    return local_source(*local, depth);
  return unknown();
}

// A local pid (not a reference, not static) that keeps its initialiser's value
// through its whole function.
PidSource PidOrigins::local_source(const clang::VarDecl& local, int depth) const {
  const auto* function =
      llvm::dyn_cast_or_null<clang::FunctionDecl>(local.getParentFunctionOrMethod());
  if (!local.hasLocalStorage() || local.getType()->isReferenceType() ||
      local.getInit() == nullptr || function == nullptr || is_changed(local, *function))
    return unknown();
  PidSource source = source_of(*local.getInit(), depth + 1);
  source.text = "'" + local.getName().str() + "', " + source.text;
  return source;
}

// A parameter its function never changes: whatever every call passes.
PidSource PidOrigins::parameter_source(const clang::ParmVarDecl& parameter) const {
  const auto* function = llvm::dyn_cast_or_null<clang::FunctionDecl>(parameter.getDeclContext());
  if (function == nullptr || is_changed(parameter, *function)) return unknown();
  return of_symbol(parameter_symbol(*function, parameter.getFunctionScopeIndex()),
                   "the parameter '" + parameter.getName().str() + "' of " +
                       function->getQualifiedNameAsString() + "()");
}

bool PidOrigins::is_changed(const clang::VarDecl& variable,
                            const clang::FunctionDecl& function) const {
  if (variable.getType().getNonReferenceType().isConstQualified()) return false;
  if (function.getBody() == nullptr) return true;
  return clang::ExprMutationAnalyzer(*function.getBody(), context_).isMutated(&variable);
}

}  // namespace retort::typecheck
