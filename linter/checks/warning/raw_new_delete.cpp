#include <algorithm>
#include <memory>
#include <regex>
#include <set>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

// Whether a comment above one of `function`'s declarations matches `words`: the
// documentation of an interface that hands a raw pointer's ownership over.
bool is_documented(const clang::SourceManager& manager, const clang::FunctionDecl& function,
                   const std::regex& words) {
  // "Does not take ownership", "never deletes it": said of it, the words mean the opposite.
  static const std::regex negation(R"(\b(not|never|no longer)\s+$|n't\s+$)", std::regex::icase);
  auto says_so = [&](const std::string& comment) {
    for (std::sregex_iterator it(comment.begin(), comment.end(), words), end; it != end; ++it) {
      std::size_t start = static_cast<std::size_t>(it->position());
      std::string before =
          comment.substr(start < 16 ? 0 : start - 16, std::min<std::size_t>(start, 16));
      if (!std::regex_search(before, negation)) return true;
    }
    return false;
  };
  return std::any_of(function.redecls_begin(), function.redecls_end(),
                     [&](const clang::FunctionDecl* declaration) {
                       return says_so(comment_above(manager, *declaration));
                     });
}

// It takes ownership of (or deletes) what it is handed...
const std::regex& takes_ownership() {
  static const std::regex words(
      R"(\b(takes? (over )?ownership|becomes? the property|assumes? ownership|(it|function) will )"
      R"((delete|free|destroy)|is responsible for deleting|transfers? ownership)\b)",
      std::regex::icase);
  return words;
}

// ... or gives its caller what it returns (leveldb's `NewMemEnv`: "The caller must
// delete the result").
const std::regex& gives_ownership() {
  static const std::regex words(
      R"(\b(caller (must|should) (delete|free|destroy)|caller (owns|takes ownership)|)"
      R"(caller is responsible for (deleting|freeing)|ownership (passes|is transferred) to the caller)\b)",
      std::regex::icase);
  return words;
}

