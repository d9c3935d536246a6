#include <algorithm>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class ParameterCount : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/parameter-count",
        "readability",
        Priority::normal,
        "A function takes more parameters than a reader can keep in mind.",
        "Every call site of a function with many parameters is a line of positional "
        "values whose meaning the reader must look up, and arguments of the same type "
        "are easily swapped. Group related parameters into a struct with named fields.\n\n"
        "Bad: `connect(host, port, 30, true, false, 3)`.\n\n"
        "Good: `connect(host, port, {.timeout_s = 30, .use_tls = true, .retries = 3})`.",
        {{"max_params", 5, "The most parameters a function may take."}}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context,
             functionDecl(unless(isImplicit()), unless(isTemplateInstantiation())).bind("f"),
             [this, &context](const MatchResult& result) {
               const auto* function = result.Nodes.getNodeAs<clang::FunctionDecl>("f");
               // A C API's signature is its ABI, an override's is its base's; an
               // unnamed parameter (a tag for overload dispatch) has no value to group.
               const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
               bool is_override = method != nullptr && method->size_overridden_methods() > 0;
               if (!function->isFirstDecl() || function->isExternC() || is_override ||
                   !context.is_project_location(function->getLocation()))
                 return;
               auto named =
                   std::count_if(function->param_begin(), function->param_end(),
                                 [](const clang::ParmVarDecl* p) { return !p->getName().empty(); });
               auto limit = context.param(info(), "max_params");
               if (static_cast<std::int64_t>(named) <= limit) return;
               context.report(info(), function->getLocation(),
                              "function '" + function->getNameAsString() + "' takes " +
                                  std::to_string(named) + " named parameters (at most " +
                                  std::to_string(limit) + "); group them into a struct");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_parameter_count_check() { return std::make_unique<ParameterCount>(); }

}  // namespace retort::lint
