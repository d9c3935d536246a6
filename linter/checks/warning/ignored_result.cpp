#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class IgnoredResult : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/ignored-result",
        "warning",
        Priority::high,
        "The result of a call marked [[nodiscard]] is thrown away.",
        "`[[nodiscard]]` on a function or a type is its author saying the result is the "
        "point of the call: an error code that must be checked, a new value that does "
        "not replace the old one (`std::string::empty()` vs `clear()`), a handle that "
        "must be kept. Use the result, or discard it visibly with `(void)` or "
        "`std::ignore =` and a comment saying why.\n\n"
        "Bad: `v.empty();` where `v.clear();` was meant; `write_file_atomically(p, s);`\n\n"
        "Good: `if (auto error = write_file_atomically(p, s)) return error;`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    // A call whose statement is the call itself: its value goes nowhere. Matched from
    // the block down, as a hasParent matcher would build the quadratic parent map.
    on_match(finder, context,
             compoundStmt(forEach(expr(ignoringImplicit(callExpr().bind("call"))))),
             [this, &context](const MatchResult& result) {
               const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
               if (!call->hasUnusedResultAttr(*result.Context)) return;
               const auto* callee = call->getDirectCallee();
               std::string name = callee != nullptr ? callee->getNameAsString() : "this call";
               context.report(info(), call->getBeginLoc(),
                              "the result of '" + name +
                                  "' is marked [[nodiscard]] but is ignored; use it or "
                                  "discard it with (void) and say why");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_ignored_result_check() { return std::make_unique<IgnoredResult>(); }

}  // namespace retort::lint
