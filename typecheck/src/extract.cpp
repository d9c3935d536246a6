#include "extract.hpp"

#include <algorithm>
#include <set>

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>
#include <clang/Analysis/CFG.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>

#include "pid_origins.hpp"
#include "unit_names.hpp"

namespace retort::typecheck {
namespace {

using namespace clang::ast_matchers;

// The expression as written, under the casts and temporaries Clang adds around it.
const clang::Expr* as_written(const clang::Expr* expression) {
  return expression != nullptr ? expression->IgnoreUnlessSpelledInSource() : nullptr;
}

class Collector : public MatchFinder::MatchCallback {
 public:
  Collector(const ProjectPath& project_path, UnitSummary& summary)
      : project_path_(project_path), summary_(summary) {}

  void run(const MatchFinder::MatchResult& result) override {
    // One unit, one AST: its names are made once.
    if (!names_) names_.emplace(*result.Context, project_path_);
    collect_definitions(result.Nodes, *result.Context);
    collect_uses(result.Nodes, *result.Context);
  }

 private:
  void collect_definitions(const clang::ast_matchers::BoundNodes& nodes,
                           clang::ASTContext& context) {
    if (const auto* actor = nodes.getNodeAs<clang::CXXRecordDecl>("actor"))
      collect_actor(*actor, context);
    if (const auto* constructor = nodes.getNodeAs<clang::CXXConstructorDecl>("constructor"))
      collect_initialisers(*constructor, context);
    if (const auto* field = nodes.getNodeAs<clang::FieldDecl>("field"))
      collect_default(*field, context);
    if (const auto* returned = nodes.getNodeAs<clang::ReturnStmt>("return"))
      collect_return(*returned, *nodes.getNodeAs<clang::FunctionDecl>("function"), context);
  }

  void collect_uses(const clang::ast_matchers::BoundNodes& nodes, clang::ASTContext& context) {
    if (const auto* send = nodes.getNodeAs<clang::CallExpr>("send"))
      collect_send(*send, context, false);
    if (const auto* send = nodes.getNodeAs<clang::CallExpr>("instantiated_send"))
      collect_send(*send, context, true);
    if (const auto* call = nodes.getNodeAs<clang::CallExpr>("call")) collect_call(*call, context);
    if (const auto* construct = nodes.getNodeAs<clang::CXXConstructExpr>("construct"))
      collect_arguments(construct->getConstructor(),
                        {construct->getArgs(), construct->getArgs() + construct->getNumArgs()},
                        construct->getBeginLoc(), context);
    if (const auto* reference = nodes.getNodeAs<clang::DeclRefExpr>("function_reference"))
      collect_escape(*reference, context);
    if (const auto* member = nodes.getNodeAs<clang::MemberExpr>("member"))
      collect_member_use(*member, context);
    if (const auto* list = nodes.getNodeAs<clang::InitListExpr>("aggregate"))
      collect_aggregate(*list, context);
    if (const auto* registration = nodes.getNodeAs<clang::CXXMemberCallExpr>("register"))
      collect_registration(*registration, context);
    if (const auto* spawn = nodes.getNodeAs<clang::CallExpr>("spawn")) collect_spawn(*spawn);
  }

  // A fact is kept wherever it is written (a library header that passes a pid to
  // the project's function still counts); outside the project it has no place.
  void add_fact(std::string symbol, PidSource source, clang::SourceLocation location) {
    if (symbol.empty()) return;
    summary_.facts.push_back(
        {std::move(symbol), std::move(source), names().place_of(location).value_or(Place{})});
  }

  // A class template's actor (`Agent<State>`) is not judged: its Protocol's entries
  // depend on its arguments.
  void collect_actor(const clang::CXXRecordDecl& record, clang::ASTContext& context) {
    auto place = names().place_of(record.getLocation());
    if (!place || record.isDependentContext()) return;
    Actor actor{names().type_text(context.getRecordType(&record)), {}, {}, *place};
    for (const auto* decl : record.decls()) {
      if (const auto* alias = llvm::dyn_cast<clang::TypedefNameDecl>(decl);
          alias != nullptr && alias->getName() == "Protocol")
        actor.entries = protocol_entries(*alias);
      if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(decl))
        add_handler(*method, context, actor);
    }
    summary_.actors.push_back(std::move(actor));
  }

