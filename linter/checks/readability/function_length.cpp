#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class FunctionLength : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/function-length",
        "readability",
        Priority::normal,
        "A function body is longer than a screen.",
        "A function that does not fit on a screen cannot be read at once: the reader "
        "scrolls and forgets. Long functions usually do several things; name each "
        "thing by extracting it.\n\n"
        "Bad: one 120-line `load_config()` that reads, parses, validates and applies.\n\n"
        "Good: `load_config()` calling `read_file()`, `parse()`, `validate()` and "
        "`apply()`, each a few lines.",
        {{"max_lines", 50, "The most lines a function body may span."}}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context,
             functionDecl(isDefinition(), unless(isImplicit()), unless(isTemplateInstantiation()))
                 .bind("f"),
             [this, &context](const MatchResult& result) {
               const auto* function = result.Nodes.getNodeAs<clang::FunctionDecl>("f");
               const clang::Stmt* body = function->getBody();
               if (body == nullptr || !context.is_project_location(function->getLocation())) return;
               const auto& manager = *result.SourceManager;
               unsigned first = manager.getExpansionLineNumber(body->getBeginLoc());
               unsigned last = manager.getExpansionLineNumber(body->getEndLoc());
               auto limit = context.param(info(), "max_lines");
               if (static_cast<std::int64_t>(last - first + 1) <= limit) return;
               context.report(info(), function->getLocation(),
                              "function '" + function->getNameAsString() + "' spans " +
                                  std::to_string(last - first + 1) + " lines (at most " +
                                  std::to_string(limit) + "); split it into named steps");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_function_length_check() { return std::make_unique<FunctionLength>(); }

}  // namespace retort::lint
