#include "../factories.hpp"
#include "../metrics.hpp"

namespace retort::lint {
namespace {

class CyclomaticComplexity : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "design/cyclomatic-complexity",
        "design",
        Priority::normal,
        "A function has more independent paths than its tests are likely to cover.",
        "Cyclomatic complexity counts the independent paths through a function: one, "
        "plus one for every `if`, loop, `case`, `catch`, `&&`, `||` and `?:`. Each path "
        "needs its own test, and past ten or so nobody writes them all. Split the "
        "decisions into named helpers or replace a chain of cases with a table.\n\n"
        "Bad: one `handle(event)` with a dozen `if`/`else if` branches on the event kind.\n\n"
        "Good: a map from event kind to a small handler function per kind.",
        {{"max_complexity", 10, "The highest cyclomatic complexity a function may have."}}};
    return info;
  }

  void register_matchers(clang::ast_matchers::MatchFinder& finder,
                         CheckContext& context) const override {
    report_functions_over_limit(finder, context, info(), "max_complexity", cyclomatic_complexity,
                                "cyclomatic complexity", "");
  }
};

}  // namespace

std::unique_ptr<Check> make_cyclomatic_complexity_check() {
  return std::make_unique<CyclomaticComplexity>();
}

}  // namespace retort::lint