  // `Call<M, R>`, `Cast<M>` or `Info<M>`; nothing for another type.
  std::optional<ProtocolEntry> entry_of(clang::QualType type) const {
    if (const auto* call = retort_arguments(type, "Call"); call && call->size() == 2)
      return ProtocolEntry{Category::call, names().type_text((*call)[0].getAsType()),
                           names().type_text((*call)[1].getAsType())};
    if (const auto* cast = retort_arguments(type, "Cast"); cast && cast->size() == 1)
      return ProtocolEntry{Category::cast, names().type_text((*cast)[0].getAsType()), ""};
    if (const auto* info = retort_arguments(type, "Info"); info && info->size() == 1)
      return ProtocolEntry{Category::info, names().type_text((*info)[0].getAsType()), ""};
    return std::nullopt;
  }

  std::vector<ProtocolEntry> protocol_entries(const clang::TypedefNameDecl& alias) const {
    std::vector<ProtocolEntry> entries;
    const auto* arguments = retort_arguments(alias.getUnderlyingType(), "Protocol");
    if (arguments == nullptr || arguments->size() != 1) return entries;
    auto places = entry_places(alias);
    std::size_t index = 0;
    for (const auto& argument : (*arguments)[0].pack_elements()) {
      auto entry = argument.getKind() == clang::TemplateArgument::Type
                       ? entry_of(argument.getAsType())
                       : std::nullopt;
      if (entry) {
        entry->place = index < places.size() ? places[index] : places.back();
        entries.push_back(*entry);
      }
      ++index;
    }
    return entries;
  }

  // Where each entry is written in `using Protocol = retort::Protocol<...>;`; the
  // alias's own place (last) for entries written elsewhere (another alias).
  std::vector<Place> entry_places(const clang::TypedefNameDecl& alias) const {
    std::vector<Place> places;
    clang::TypeLoc written = alias.getTypeSourceInfo()->getTypeLoc();
    if (auto elaborated = written.getAs<clang::ElaboratedTypeLoc>())
      written = elaborated.getNamedTypeLoc();
    if (auto specialization = written.getAs<clang::TemplateSpecializationTypeLoc>())
      for (unsigned i = 0; i < specialization.getNumArgs(); ++i)
        if (auto place = names().place_of(specialization.getArgLoc(i).getLocation()))
          places.push_back(*place);
    places.push_back(names().place_of(alias.getLocation()).value_or(Place{}));
    return places;
  }

  // Whether some path through `method`'s body returns: not every one ends in a
  // `throw` (out of the function, not into a `catch`) or a call that never returns.
  static bool can_return(const clang::CXXMethodDecl& method, clang::ASTContext& context) {
    const clang::Stmt* body = method.getBody();
    if (body == nullptr || llvm::isa<clang::CoroutineBodyStmt>(body)) return true;
    clang::CFG::BuildOptions options;
    auto cfg = clang::CFG::buildCFG(&method, const_cast<clang::Stmt*>(body), &context, options);
    if (!cfg) return true;
    std::vector<const clang::CFGBlock*> pending{&cfg->getEntry()};
    std::set<const clang::CFGBlock*> seen;
    while (!pending.empty()) {
      const clang::CFGBlock* block = pending.back();
      pending.pop_back();
      if (!seen.insert(block).second) continue;
      if (block == &cfg->getExit()) return true;
      if (throws_out(*block, *cfg)) continue;
      for (const auto& next : block->succs())
        if (next.getReachableBlock() != nullptr) pending.push_back(next.getReachableBlock());
    }
    return false;
  }

  // A block that ends in a `throw` whose only way on is the function's exit.
  static bool throws_out(const clang::CFGBlock& block, const clang::CFG& cfg) {
    if (block.empty()) return false;
    auto last = block.back().getAs<clang::CFGStmt>();
    if (!last || !llvm::isa<clang::CXXThrowExpr>(last->getStmt())) return false;
    return std::all_of(block.succ_begin(), block.succ_end(), [&](const auto& next) {
      return next.getReachableBlock() == nullptr || next.getReachableBlock() == &cfg.getExit();
    });
  }

  void add_handler(const clang::CXXMethodDecl& method, clang::ASTContext& context,
                   Actor& actor) const {
    auto category = handler_category(method);
    auto place = names().place_of(method.getLocation());
    if (!category || !place) return;
    Handler handler{*category,
                    names().type_text(method.getParamDecl(0)->getType().getNonReferenceType()), "",
                    *place, can_return(method, context)};
    if (*category == Category::call) {
      auto returned = method.getReturnType();
      const auto* awaited = retort_arguments(returned, "Async");
      handler.reply = names().type_text(awaited ? (*awaited)[0].getAsType() : returned);
    }
    actor.handlers.push_back(std::move(handler));
  }

