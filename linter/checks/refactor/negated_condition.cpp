#include <set>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class NegatedCondition : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "refactor/negated-condition",
        "refactor",
        Priority::low,
        "An if with an else tests a negated condition.",
        "`if (!ready) A else B` makes the reader negate twice to know when B runs. "
        "Swap the branches and drop the `!` (or turn `!=` into `==`): the same code, "
        "stated positively. Credo's NegatedConditionsWithElse.\n\n"
        "Bad: `if (!cache.empty()) use(cache); else rebuild();`\n\n"
        "Good: `if (cache.empty()) rebuild(); else use(cache);`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    auto negated = expr(ignoringParenImpCasts(
        anyOf(unaryOperator(hasOperatorName("!")), binaryOperator(hasOperatorName("!=")))));
    // An `else if` is part of a chain, not a negated if/else of its own. The outer if
    // is matched first (matching runs top-down), so its else-if is known in time.
    auto else_ifs = std::make_shared<std::set<const clang::IfStmt*>>();
    context.keep_alive(else_ifs);
    on_match(finder, context, ifStmt(hasElse(ifStmt().bind("else_if"))),
             [else_ifs](const MatchResult& result) {
               else_ifs->insert(result.Nodes.getNodeAs<clang::IfStmt>("else_if"));
             });
    on_match(finder, context,
             ifStmt(hasCondition(negated), hasElse(stmt(unless(ifStmt())))).bind("if"),
             [this, &context, else_ifs](const MatchResult& result) {
               const auto* branch = result.Nodes.getNodeAs<clang::IfStmt>("if");
               if (branch->hasInitStorage() || branch->isConstexpr() || else_ifs->count(branch))
                 return;
               context.report(info(), branch->getBeginLoc(),
                              "negated condition with an else branch; swap the branches and "
                              "state the condition positively");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_negated_condition_check() {
  return std::make_unique<NegatedCondition>();
}

}  // namespace retort::lint
