#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class CStyleCast : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/c-style-cast",
        "warning",
        Priority::normal,
        "A C-style cast hides which conversion it performs.",
        "`(T)x` tries static_cast, then const_cast, then reinterpret_cast until one "
        "compiles, so a harmless-looking cast can silently drop const or reinterpret "
        "bytes, and nothing greps for it. Name the conversion you mean. Casting to "
        "`void` to discard a value is fine.\n\n"
        "Bad: `int fd = (int)handle;`\n\nGood: `int fd = static_cast<int>(handle);`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context, cStyleCastExpr(unless(hasDestinationType(voidType()))).bind("c"),
             [this, &context](const MatchResult& result) {
               const auto* cast = result.Nodes.getNodeAs<clang::CStyleCastExpr>("c");
               context.report(info(), cast->getBeginLoc(),
                              "C-style cast to '" + cast->getTypeAsWritten().getAsString() +
                                  "'; use static_cast (or the named cast you mean)");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_c_style_cast_check() { return std::make_unique<CStyleCast>(); }

}  // namespace retort::lint