  // What a send's callee says: its category and template arguments (`<M>`, or a
  // call's `<R, M>`); nothing for another overload.
  std::optional<SendSite> site_of(const clang::FunctionDecl& callee) const {
    const auto* arguments = callee.getTemplateSpecializationArgs();
    auto name = callee.getName();
    bool is_call = name == "call" || name == "async_call";
    if (arguments == nullptr || arguments->size() != (is_call ? 2u : 1u)) return std::nullopt;
    SendSite site;
    site.category = is_call ? Category::call : (name == "cast" ? Category::cast : Category::info);
    site.message = names().type_text((*arguments)[is_call ? 1 : 0].getAsType());
    if (is_call) site.expected_reply = names().type_text((*arguments)[0].getAsType());
    return site;
  }

  // The target of a send: a pid (first, or `send_after`'s second after the delay),
  // or a `System&` and a registered name.
  std::optional<PidSource> target_of(const clang::CallExpr& send,
                                     clang::ASTContext& context) const {
    const auto& callee = *send.getDirectCallee();
    unsigned target = callee.getName() == "send_after" ? 1 : 0;
    if (callee.getNumParams() < target + 2 || send.getNumArgs() < target + 2) return std::nullopt;
    auto type = callee.getParamDecl(target)->getType();
    if (is_pid_type(type)) return origins(context).source_of(*send.getArg(target));
    const auto* system = type.getNonReferenceType()->getAsCXXRecordDecl();
    if (system == nullptr || system->getName() != "System") return std::nullopt;
    PidSource source;
    if (auto name = constant_name(*send.getArg(1))) {
      source.symbols = {"name:" + *name};
      source.text = "the name '" + *name + "'";
    } else {
      source.is_unknown = true;
      source.text = "a name that is not a constant";
    }
    return source;
  }

  // Every send is kept, for what it sends; those in a library's header or a
  // template's instantiation only count as sending their message.
  void collect_send(const clang::CallExpr& send, clang::ASTContext& context, bool is_instantiated) {
    const auto* callee = send.getDirectCallee();
    if (callee == nullptr) return;
    auto site = site_of(*callee);
    auto target = site ? target_of(send, context) : std::nullopt;
    if (!target) return;
    site->target = std::move(*target);
    site->place = names().place_of(send.getBeginLoc()).value_or(Place{});
    site->is_instantiated = is_instantiated;
    set_handler(send, context, *site);
    summary_.sends.push_back(std::move(*site));
  }

  // The handler `send` is in, when it is directly in one (not in a lambda, which may
  // run later, elsewhere).
  void set_handler(const clang::CallExpr& send, clang::ASTContext& context, SendSite& site) const {
    const auto* method =
        llvm::dyn_cast_or_null<clang::CXXMethodDecl>(enclosing_function(send, context));
    auto category = method != nullptr ? handler_category(*method) : std::nullopt;
    if (!category || !is_actor(*method->getParent())) return;
    site.handler_actor = names().type_text(context.getRecordType(method->getParent()));
    site.handler_category = *category;
    site.handler_message =
        names().type_text(method->getParamDecl(0)->getType().getNonReferenceType());
  }

  // `handle_call`, `handle_cast` or `handle_info`, by its name.
  static std::optional<Category> handler_category(const clang::CXXMethodDecl& method) {
    if (!method.getDeclName().isIdentifier() || method.getNumParams() == 0) return std::nullopt;
    if (method.getName() == "handle_call") return Category::call;
    if (method.getName() == "handle_cast") return Category::cast;
    if (method.getName() == "handle_info") return Category::info;
    return std::nullopt;
  }

  static bool is_actor(const clang::CXXRecordDecl& record) {
    if (!record.hasDefinition()) return false;
    return std::any_of(record.bases_begin(), record.bases_end(),
                       [](const clang::CXXBaseSpecifier& base) {
                         return retort_arguments(base.getType(), "GenServer") != nullptr;
                       });
  }

  // A member operator's call lists its object first, before the parameters.
  void collect_call(const clang::CallExpr& call, clang::ASTContext& context) {
    const auto* method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(call.getDirectCallee());
    bool lists_object =
        llvm::isa<clang::CXXOperatorCallExpr>(call) && method != nullptr && method->isInstance();
    llvm::ArrayRef<const clang::Expr*> arguments(call.getArgs(), call.getNumArgs());
    collect_arguments(call.getDirectCallee(), arguments.drop_front(lists_object ? 1 : 0),
                      call.getBeginLoc(), context);
  }

