#include "../actor_shape.hpp"
#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class ActorCallToSelf : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/actor-call-to-self",
        "warning",
        Priority::higher,
        "A process makes a synchronous call to itself: it waits forever for its own reply.",
        "A `call` waits for the target to handle the message, but the target is the "
        "caller, which is busy waiting: the call can only time out (a CallError after "
        "the timeout). Call the handler's logic as a plain member function, or `cast` "
        "to yourself if it must run after the current message.\n\n"
        "Bad: `int handle_call(const Total&, From) { return retort::call<int>(self(), "
        "Sum{}); }`\n\n"
        "Good: `int handle_call(const Total&, From) { return sum(); }`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    auto self_call = callExpr(callee(functionDecl(hasName("self"))));
    on_match(finder, context,
             cxxMethodDecl(ofClass(actor::gen_server_class()),
                           forEachDescendant(
                               callExpr(callee(functionDecl(hasName("::retort::call"))),
                                        hasArgument(0, anyOf(self_call, hasDescendant(self_call))))
                                   .bind("call"))),
             [this, &context](const MatchResult& result) {
               const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
               context.report(info(), call->getBeginLoc(),
                              "synchronous call to self() never gets a reply; call the "
                              "logic directly or cast to yourself");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_actor_call_to_self_check() {
  return std::make_unique<ActorCallToSelf>();
}

}  // namespace retort::lint
