#include "../factories.hpp"
#include "../metrics.hpp"

namespace retort::lint {
namespace {

class CognitiveComplexity : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "design/cognitive-complexity",
        "design",
        Priority::high,
        "A function is hard to understand: its branches nest deeply.",
        "Cognitive complexity (SonarSource's measure) charges for every break in the "
        "straight reading of a function, and charges more the deeper it is nested: an "
        "`if` inside a loop inside an `if` costs three times what a top-level one does. "
        "A `switch` or an `else if` chain reads easily and costs little. Return early, "
        "and move nested blocks into named functions.\n\n"
        "Bad: `for (...) { if (a) { while (b) { if (c) ... } } }`\n\n"
        "Good: `for (...) { if (!a) continue; drain(queue); }` with the inner loop in "
        "`drain`.",
        {{"max_complexity", 15, "The highest cognitive complexity a function may have."}}};
    return info;
  }

  void register_matchers(clang::ast_matchers::MatchFinder& finder,
                         CheckContext& context) const override {
    report_functions_over_limit(finder, context, info(), "max_complexity", cognitive_complexity,
                                "cognitive complexity",
                                "; return early or extract the nested parts");
  }
};

}  // namespace

std::unique_ptr<Check> make_cognitive_complexity_check() {
  return std::make_unique<CognitiveComplexity>();
}

}  // namespace retort::lint
