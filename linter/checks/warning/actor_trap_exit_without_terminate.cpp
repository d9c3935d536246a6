#include "../actor_shape.hpp"
#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class ActorTrapExitWithoutTerminate : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/actor-trap-exit-without-terminate",
        "warning",
        Priority::normal,
        "A GenServer traps exits but declares no terminate.",
        "A process traps exits so that it is told, as a message, when a linked process "
        "or its supervisor stops it, usually to clean up first. Without a "
        "`terminate(const ExitReason&)` there is nothing to run at shutdown, so trapping "
        "only delays the stop and turns a crash of a linked process into a message the "
        "server may not handle. Declare `terminate`, or stop trapping exits.\n\n"
        "Bad: `Db() { retort::trap_exit(true); }` and no `terminate`.\n\n"
        "Good: `Db() { retort::trap_exit(true); }` with "
        "`void terminate(const retort::ExitReason&) { connection_.close(); }`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    auto trap_call = callExpr(callee(functionDecl(hasName("::retort::trap_exit")))).bind("trap");
    on_match(finder, context,
             cxxRecordDecl(isDefinition(), actor::gen_server_class(),
                           hasMethod(cxxMethodDecl(hasBody(hasDescendant(trap_call)))),
                           unless(hasMethod(cxxMethodDecl(hasName("terminate")))))
                 .bind("server"),
             [this, &context](const MatchResult& result) {
               const auto* server = result.Nodes.getNodeAs<clang::CXXRecordDecl>("server");
               const auto* trap = result.Nodes.getNodeAs<clang::CallExpr>("trap");
               context.report(info(), trap->getBeginLoc(),
                              "'" + server->getNameAsString() +
                                  "' traps exits but has no terminate(const ExitReason&) to "
                                  "clean up in");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_actor_trap_exit_without_terminate_check() {
  return std::make_unique<ActorTrapExitWithoutTerminate>();
}

}  // namespace retort::lint
