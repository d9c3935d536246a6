#include "../actor_shape.hpp"
#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class ActorStatelessServer : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "design/actor-stateless-server",
        "design",
        Priority::high,
        "A GenServer holds no state: it serialises calls for nothing.",
        "A process exists to own state (or a resource) and to serialise access to it. "
        "A GenServer without data members turns plain function calls into messages: "
        "every caller waits in one mailbox, pays a copy and a context switch, and a "
        "crash in one call takes the others down. Write a namespace of functions; "
        "callers run them concurrently, in their own processes.\n\n"
        "Bad: `struct Math : retort::GenServer<Math> { int handle_call(const Add& a, From) "
        "{ return a.x + a.y; } };`\n\n"
        "Good: `namespace math { int add(int x, int y) { return x + y; } }`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context,
             cxxRecordDecl(
                 isDefinition(), actor::gen_server_class(),
                 hasMethod(cxxMethodDecl(hasAnyName("handle_call", "handle_cast", "handle_info"))))
                 .bind("server"),
             [this, &context](const MatchResult& result) {
               const auto* server = result.Nodes.getNodeAs<clang::CXXRecordDecl>("server");
               if (!server->field_empty()) return;
               context.report(info(), server->getLocation(),
                              "GenServer '" + server->getNameAsString() +
                                  "' has no state; its handlers would be plain functions "
                                  "in a namespace");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_actor_stateless_server_check() {
  return std::make_unique<ActorStatelessServer>();
}

}  // namespace retort::lint
