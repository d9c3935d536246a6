#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class ActorUnsupervisedSpawn : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "design/actor-unsupervised-spawn",
        "design",
        Priority::high,
        "Library code spawns a process that nothing links to, monitors or supervises.",
        "A process started with a bare `spawn` dies silently: nobody restarts it, "
        "nobody is told, and the work it owned just stops. In library code, start "
        "processes under a supervisor (`retort::child<T>(...)` in a Supervisor's "
        "children), with `spawn_link`, or `monitor` them. A program's `main` and tests "
        "may spawn freely.\n\n"
        "Bad: `auto cache = system.spawn<Cache>();` in `src/service.cpp`.\n\n"
        "Good: `auto cache = system.spawn_link<Cache>();` or a `child<Cache>()` spec.",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    auto watches =
        callExpr(callee(functionDecl(hasAnyName("::retort::link", "::retort::monitor"))));
    on_match(finder, context,
             functionDecl(
                 isDefinition(), unless(isMain()), unless(hasDescendant(watches)),
                 forEachDescendant(
                     cxxMemberCallExpr(callee(cxxMethodDecl(hasName("spawn"),
                                                            ofClass(hasName("::retort::System")))))
                         .bind("spawn"))),
             [this, &context](const MatchResult& result) {
               const auto* spawn = result.Nodes.getNodeAs<clang::CXXMemberCallExpr>("spawn");
               auto location = spawn->getExprLoc();
               if (is_in_test_file(context, location)) return;
               context.report(info(), location,
                              "spawn with no link, monitor or supervisor: if the process "
                              "crashes nobody notices; use spawn_link or a supervisor child");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_actor_unsupervised_spawn_check() {
  return std::make_unique<ActorUnsupervisedSpawn>();
}

}  // namespace retort::lint
