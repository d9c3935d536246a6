#include <memory>
#include <set>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

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
        "`new` stored in, or a `delete` of, the class's own member, nor a `delete` in a "
        "destructor or of what an override's interface hands back, nor `delete this`, nor a `new` "
        "of "
        "a type whose destructor is not public "
        "(it manages its own lifetime), nor either in an `extern \"C\"` "
        "function or through an out-parameter (`*result = new File`): a C API or an "
        "interface's signature hands the raw pointer over.\n\n"
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
    // `std::unique_ptr<T>(new T)`, `ptr.reset(new T)`, a member initialised with it:
    // the object has an owner from its first moment (C++98 and C++11 code has no
    // make_unique).
    on_match(finder, context, cxxConstructExpr(hasAnyArgument(fresh)), record);
    // In a template the owner's construction is not resolved yet (jsoncpp's
    // `std::unique_ptr<T>(new T(*p))` in `cloneUnique<T>`).
    on_match(finder, context, cxxUnresolvedConstructExpr(hasAnyArgument(fresh)), record);
    on_match(finder, context,
             cxxMemberCallExpr(callee(cxxMethodDecl(hasName("reset"))), hasArgument(0, fresh)),
             record);
    on_match(finder, context, cxxCtorInitializer(withInitializer(fresh)), record);
    // The owner's own clean-up: a destructor, or a member function deleting the
    // class's member (jsoncpp's Value::releasePayload frees its union's map).
    on_match(finder, context, cxxDestructorDecl(forEachDescendant(cxxDeleteExpr().bind("owned"))),
             record);
    auto own_member = memberExpr(hasObjectExpression(ignoringParenImpCasts(anyOf(
        cxxThisExpr(), memberExpr(hasObjectExpression(ignoringParenImpCasts(cxxThisExpr())))))));
    on_match(finder, context,
             cxxMethodDecl(forEachDescendant(
                 cxxDeleteExpr(has(ignoringParenImpCasts(own_member))).bind("owned"))),
             record);
    // The owner's own allocation: tinyxml2's DynArray stores `new T[n]` in its member
    // `_mem`, which it frees itself.
    on_match(finder, context,
             binaryOperator(isAssignmentOperator(), hasLHS(ignoringParenImpCasts(own_member)),
                            hasRHS(fresh)),
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