class RawNewDelete : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/raw-new-delete",
        "warning",
        Priority::normal,
        "Memory is managed by hand with new and delete.",
        "Every raw `new` needs exactly one `delete` on every path, exceptions "
        "included; one early return leaks, one extra delete corrupts the heap. Owning "
        "types (`std::unique_ptr`, `std::make_shared`, containers) make ownership "
        "visible and release it for you. Placement new is not reported, nor a `new` handed "
        "straight to an owner (`std::unique_ptr<T>(new T)`, `reset(new T)`), nor a "
        "`new` whose value is thrown away (`new Registrar;`, called for its side effect), nor a "
        "`new` handed to a function documented to take ownership of it, nor a "
        "`new` stored in the class's own member (directly, through a local, or "
        "pushed into a member container), nor a `delete` of the class's own member (or of "
        "what it takes out of one), nor a `delete` in a destructor or of what an override's "
        "interface hands back, nor a `new` an override returns through its interface's "
        "raw-pointer signature, nor the `delete` in a C-style deleter callback (of what "
        "its `void*` parameter points to), nor `delete this`, nor a `new` of a type whose "
        "destructor is not public (it manages its own lifetime), nor either in an "
        "`extern \"C\"` function or through an out-parameter (`*result = new File`): a C "
        "API or an interface's signature hands the raw pointer over. What a local "
        "holding a `new` is then stored in, given to or returned as counts as the "
        "`new`'s own destination.\n\n"
        "Bad: `auto* parser = new Parser(text); ... delete parser;`\n\n"
        "Good: `auto parser = std::make_unique<Parser>(text);`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    // Parents are matched before their children, so the places where ownership is
    // handed over are known by the time the `new` or `delete` itself is seen.
    auto owned = std::make_shared<std::set<const clang::Stmt*>>();
    context.keep_alive(owned);
    auto record = [owned](const MatchResult& result) {
      if (const auto* node = result.Nodes.getNodeAs<clang::Stmt>("owned")) owned->insert(node);
    };
    auto fresh = ignoringParenImpCasts(cxxNewExpr().bind("owned"));
    // A `new` itself, or a local it initialised (`char* block = new char[n];
    // blocks_.push_back(block);` in leveldb's Arena): what the local is then given to
    // or returned as is where the object goes.
    auto fresh_or_its_local =
        expr(anyOf(fresh, ignoringParenImpCasts(
                              declRefExpr(to(varDecl(hasLocalStorage(), hasInitializer(fresh)))))));
    // `std::unique_ptr<T>(new T)`, `ptr.reset(new T)`, a member initialised with it:
    // the object has an owner from its first moment (C++98 and C++11 code has no
    // make_unique).
    on_match(finder, context, cxxConstructExpr(hasAnyArgument(fresh)), record);
    // In a template the owner's construction is not resolved yet (jsoncpp's
    // `std::unique_ptr<T>(new T(*p))` in `cloneUnique<T>`).
    on_match(finder, context, cxxUnresolvedConstructExpr(hasAnyArgument(fresh)), record);
    on_match(finder, context, parenListExpr(has(fresh)),
             record);  // gflags' `FlagValue v(new T, true)`
    on_match(finder, context,
             cxxMemberCallExpr(callee(cxxMethodDecl(hasName("reset"))), hasArgument(0, fresh)),
             record);
    on_match(finder, context, cxxCtorInitializer(withInitializer(fresh)), record);
    // The owner's own clean-up: a destructor, or a member function deleting the
    // class's member (jsoncpp's Value::releasePayload frees its union's map).
    on_match(finder, context, cxxDestructorDecl(forEachDescendant(cxxDeleteExpr().bind("owned"))),
             record);
    // The class's own members: its fields, its static members (gflags' singleton
    // `global_registry_`) and their elements (glog's `log_destinations_[severity]`).
    auto own_field = memberExpr(hasObjectExpression(ignoringParenImpCasts(anyOf(
        cxxThisExpr(), memberExpr(hasObjectExpression(ignoringParenImpCasts(cxxThisExpr())))))));
    auto own_static =
        declRefExpr(to(varDecl(hasDeclContext(cxxRecordDecl(equalsBoundNode("class"))))));
    auto own_member = expr(anyOf(
        own_field, own_static,
        arraySubscriptExpr(hasBase(ignoringParenImpCasts(expr(anyOf(own_field, own_static)))))));
    auto in_own_method = [](auto statement) {
      return cxxMethodDecl(ofClass(cxxRecordDecl().bind("class")), forEachDescendant(statement));
    };
    on_match(finder, context,
             in_own_method(cxxDeleteExpr(has(ignoringParenImpCasts(own_member))).bind("owned")),
             record);
    // ... and of a pointer it takes out of its own member (tinyxml2's MemPoolT::Clear
    // deletes each `Block* block = _blockPtrs.Pop();`).
    on_match(
        finder, context,
        in_own_method(cxxDeleteExpr(has(ignoringParenImpCasts(declRefExpr(
                                        to(varDecl(hasInitializer(ignoringParenImpCasts(expr(anyOf(
                                            own_member, cxxMemberCallExpr(on(own_member))))))))))))
                          .bind("owned")),
        record);
    // The owner's own allocation: tinyxml2's DynArray stores `new T[n]` in its member
    // `_mem`, which it frees itself; leveldb's Arena pushes each block into `blocks_`.
    on_match(finder, context,
             in_own_method(binaryOperator(isAssignmentOperator(),
                                          hasLHS(ignoringParenImpCasts(own_member)),
                                          hasRHS(fresh_or_its_local))),
             record);
    // Only a container's insertion stores it: a member's other methods (tinyxml2's
    // `_errorStr.SetStr(buffer)`, which copies) may just read it.
    auto insertion = cxxMethodDecl(
        matchesName("::([Pp]ush|[Ee]mplace|[Ii]nsert)(_back|_front|_hint|Back|Front)?$"));
    on_match(finder, context,
             in_own_method(cxxMemberCallExpr(on(own_member), callee(insertion),
                                             hasAnyArgument(fresh_or_its_local))),
             record);
    // An override given back what its interface handed out (leveldb's
    // `Env::UnlockFile(FileLock*)` frees what `LockFile` created).
    on_match(
        finder, context,
        cxxMethodDecl(isOverride(),
                      forEachDescendant(
                          cxxDeleteExpr(has(ignoringParenImpCasts(declRefExpr(to(parmVarDecl())))))
                              .bind("owned"))),
        record);
    // ... and an override returning what its interface hands out (`const Snapshot*
    // GetSnapshot() override`, given back to `ReleaseSnapshot`).
    on_match(finder, context,
             cxxMethodDecl(isOverride(), returns(pointerType()),
                           forEachDescendant(returnStmt(hasReturnValue(fresh_or_its_local)))),
             record);
    // A C-style deleter callback frees what its `void*` argument points to: the owner
    // that holds the object calls it (leveldb's `Cache::Insert(..., &DeleteCachedBlock)`).
    // So does its `delete` of what that object holds (`delete tf->table;` before
    // `delete tf;` in leveldb's DeleteEntry).
    auto void_pointer_parameter =
        ignoringParenCasts(declRefExpr(to(parmVarDecl(hasType(pointerType(pointee(voidType())))))));
    auto callback_object = expr(anyOf(
        void_pointer_parameter, declRefExpr(to(varDecl(hasInitializer(void_pointer_parameter))))));
    on_match(finder, context,
             cxxDeleteExpr(has(ignoringParenCasts(expr(
                               anyOf(callback_object, memberExpr(hasObjectExpression(
                                                          ignoringParenCasts(callback_object))))))))
                 .bind("owned"),
             record);
    // A `new` whose value is thrown away is there for its allocation or its
    // constructor's side effect (glog's `ASSERT_DEATH({ new int; }, ...)` tests a
    // `new` hook; a self-registering object), not to hold memory: no owner fits.
    on_match(finder, context, compoundStmt(forEach(cxxNewExpr().bind("owned"))), record);
    // A reference-counted class frees itself (`delete this` in leveldb's
    // `MemTable::Unref`), and a type whose destructor is not public cannot be owned by
    // a smart pointer at all.
    on_match(finder, context,
             cxxDeleteExpr(has(ignoringParenImpCasts(cxxThisExpr()))).bind("owned"), record);
    on_match(finder, context,
             cxxNewExpr(hasType(pointsTo(cxxRecordDecl(
                            has(cxxDestructorDecl(anyOf(isPrivate(), isProtected())))))))
                 .bind("owned"),
             record);
    // A C API hands raw pointers to C callers (leveldb's `leveldb_env_create` and
    // `_destroy`); an out-parameter (`*result = new File`) hands it to the caller.
    on_match(
        finder, context,
        functionDecl(isExternC(),
                     forEachDescendant(stmt(anyOf(cxxNewExpr(), cxxDeleteExpr())).bind("owned"))),
        record);
    on_match(finder, context,
             binaryOperator(
                 isAssignmentOperator(),
                 hasLHS(unaryOperator(hasOperatorName("*"), hasUnaryOperand(ignoringParenImpCasts(
                                                                declRefExpr(to(parmVarDecl())))))),
                 hasRHS(fresh)),
             record);
    // A function documented to take ownership of what it is given (glog's
    // `SetLogger(level, logger)`: "The logger becomes the property of the logging
    // module").
    // Matched from the enclosing function, which comes before the `new` in a local's
    // initialiser, so the hand-over is known when that `new` is seen.
    on_match(finder, context,
             functionDecl(forEachDescendant(
                 callExpr(forEachArgumentWithParam(fresh_or_its_local, parmVarDecl()),
                          callee(functionDecl().bind("taker"))))),
             [owned, &context](const MatchResult& result) {
               const auto* taker = result.Nodes.getNodeAs<clang::FunctionDecl>("taker");
               if (is_documented(context.source_manager(), *taker, takes_ownership()))
                 owned->insert(result.Nodes.getNodeAs<clang::Stmt>("owned"));
             });
    auto gives = [owned, &context](const MatchResult& result) {
      const auto* giver = result.Nodes.getNodeAs<clang::FunctionDecl>("giver");
      if (is_documented(context.source_manager(), *giver, gives_ownership()))
        owned->insert(result.Nodes.getNodeAs<clang::Stmt>("owned"));
    };
    on_match(finder, context,
             functionDecl(forEachDescendant(returnStmt(hasReturnValue(fresh_or_its_local))))
                 .bind("giver"),
             gives);
    // ... also through a local assigned after its declaration (`Compaction* c; ...
    // c = new Compaction(...); ... return c;` in leveldb's PickCompaction).
    auto local = declRefExpr(to(varDecl(hasLocalStorage()).bind("local")));
    on_match(finder, context,
             functionDecl(
                 forEachDescendant(binaryOperator(
                     isAssignmentOperator(), hasLHS(ignoringParenImpCasts(local)), hasRHS(fresh))),
                 hasDescendant(returnStmt(hasReturnValue(
                     ignoringParenImpCasts(declRefExpr(to(varDecl(equalsBoundNode("local")))))))))
                 .bind("giver"),
             gives);
    on_match(finder, context, cxxNewExpr(unless(hasAnyPlacementArg(anything()))).bind("new"),
             [this, &context, owned](const MatchResult& result) {
               const auto* expression = result.Nodes.getNodeAs<clang::CXXNewExpr>("new");
               if (owned->count(expression) != 0) return;
               context.report(info(), expression->getBeginLoc(),
                              "raw 'new'; own the object with std::make_unique, "
                              "std::make_shared or a container");
             });
    on_match(finder, context, cxxDeleteExpr().bind("delete"),
             [this, &context, owned](const MatchResult& result) {
               const auto* expression = result.Nodes.getNodeAs<clang::CXXDeleteExpr>("delete");
               if (owned->count(expression) != 0) return;
               context.report(info(), expression->getBeginLoc(),
                              "raw 'delete'; let an owning type release the object");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_raw_new_delete_check() { return std::make_unique<RawNewDelete>(); }

}  // namespace retort::lint
