#include "../factories.hpp"
#include "../metrics.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

class NestingDepth : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "design/nesting-depth",
        "design",
        Priority::normal,
        "Control structures are nested too deeply.",
        "Each level of nesting is one more condition the reader must hold to know when "
        "a line runs, and the code drifts right until lines wrap. Guard clauses "
        "(`if (!ok) return;`) and extracted functions keep the happy path flat. An "
        "`else if` chain does not count as nesting.\n\n"
        "Bad: `if (a) { for (x : xs) { if (b) { while (c) { if (d) ... } } } }`\n\n"
        "Good: `if (!a) return; for (x : xs) process(x);`",
        {{"max_depth", 4, "The deepest nesting of if, loops, switch and try allowed."}}};
    return info;
  }

  void register_matchers(clang::ast_matchers::MatchFinder& finder,
                         CheckContext& context) const override {
    on_function_body(
        finder, context,
        [this, &context](const clang::FunctionDecl& function, const clang::Stmt& body) {
          Nesting nesting = deepest_nesting(body, context.source_manager());
          auto limit = context.param(info(), "max_depth");
          if (nesting.depth <= limit) return;
          context.report(info(), nesting.deepest->getBeginLoc(),
                         "nested " + std::to_string(nesting.depth) + " levels deep in '" +
                             function.getNameAsString() + "' (at most " + std::to_string(limit) +
                             ")");
        });
  }
};

}  // namespace

std::unique_ptr<Check> make_nesting_depth_check() { return std::make_unique<NestingDepth>(); }

}  // namespace retort::lint
