#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class MergeableIfs : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "refactor/mergeable-ifs",
        "refactor",
        Priority::low,
        "An if holds nothing but another if: the two conditions can be joined.",
        "Two nested `if`s without `else` whose outer body is only the inner one are one "
        "decision written as two, costing a level of nesting. Join the conditions with "
        "`&&`.\n\n"
        "Bad: `if (user) { if (user->is_admin()) grant(); }`\n\n"
        "Good: `if (user && user->is_admin()) grant();`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    auto plain_if = ifStmt(unless(hasElse(stmt())), unless(hasInitStatement(stmt())),
                           unless(hasConditionVariableStatement(stmt())));
    auto only_inner_if = anyOf(plain_if.bind("inner"),
                               compoundStmt(statementCountIs(1), has(plain_if.bind("inner"))));
    on_match(finder, context, ifStmt(plain_if, hasThen(only_inner_if)).bind("outer"),
             [this, &context](const MatchResult& result) {
               const auto* outer = result.Nodes.getNodeAs<clang::IfStmt>("outer");
               const auto* inner = result.Nodes.getNodeAs<clang::IfStmt>("inner");
               if (outer->isConstexpr() != inner->isConstexpr()) return;
               context.report(info(), inner->getBeginLoc(),
                              "this if is the only statement of the enclosing if; join the two "
                              "conditions with &&");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_mergeable_ifs_check() { return std::make_unique<MergeableIfs>(); }

}  // namespace retort::lint
