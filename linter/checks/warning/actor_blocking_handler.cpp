#include "../actor_shape.hpp"
#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class ActorBlockingHandler : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/actor-blocking-handler",
        "warning",
        Priority::higher,
        "A message handler blocks its scheduler thread.",
        "retort runs many processes on a few scheduler threads. A handler that sleeps, "
        "waits on a mutex, reads a file or a socket, or makes a synchronous `call` "
        "holds a whole thread: every process queued behind it waits, and two servers "
        "calling each other deadlock. Use `send_after` instead of sleeping, hand I/O "
        "to a `retort::async` task, make the handler a coroutine (`Async<T>`) and "
        "`co_await async_call(...)`, and keep state in the process instead of behind a "
        "mutex.\n\n"
        "Bad: `void handle_info(const Tick&) { std::this_thread::sleep_for(1s); poll(); }`\n\n"
        "Good: `void handle_info(const Tick&) { poll(); retort::send_after(self(), 1s, "
        "Tick{}); }`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    auto blocking_function = functionDecl(hasAnyName(
        "::std::this_thread::sleep_for", "::std::this_thread::sleep_until", "::sleep", "::usleep",
        "::nanosleep", "::retort::call", "::retort::Ref::call", "::std::mutex::lock",
        "::std::recursive_mutex::lock", "::std::shared_mutex::lock",
        "::std::condition_variable::wait", "::std::future::get", "::std::future::wait",
        "::std::thread::join", "::fopen", "::read", "::recv", "::accept", "::connect", "::poll",
        "::select", "::std::getline", "::system"));
    auto blocking_object = cxxConstructExpr(
        hasType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(cxxRecordDecl(hasAnyName(
            "::std::lock_guard", "::std::unique_lock", "::std::scoped_lock",
            "::std::basic_ifstream", "::std::basic_ofstream", "::std::basic_fstream")))))));
    on_match(finder, context,
             cxxMethodDecl(
                 actor::handler_method(),
                 forEachDescendant(expr(anyOf(callExpr(callee(blocking_function.bind("blocking"))),
                                              blocking_object))
                                       .bind("call"))),
             [this, &context](const MatchResult& result) {
               const auto* call = result.Nodes.getNodeAs<clang::Expr>("call");
               const auto* handler = result.Nodes.getNodeAs<clang::CXXMethodDecl>("handler");
               const auto* blocking = result.Nodes.getNodeAs<clang::FunctionDecl>("blocking");
               std::string what = blocking != nullptr ? "'" + blocking->getNameAsString() + "'"
                                                      : "'" + call->getType().getAsString() + "'";
               context.report(info(), call->getBeginLoc(),
                              "blocking " + what + " in " + handler->getNameAsString() +
                                  ": the scheduler thread stalls and every process behind it "
                                  "waits");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_actor_blocking_handler_check() {
  return std::make_unique<ActorBlockingHandler>();
}

}  // namespace retort::lint
