#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class RawNewDelete : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/raw-new-delete",
        "warning",
        Priority::normal,
        "Memory is managed by hand with new and delete.",
        "Every raw `new` needs exactly one `delete` on every path, exceptions "
        "included; one early return leaks, one extra delete corrupts the heap. Owning "
        "types (`std::unique_ptr`, `std::make_shared`, containers) make ownership "
        "visible and release it for you. Placement new is not reported.\n\n"
        "Bad: `auto* parser = new Parser(text); ... delete parser;`\n\n"
        "Good: `auto parser = std::make_unique<Parser>(text);`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(
        finder, context, cxxNewExpr(unless(hasAnyPlacementArg(anything()))).bind("new"),
        [this, &context](const MatchResult& result) {
          const auto* expression = result.Nodes.getNodeAs<clang::CXXNewExpr>("new");
          context.report(
              info(), expression->getBeginLoc(),
              "raw 'new'; own the object with std::make_unique, std::make_shared or a container");
        });
    on_match(finder, context, cxxDeleteExpr().bind("delete"),
             [this, &context](const MatchResult& result) {
               const auto* expression = result.Nodes.getNodeAs<clang::CXXDeleteExpr>("delete");
               context.report(info(), expression->getBeginLoc(),
                              "raw 'delete'; let an owning type release the object");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_raw_new_delete_check() { return std::make_unique<RawNewDelete>(); }

}  // namespace retort::lint
