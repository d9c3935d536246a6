#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class UsingNamespaceInHeader : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/using-namespace-in-header",
        "warning",
        Priority::high,
        "A header pulls a whole namespace into every file that includes it.",
        "`using namespace` at namespace scope in a header changes name lookup in every "
        "file that includes it, directly or not: names collide, overloads change, and "
        "the includer cannot undo it. Qualify names in headers, or use a "
        "using-declaration for the one name you need inside a function.\n\n"
        "Bad: `using namespace std;` in `paths.hpp`.\n\nGood: `std::string` in the "
        "header; `using namespace` only inside .cpp files.",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context, usingDirectiveDecl().bind("u"),
             [this, &context](const MatchResult& result) {
               const auto* directive = result.Nodes.getNodeAs<clang::UsingDirectiveDecl>("u");
               if (directive->getParentFunctionOrMethod() != nullptr)
                 return;  // local: leaks nowhere
               auto location = directive->getLocation();
               const auto& manager = *result.SourceManager;
               if (manager.isInMainFile(manager.getExpansionLoc(location))) return;
               context.report(
                   info(), location,
                   "'using namespace " + directive->getNominatedNamespace()->getNameAsString() +
                       "' in a header leaks into every includer; qualify the names instead");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_using_namespace_in_header_check() {
  return std::make_unique<UsingNamespaceInHeader>();
}

}  // namespace retort::lint
