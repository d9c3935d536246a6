#include <clang/AST/RecursiveASTVisitor.h>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class MagicNumber : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/magic-number",
        "readability",
        Priority::low,
        "A number in code says nothing about what it means.",
        "`if (retries > 7)` makes the reader guess why 7, and the next person to change "
        "it must find every other 7 that means the same thing. Name it: a constant "
        "says what it is, once. 0, 1 and 2 (and `-1`) are exempt, as are numbers that "
        "initialise a named constant or a designated field (`{.timeout = 60}`), "
        "enumerators, template arguments, array sizes and numbers with a unit (`100ms`). Function "
        "bodies are checked, test files are not.\n\n"
        "Bad: `std::this_thread::sleep_for(std::chrono::milliseconds(250));`\n\n"
        "Good: `constexpr auto poll_interval = 250ms; sleep_for(poll_interval);`",
        {{"max_exempt", 2, "Integers from 0 up to this value are never reported."}}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_function_body(
        finder, context,
        [this, &context](const clang::FunctionDecl& function, const clang::Stmt& body) {
          if (is_in_test_file(context, function.getLocation())) return;
          LiteralFinder literals;
          literals.TraverseStmt(const_cast<clang::Stmt*>(&body));
          for (const clang::Expr* number : literals.numbers) {
            if (number->getBeginLoc().isMacroID() || is_exempt(*number, context)) continue;
            context.report(info(), number->getBeginLoc(),
                           "magic number " + text_of(*number) +
                               "; name it with a constexpr constant that says what "
                               "it is");
          }
        });
  }

 private:
  // Collects the literals of a body top-down, skipping the places where a number
  // names itself: named constants, types (array sizes, template arguments), numbers
  // with a unit, static_asserts. Top-down because asking each literal for its
  // ancestors builds Clang's parent map, which is quadratic on large units.
  struct LiteralFinder : clang::RecursiveASTVisitor<LiteralFinder> {
    std::vector<const clang::Expr*> numbers;

    bool VisitIntegerLiteral(clang::IntegerLiteral* number) { return record(number); }
    bool VisitFloatingLiteral(clang::FloatingLiteral* number) { return record(number); }
    bool record(const clang::Expr* number) {
      numbers.push_back(number);
      return true;
    }
    bool TraverseVarDecl(clang::VarDecl* variable) {
      clang::QualType type = variable->getType().getNonReferenceType();
      if (variable->isConstexpr() || type.isConstQualified()) return true;
      return RecursiveASTVisitor::TraverseVarDecl(variable);
    }
    bool TraverseTypeLoc(clang::TypeLoc) { return true; }
    bool TraverseTemplateArgumentLoc(const clang::TemplateArgumentLoc&) { return true; }
    bool TraverseUserDefinedLiteral(clang::UserDefinedLiteral*) { return true; }
    bool TraverseStaticAssertDecl(clang::StaticAssertDecl*) { return true; }
    // `{.timeout = 60}`: the field's name says what the number is. Only the written
    // (syntactic) form of an initialiser list is walked: its semantic form holds
    // the same literals without their designators.
    bool TraverseDesignatedInitExpr(clang::DesignatedInitExpr*) { return true; }
    bool TraverseInitListExpr(clang::InitListExpr* list) {
      auto* written = list->isSyntacticForm() ? list : list->getSyntacticForm();
      for (clang::Stmt* item : written->children())
        if (!TraverseStmt(item)) return false;
      return true;
    }
    bool TraverseSubstNonTypeTemplateParmExpr(clang::SubstNonTypeTemplateParmExpr*) { return true; }
  };

  bool is_exempt(const clang::Expr& number, CheckContext& context) const {
    if (const auto* integer = llvm::dyn_cast<clang::IntegerLiteral>(&number)) {
      auto value = integer->getValue();
      return value.getActiveBits() <= 63 &&
             static_cast<std::int64_t>(value.getZExtValue()) <= context.param(info(), "max_exempt");
    }
    double value = llvm::cast<clang::FloatingLiteral>(number).getValueAsApproximateDouble();
    return value == 0.0 || value == 1.0 || value == 2.0 || value == 0.5;
  }

  static std::string text_of(const clang::Expr& number) {
    if (const auto* integer = llvm::dyn_cast<clang::IntegerLiteral>(&number))
      return llvm::toString(integer->getValue(), 10, false);
    llvm::SmallString<16> text;
    llvm::cast<clang::FloatingLiteral>(number).getValue().toString(text);
    return text.str().str();
  }
};

}  // namespace

std::unique_ptr<Check> make_magic_number_check() { return std::make_unique<MagicNumber>(); }

}  // namespace retort::lint
