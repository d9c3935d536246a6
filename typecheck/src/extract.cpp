#include "extract.hpp"

#include <clang/AST/DeclTemplate.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>

namespace retort::typecheck {
namespace {

using namespace clang::ast_matchers;

// Types as the runtime compares them: canonical (aliases resolved), fully qualified,
// without `struct`.
std::string type_text(clang::QualType type, const clang::ASTContext& context) {
  clang::PrintingPolicy policy(context.getLangOpts());
  policy.SuppressTagKeyword = true;
  policy.FullyQualifiedName = true;
  return type.getCanonicalType().getUnqualifiedType().getAsString(policy);
}

// The template arguments of `type` when it is a specialisation of `retort::<name>`.
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

class Collector : public MatchFinder::MatchCallback {
 public:
  Collector(const ProjectPath& project_path, UnitSummary& summary)
      : project_path_(project_path), summary_(summary) {}

  void run(const MatchFinder::MatchResult& result) override {
    if (const auto* actor = result.Nodes.getNodeAs<clang::CXXRecordDecl>("actor"))
      collect_actor(*actor, *result.Context);
    if (const auto* send = result.Nodes.getNodeAs<clang::CallExpr>("send"))
      collect_send(*send, *result.Context);
  }

 private:
  // The place of `location` when it is in a project file.
  std::optional<Place> place_of(clang::SourceLocation location,
                                const clang::ASTContext& context) const {
    const auto& sources = context.getSourceManager();
    auto expansion = sources.getExpansionLoc(location);
    auto entry = sources.getFileEntryRefForID(sources.getFileID(expansion));
    if (!entry) return std::nullopt;
    // Clang names a file relative to its compile command's folder.
    llvm::SmallString<256> name(entry->getName());
    sources.getFileManager().makeAbsolutePath(name);
    std::string shown = project_path_(std::filesystem::path(name.str().str()));
    if (shown.empty()) return std::nullopt;
    return Place{shown, sources.getExpansionLineNumber(expansion),
                 sources.getExpansionColumnNumber(expansion)};
  }

  void collect_actor(const clang::CXXRecordDecl& record, const clang::ASTContext& context) {
    auto place = place_of(record.getLocation(), context);
    if (!place) return;
    Actor actor{record.getQualifiedNameAsString(), {}, {}, *place};
    for (const auto* decl : record.decls()) {
      if (const auto* alias = llvm::dyn_cast<clang::TypedefNameDecl>(decl);
          alias != nullptr && alias->getName() == "Protocol")
        actor.entries = protocol_entries(alias->getUnderlyingType(), context);
      if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(decl))
        add_handler(*method, context, actor);
    }
    summary_.actors.push_back(std::move(actor));
  }

  // `Call<M, R>`, `Cast<M>` or `Info<M>`; nothing for another type.
  static std::optional<ProtocolEntry> entry_of(clang::QualType type,
                                               const clang::ASTContext& context) {
    if (const auto* call = retort_arguments(type, "Call"); call && call->size() == 2)
      return ProtocolEntry{Category::call, type_text((*call)[0].getAsType(), context),
                           type_text((*call)[1].getAsType(), context)};
    if (const auto* cast = retort_arguments(type, "Cast"); cast && cast->size() == 1)
      return ProtocolEntry{Category::cast, type_text((*cast)[0].getAsType(), context), ""};
    if (const auto* info = retort_arguments(type, "Info"); info && info->size() == 1)
      return ProtocolEntry{Category::info, type_text((*info)[0].getAsType(), context), ""};
    return std::nullopt;
  }

  static std::vector<ProtocolEntry> protocol_entries(clang::QualType protocol,
                                                     const clang::ASTContext& context) {
    std::vector<ProtocolEntry> entries;
    const auto* arguments = retort_arguments(protocol, "Protocol");
    if (arguments == nullptr || arguments->size() != 1) return entries;
    for (const auto& argument : (*arguments)[0].pack_elements()) {
      if (argument.getKind() != clang::TemplateArgument::Type) continue;
      if (auto entry = entry_of(argument.getAsType(), context)) entries.push_back(*entry);
    }
    return entries;
  }

  void add_handler(const clang::CXXMethodDecl& method, const clang::ASTContext& context,
                   Actor& actor) const {
    if (!method.getDeclName().isIdentifier() || method.getNumParams() == 0) return;
    std::optional<Category> category;
    if (method.getName() == "handle_call") category = Category::call;
    if (method.getName() == "handle_cast") category = Category::cast;
    if (method.getName() == "handle_info") category = Category::info;
    auto place = place_of(method.getLocation(), context);
    if (!category || !place) return;
    Handler handler{*category,
                    type_text(method.getParamDecl(0)->getType().getNonReferenceType(), context), "",
                    *place};
    if (*category == Category::call) {
      auto returned = method.getReturnType();
      const auto* awaited = retort_arguments(returned, "Async");
      handler.reply = type_text(awaited ? (*awaited)[0].getAsType() : returned, context);
    }
    actor.handlers.push_back(std::move(handler));
  }

