#include <clang/Lex/Lexer.h>

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
        {},
        /*is_cpp_only=*/true};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    // Instantiations repeat their template, which is checked itself; and Clang writes
    // a C-style cast of its own (both parentheses at one place) where an enum
    // template argument is used as a value.
    on_match(
        finder, context,
        cStyleCastExpr(unless(hasDestinationType(voidType())), unless(isInTemplateInstantiation()))
            .bind("c"),
        [this, &context](const MatchResult& result) {
          const auto* cast = result.Nodes.getNodeAs<clang::CStyleCastExpr>("c");
          if (cast->getLParenLoc() == cast->getRParenLoc()) return;
          std::string message = "C-style cast to '" + cast->getTypeAsWritten().getAsString() +
                                "'; use static_cast (or the named cast you mean)";
          auto fix = static_cast_fix(*cast, *result.SourceManager, result.Context->getLangOpts());
          if (!fix) return context.report(info(), cast->getBeginLoc(), std::move(message));
          context.report_with_fix(info(), cast->getBeginLoc(), std::move(message), fix->first,
                                  std::move(fix->second));
        });
  }

 private:
  // Only value conversions between arithmetic types are rewritten: there a C-style
  // cast is exactly a static_cast. Casts that drop const or reinterpret pointers are
  // reported without a fix, since which named cast is meant is the author's call.
  static bool is_arithmetic_conversion(const clang::CStyleCastExpr& cast) {
    switch (cast.getCastKind()) {
      case clang::CK_IntegralCast:
      case clang::CK_FloatingToIntegral:
      case clang::CK_IntegralToFloating:
      case clang::CK_FloatingCast:
      case clang::CK_IntegralToBoolean:
      case clang::CK_FloatingToBoolean:
        return true;
      case clang::CK_NoOp:
        return cast.getType()->isArithmeticType() &&
               cast.getSubExpr()->getType()->isArithmeticType();
      default:
        return false;
    }
  }

  static std::optional<std::pair<clang::CharSourceRange, std::string>> static_cast_fix(
      const clang::CStyleCastExpr& cast, const clang::SourceManager& manager,
      const clang::LangOptions& language) {
    if (!is_arithmetic_conversion(cast) || cast.getBeginLoc().isMacroID() ||
        cast.getEndLoc().isMacroID())
      return std::nullopt;
    const clang::Expr* operand = cast.getSubExprAsWritten();
    if (const auto* parens = llvm::dyn_cast<clang::ParenExpr>(operand))
      operand = parens->getSubExpr();
    auto text_of = [&](clang::SourceRange range) {
      return clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(range), manager,
                                         language)
          .str();
    };
    std::string type = text_of(cast.getTypeInfoAsWritten()->getTypeLoc().getSourceRange());
    std::string value = text_of(operand->getSourceRange());
    if (type.empty() || value.empty()) return std::nullopt;
    auto range = clang::Lexer::makeFileCharRange(
        clang::CharSourceRange::getTokenRange(cast.getSourceRange()), manager, language);
    if (range.isInvalid()) return std::nullopt;
    return std::pair{range, "static_cast<" + type + ">(" + value + ")"};
  }
};

}  // namespace

std::unique_ptr<Check> make_c_style_cast_check() { return std::make_unique<CStyleCast>(); }

}  // namespace retort::lint
