#include "../actor_shape.hpp"
#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class ActorCatchAllInHandler : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/actor-catch-all-in-handler",
        "warning",
        Priority::high,
        "A message handler catches every exception and carries on.",
        "Let it crash: when a handler fails, the process should die so its supervisor "
        "restarts it from a known state and its links and monitors learn of it. A "
        "`catch (...)` that does not rethrow keeps a process alive in whatever state "
        "the failure left, and the caller of a `call` gets a reply that hides the "
        "error. Catch the specific exceptions you can handle; let the rest escape.\n\n"
        "Bad: `int handle_call(const Load& l, From) { try { return load(l); } catch (...) "
        "{ return -1; } }`\n\n"
        "Good: `int handle_call(const Load& l, From) { return load(l); }` under a "
        "supervisor, or `catch (const NotFound&) { return -1; }`.",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(
        finder, context,
        cxxMethodDecl(
            actor::handler_method(),
            forEachDescendant(
                cxxCatchStmt(isCatchAll(), unless(hasDescendant(cxxThrowExpr()))).bind("catch"))),
        [this, &context](const MatchResult& result) {
          const auto* handler_catch = result.Nodes.getNodeAs<clang::CXXCatchStmt>("catch");
          const auto* handler = result.Nodes.getNodeAs<clang::CXXMethodDecl>("handler");
          context.report(info(), handler_catch->getBeginLoc(),
                         "catch (...) in " + handler->getNameAsString() +
                             " keeps a failed process alive; let it crash and let its "
                             "supervisor restart it");
        });
  }
};

}  // namespace

std::unique_ptr<Check> make_actor_catch_all_in_handler_check() {
  return std::make_unique<ActorCatchAllInHandler>();
}

}  // namespace retort::lint
