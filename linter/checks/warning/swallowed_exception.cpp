#include <algorithm>

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
        "catch (...) swallows every exception and does nothing with it.",
        "An empty `catch (...)` (or one that only `continue`s, `break`s or `return`s) "
        "turns every failure, including ones you never imagined, into silence: the "
        "program goes on in a state nobody checked. Catch the exceptions you can handle "
        "by type; or rethrow with `throw;` after cleaning up, report the failure, or "
        "return an error: a handler that does any of these is not reported. In an actor, "
        "let it crash: the supervisor restarts it.\n\n"
        "Bad: `try { save(); } catch (...) {}`\n\n"
        "Good: `try { save(); } catch (const std::filesystem::filesystem_error& error) "
        "{ report(error); }`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context,
             // In a GenServer handler, warning/actor-catch-all-in-handler says it better.
             functionDecl(isDefinition(), unless(actor::handler_method()),
                          forEachDescendant(cxxCatchStmt(isCatchAll()).bind("c"))),
             [this, &context](const MatchResult& result) {
               const auto* handler = result.Nodes.getNodeAs<clang::CXXCatchStmt>("c");
               // A `catch (...)` that a macro's body writes (a test framework's
               // assertion recording a failure) is the macro's design, not code at
               // each place that uses it.
               clang::SourceLocation location = handler->getCatchLoc();
               if (!does_nothing(handler->getHandlerBlock()) ||
                   is_in_macro_body(context.source_manager(), location))
                 return;
               context.report(info(), location,
                              "catch (...) that does nothing hides every failure; catch by "
                              "type, or report, rethrow or return the failure");
             });
  }

 private:
  // A handler swallows the exception when nothing in it tells anyone: it is empty or
  // only leaves the loop or the function (`continue;`, `break;`, `return;`). One
  // that rethrows, reports, records or returns a failure status passes it on.
  static bool does_nothing(const clang::Stmt* body) {
    const auto* block = llvm::dyn_cast_or_null<clang::CompoundStmt>(body);
    if (block == nullptr) return false;
    return std::all_of(block->body_begin(), block->body_end(), [](const clang::Stmt* statement) {
      if (llvm::isa<clang::NullStmt, clang::ContinueStmt, clang::BreakStmt>(statement)) return true;
      const auto* exit = llvm::dyn_cast<clang::ReturnStmt>(statement);
      return exit != nullptr && exit->getRetValue() == nullptr;
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_swallowed_exception_check() {
  return std::make_unique<SwallowedException>();
}

}  // namespace retort::lint