  // Each pid a call passes to one of the project's functions, for its parameter.
  void collect_arguments(const clang::FunctionDecl* callee,
                         llvm::ArrayRef<const clang::Expr*> arguments,
                         clang::SourceLocation location, clang::ASTContext& context) {
    if (callee == nullptr || !names().place_of(callee->getLocation())) return;
    unsigned index = 0;
    for (const clang::Expr* argument : arguments) {
      if (index < callee->getNumParams() && is_pid_type(callee->getParamDecl(index)->getType()))
        add_fact(parameter_symbol(*callee, index), origins(context).source_of(*argument), location);
      ++index;
    }
  }

  // A function named other than as a call's callee (its address taken, a callback)
  // may be called with anything.
  void collect_escape(const clang::DeclRefExpr& reference, clang::ASTContext& context) {
    const auto* function = llvm::dyn_cast<clang::FunctionDecl>(reference.getDecl());
    if (function == nullptr || !names().place_of(function->getLocation())) return;
    auto parents = context.getParents(reference);
    const auto* decay = parents.empty() ? nullptr : parents[0].get<clang::ImplicitCastExpr>();
    if (decay != nullptr) {
      auto above = context.getParents(*decay);
      const auto* call = above.empty() ? nullptr : above[0].get<clang::CallExpr>();
      if (call != nullptr && call->getCallee() == decay) return;
    }
    for (unsigned index = 0; index < function->getNumParams(); ++index)
      if (is_pid_type(function->getParamDecl(index)->getType()))
        add_fact(parameter_symbol(*function, index), unknown_source("a call through a pointer"),
                 reference.getBeginLoc());
  }

  static PidSource unknown_source(std::string text) {
    PidSource source;
    source.is_unknown = true;
    source.text = std::move(text);
    return source;
  }

  static std::string member_symbol(const clang::FieldDecl& field) {
    std::string usr = usr_of(field);
    return usr.empty() ? "" : "member:" + usr;
  }

  // A use of a pid member: `member = pid` sets it; a use that may change it in
  // another way (a non-const reference, a non-const method) makes it unknown.
  void collect_member_use(const clang::MemberExpr& member, clang::ASTContext& context) {
    const auto* field = llvm::dyn_cast<clang::FieldDecl>(member.getMemberDecl());
    if (field == nullptr) return;
    auto parents = context.getParents(member);
    const auto* assignment =
        parents.empty() ? nullptr : parents[0].get<clang::CXXOperatorCallExpr>();
    if (assignment != nullptr && assignment->getOperator() == clang::OO_Equal &&
        assignment->getNumArgs() == 2 && as_written(assignment->getArg(0)) == &member) {
      add_fact(member_symbol(*field), origins(context).source_of(*assignment->getArg(1)),
               assignment->getBeginLoc());
      return;
    }
    const clang::FunctionDecl* function = enclosing_function(member, context);
    if (function == nullptr || function->getBody() == nullptr) return;
    if (clang::ExprMutationAnalyzer(*function->getBody(), context).isMutated(&member))
      add_fact(member_symbol(*field), unknown_source("a change the checker cannot follow"),
               member.getBeginLoc());
  }

  static const clang::FunctionDecl* enclosing_function(const clang::Expr& expression,
                                                       clang::ASTContext& context) {
    auto parents = context.getParents(expression);
    while (!parents.empty()) {
      if (const auto* function = parents[0].get<clang::FunctionDecl>()) return function;
      parents = context.getParents(parents[0]);
    }
    return nullptr;
  }

  void collect_initialisers(const clang::CXXConstructorDecl& constructor,
                            clang::ASTContext& context) {
    for (const auto* initialiser : constructor.inits()) {
      const auto* field = initialiser->getMember();
      if (field == nullptr || !initialiser->isWritten() || !is_pid_type(field->getType())) continue;
      add_fact(member_symbol(*field), origins(context).source_of(*initialiser->getInit()),
               initialiser->getSourceLocation());
    }
  }

  void collect_default(const clang::FieldDecl& field, clang::ASTContext& context) {
    if (field.getInClassInitializer() != nullptr)
      add_fact(member_symbol(field), origins(context).source_of(*field.getInClassInitializer()),
               field.getLocation());
  }

  // `Config{logger.pid()}`: an aggregate's pid members, set by position after its
  // bases.
  void collect_aggregate(const clang::InitListExpr& list, clang::ASTContext& context) {
    const auto* record = list.getType()->getAsCXXRecordDecl();
    if (record == nullptr || !list.isSemanticForm() || list.isTransparent() || record->isUnion())
      return;
    unsigned index = record->getNumBases();
    for (const auto* field : record->fields()) {
      if (index >= list.getNumInits()) break;
      if (is_pid_type(field->getType()))
        add_fact(member_symbol(*field), origins(context).source_of(*list.getInit(index)),
                 list.getInit(index)->getBeginLoc());
      ++index;
    }
  }

