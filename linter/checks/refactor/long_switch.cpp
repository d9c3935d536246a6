#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class LongSwitch : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "refactor/long-switch",
        "refactor",
        Priority::low,
        "A switch has so many cases that it is really a table.",
        "A switch with dozens of cases mixes data (which value maps to what) with "
        "control flow, and every new value means editing the function. When the cases "
        "only map values, use a lookup table; when they run behaviour, dispatch to one "
        "function per case.\n\n"
        "Bad: a 30-case switch returning the name of each enum value.\n\n"
        "Good: `constexpr std::array names{...}; return names[index];`",
        {{"max_cases", 15, "The most case labels a switch may have."}}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(
        finder, context, switchStmt().bind("switch"), [this, &context](const MatchResult& result) {
          const auto* statement = result.Nodes.getNodeAs<clang::SwitchStmt>("switch");
          std::int64_t cases = 0;
          for (const auto* label = statement->getSwitchCaseList(); label != nullptr;
               label = label->getNextSwitchCase())
            ++cases;
          auto limit = context.param(info(), "max_cases");
          if (cases <= limit) return;
          context.report(info(), statement->getBeginLoc(),
                         "switch with " + std::to_string(cases) + " cases (at most " +
                             std::to_string(limit) + "); use a table or one function per case");
        });
  }
};

}  // namespace

std::unique_ptr<Check> make_long_switch_check() { return std::make_unique<LongSwitch>(); }

}  // namespace retort::lint