  // True for the overloads that take a `Pid` first; those taking `System&` and a
  // registered name are not resolved yet.
  static bool takes_a_pid(const clang::FunctionDecl& callee) {
    const auto* first =
        callee.getParamDecl(0)->getType().getNonReferenceType()->getAsCXXRecordDecl();
    return first != nullptr && first->getName() == "Pid";
  }

  // What a send's callee says: its category and template arguments (`<M>`, or a
  // call's `<R, M>`); nothing for another overload.
  static std::optional<SendSite> site_of(const clang::FunctionDecl& callee,
                                         const clang::ASTContext& context) {
    const auto* arguments = callee.getTemplateSpecializationArgs();
    auto name = callee.getName();
    bool is_call = name == "call" || name == "async_call";
    if (arguments == nullptr || arguments->size() != (is_call ? 2u : 1u)) return std::nullopt;
    SendSite site;
    site.category = is_call ? Category::call : (name == "cast" ? Category::cast : Category::info);
    site.message = type_text((*arguments)[is_call ? 1 : 0].getAsType(), context);
    if (is_call) site.expected_reply = type_text((*arguments)[0].getAsType(), context);
    return site;
  }

  void collect_send(const clang::CallExpr& send, const clang::ASTContext& context) {
    const auto* callee = send.getDirectCallee();
    auto place = place_of(send.getBeginLoc(), context);
    if (callee == nullptr || !place || send.getNumArgs() < 2 || !takes_a_pid(*callee)) return;
    auto site = site_of(*callee, context);
    if (!site) return;
    site->place = *place;
    resolve_target(*send.getArg(0), context, *site);
    summary_.sends.push_back(std::move(*site));
  }

  // Where the target pid comes from, when that is certain: `ref.pid()` of a
  // `Ref<A>` (which by its contract runs an `A`), or `self()` inside an actor's
  // member. Anything else stays unresolved (and is not checked).
  static void resolve_target(const clang::Expr& target, const clang::ASTContext& context,
                             SendSite& site) {
    const clang::Expr* expression = target.IgnoreUnlessSpelledInSource();
    if (const auto* member_call = llvm::dyn_cast<clang::CXXMemberCallExpr>(expression)) {
      resolve_member_call(*member_call, context, site);
      return;
    }
    const auto* plain_call = llvm::dyn_cast<clang::CallExpr>(expression);
    if (plain_call != nullptr && plain_call->getDirectCallee() != nullptr &&
        plain_call->getDirectCallee()->getQualifiedNameAsString() == "retort::self")
      resolve_self(context, target, site);
  }

  // `ref.pid()` of a `Ref<A>`, or GenServer's `self()` of an `A`.
  static void resolve_member_call(const clang::CXXMemberCallExpr& call,
                                  const clang::ASTContext& context, SendSite& site) {
    const auto* method = call.getMethodDecl();
    if (method == nullptr || !method->getDeclName().isIdentifier()) return;
    auto object = call.getImplicitObjectArgument()->getType();
    if (object->isPointerType()) object = object->getPointeeType();
    if (const auto* ref = retort_arguments(object, "Ref"); ref && method->getName() == "pid") {
      site.receivers = {type_text((*ref)[0].getAsType(), context)};
      site.target_origin = "a Ref<" + site.receivers[0] + ">'s pid()";
      return;
    }
    auto owner = context.getRecordType(method->getParent());
    if (method->getName() == "self" && retort_arguments(owner, "GenServer") != nullptr) {
      site.receivers = {type_text(object, context)};
      site.target_origin = "its own self()";
    }
  }

  // `retort::self()` inside a member of an actor class runs that actor.
  static void resolve_self(const clang::ASTContext& context, const clang::Expr& target,
                           SendSite& site) {
    auto parents = const_cast<clang::ASTContext&>(context).getParents(target);
    while (!parents.empty()) {
      if (const auto* method = parents[0].get<clang::CXXMethodDecl>()) {
        site.receivers = {type_text(context.getRecordType(method->getParent()), context)};
        site.target_origin = "its own self()";
        return;
      }
      if (parents[0].get<clang::FunctionDecl>() != nullptr) return;
      parents = const_cast<clang::ASTContext&>(context).getParents(parents[0]);
    }
  }

  const ProjectPath& project_path_;
  UnitSummary& summary_;
};

}  // namespace

UnitSummary summarise(clang::ASTContext& context, const ProjectPath& project_path) {
  UnitSummary summary;
  Collector collector(project_path, summary);
  MatchFinder finder;
  finder.addMatcher(cxxRecordDecl(isDefinition(), unless(isInstantiated()),
                                  isDerivedFrom(cxxRecordDecl(hasName("::retort::GenServer"))))
                        .bind("actor"),
                    &collector);
  finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::retort::send", "::retort::cast", "::retort::call",
                                              "::retort::async_call"))),
               unless(isInTemplateInstantiation()))
          .bind("send"),
      &collector);
  finder.matchAST(context);
  return summary;
}

}  // namespace retort::typecheck