  void collect_return(const clang::ReturnStmt& returned, const clang::FunctionDecl& function,
                      clang::ASTContext& context) {
    if (!is_pid_type(function.getReturnType()) || returned.getRetValue() == nullptr) return;
    add_fact(return_symbol(function), origins(context).source_of(*returned.getRetValue()),
             returned.getBeginLoc());
  }

  void collect_registration(const clang::CXXMemberCallExpr& registration,
                            clang::ASTContext& context) {
    if (registration.getNumArgs() != 2) return;
    auto name = constant_name(*registration.getArg(0));
    if (name)
      add_fact("name:" + *name, origins(context).source_of(*registration.getArg(1)),
               registration.getBeginLoc());
    else
      add_fact("name:*", unknown_source("a name that is not a constant"),
               registration.getBeginLoc());
  }

  // `spawn<A>(...)`, `spawn_link<A>(...)`, `child<A>(...)`: the program runs an A.
  void collect_spawn(const clang::CallExpr& spawn) {
    const auto* callee = spawn.getDirectCallee();
    const auto* arguments = callee != nullptr ? callee->getTemplateSpecializationArgs() : nullptr;
    if (arguments == nullptr || arguments->size() == 0 ||
        (*arguments)[0].getKind() != clang::TemplateArgument::Type)
      return;
    summary_.spawned.push_back(names().type_text((*arguments)[0].getAsType()));
  }

  const UnitNames& names() const { return *names_; }
  PidOrigins origins(clang::ASTContext& context) const { return PidOrigins(*names_, context); }

  const ProjectPath& project_path_;
  UnitSummary& summary_;
  std::optional<UnitNames> names_;
};

// The matchers that feed `collector`: actors and sends as written (not their
// template instantiations, which repeat them), and every way a pid is written.
void add_matchers(MatchFinder& finder, Collector& collector) {
  auto pid = hasType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(cxxRecordDecl(hasName("::retort::Pid"))))));
  auto pid_parameter =
      hasAnyParameter(anyOf(pid, hasType(references(cxxRecordDecl(hasName("::retort::Pid"))))));
  finder.addMatcher(cxxRecordDecl(isDefinition(), unless(isInstantiated()),
                                  isDerivedFrom(cxxRecordDecl(hasName("::retort::GenServer"))))
                        .bind("actor"),
                    &collector);
  auto sender = callee(functionDecl(hasAnyName("::retort::send", "::retort::cast", "::retort::call",
                                               "::retort::async_call", "::retort::send_after")));
  finder.addMatcher(callExpr(sender, unless(isInTemplateInstantiation())).bind("send"), &collector);
  finder.addMatcher(callExpr(sender, isInTemplateInstantiation()).bind("instantiated_send"),
                    &collector);
  finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::retort::System::spawn",
                                              "::retort::System::spawn_link", "::retort::child"))))
          .bind("spawn"),
      &collector);
  finder.addMatcher(callExpr(callee(functionDecl(pid_parameter))).bind("call"), &collector);
  finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(pid_parameter))).bind("construct"),
      &collector);
  finder.addMatcher(declRefExpr(to(functionDecl(pid_parameter))).bind("function_reference"),
                    &collector);
  auto pid_field =
      fieldDecl(anyOf(pid, hasType(references(cxxRecordDecl(hasName("::retort::Pid"))))));
  finder.addMatcher(memberExpr(member(pid_field)).bind("member"), &collector);
  finder.addMatcher(fieldDecl(pid_field).bind("field"), &collector);
  finder.addMatcher(cxxConstructorDecl(isDefinition()).bind("constructor"), &collector);
  finder.addMatcher(initListExpr(hasType(cxxRecordDecl(has(pid_field)))).bind("aggregate"),
                    &collector);
  finder.addMatcher(returnStmt(forFunction(functionDecl().bind("function"))).bind("return"),
                    &collector);
  finder.addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("register_name"),
                                                           ofClass(hasName("::retort::System")))))
                        .bind("register"),
                    &collector);
}

}  // namespace

UnitSummary summarise(clang::ASTContext& context, const ProjectPath& project_path) {
  UnitSummary summary;
  Collector collector(project_path, summary);
  MatchFinder finder;
  add_matchers(finder, collector);
  finder.matchAST(context);
  return summary;
}

}  // namespace retort::typecheck
