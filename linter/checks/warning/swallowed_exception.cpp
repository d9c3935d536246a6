#include "../actor_shape.hpp"
#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class SwallowedException : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/swallowed-exception",
        "warning",
        Priority::high,
        "catch (...) swallows every exception without rethrowing.",
        "`catch (...)` that does not rethrow turns every failure, including ones you "
        "never imagined, into silence: the program goes on in a state nobody checked. "
        "Catch the exceptions you can handle by type, or rethrow with `throw;` after "
        "cleaning up (`std::throw_with_nested`, a `[[noreturn]]` call and keeping it with "
        "`std::current_exception()` count as passing it on). In an actor, let it crash: "
        "the supervisor restarts it.\n\n"
        "Bad: `try { save(); } catch (...) {}`\n\n"
        "Good: `try { save(); } catch (const std::filesystem::filesystem_error& error) "
        "{ report(error); }`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    // The exception goes on when the handler rethrows (`throw;`, `throw X`), calls a
    // function that never returns (`std::throw_with_nested`, `std::rethrow_exception`,
    // `std::terminate`, a project's own `[[noreturn]] fail()`), or keeps it with
    // `std::current_exception()` (into a promise, say).
    auto passes_it_on = hasDescendant(
        stmt(anyOf(cxxThrowExpr(), callExpr(callee(functionDecl(isNoReturn()))),
                   callExpr(callee(functionDecl(hasName("::std::current_exception")))))));
    on_match(
        finder, context,
        // In a GenServer handler, warning/actor-catch-all-in-handler says it better.
        functionDecl(isDefinition(), unless(actor::handler_method()),
                     forEachDescendant(cxxCatchStmt(isCatchAll(), unless(passes_it_on)).bind("c"))),
        [this, &context](const MatchResult& result) {
          const auto* handler = result.Nodes.getNodeAs<clang::CXXCatchStmt>("c");
          // A `catch (...)` that a macro's body writes (a test framework's
          // assertion recording a failure) is the macro's design, not code at
          // each place that uses it.
          clang::SourceLocation location = handler->getCatchLoc();
          if (location.isMacroID() && !context.source_manager().isMacroArgExpansion(location))
            return;
          context.report(
              info(), location,
              "catch (...) without rethrowing hides every failure; catch by type or rethrow");
        });
  }
};

}  // namespace

std::unique_ptr<Check> make_swallowed_exception_check() {
  return std::make_unique<SwallowedException>();
}

}  // namespace retort::lint
