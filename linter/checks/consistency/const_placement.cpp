#include <regex>

#include <clang/Lex/Lexer.h>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

// Whether the innermost pointee (or the type itself) is const: the `const` whose
// side is a matter of style.
bool has_const_base(clang::QualType type) {
  type = type.getNonReferenceType();
  while (type->isPointerType()) type = type->getPointeeType();
  return type.isLocalConstQualified();
}

class ConstPlacement : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "consistency/const-placement",
        "consistency",
        Priority::low,
        "`const` is written on the other side of the type than in most of the project.",
        "`const int` (west const) and `int const` (east const) mean the same; mixing them "
        "makes readers stop to check whether they do. The side the project uses most is "
        "its style, and declarations on the other side are reported. With a tie, or a lead "
        "of less than two to one, nothing is reported.\n\n"
        "Bad: `const std::string& name` in one function and `std::string const& name` in "
        "the next.\n\n"
        "Good: one of the two, everywhere.",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context, declaratorDecl(unless(isImplicit())).bind("decl"),
             [this, &context](const MatchResult& result) {
               const auto* decl = result.Nodes.getNodeAs<clang::DeclaratorDecl>("decl");
               const auto* written = decl->getTypeSourceInfo();
               if (written == nullptr || !has_const_base(decl->getType()) ||
                   llvm::isa<clang::FunctionDecl>(decl))
                 return;
               auto style = side_of_const(*decl, *written, *result.SourceManager,
                                          result.Context->getLangOpts());
               if (style.empty()) return;
               context.observe_style(info(), decl->getLocation(), style,
                                     "`const` written " + style +
                                         " the type; the project mostly writes it {majority} "
                                         "the type ({counts})");
             });
  }

 private:
  // "before" for `const T`, "after" for `T const`, "" when no `const` is written
  // next to the type (`constexpr int k` is const without a `const` to place) or it
  // cannot be told (macros).
  static std::string side_of_const(const clang::DeclaratorDecl& decl,
                                   const clang::TypeSourceInfo& written,
                                   const clang::SourceManager& manager,
                                   const clang::LangOptions& language) {
    clang::TypeLoc base = written.getTypeLoc();
    while (true) {
      if (auto reference = base.getAs<clang::ReferenceTypeLoc>()) {
        base = reference.getPointeeLoc();
      } else if (auto pointer = base.getAs<clang::PointerTypeLoc>()) {
        base = pointer.getPointeeLoc();
      } else {
        break;
      }
    }
    clang::SourceLocation start = decl.getOuterLocStart();
    clang::TypeLoc unqualified = base.getUnqualifiedLoc();
    clang::SourceLocation type_start = unqualified.getBeginLoc();
    clang::SourceLocation type_end = unqualified.getEndLoc();
    if (start.isMacroID() || type_start.isMacroID() || type_end.isMacroID() || type_start < start)
      return "";
    auto text_between = [&](clang::SourceLocation from, clang::SourceLocation to) {
      return clang::Lexer::getSourceText(clang::CharSourceRange::getCharRange(from, to), manager,
                                         language)
          .str();
    };
    static const std::regex const_word(R"(\bconst\b)");
    if (std::regex_search(text_between(start, type_start), const_word)) return "before";
    clang::SourceLocation after_type =
        clang::Lexer::getLocForEndOfToken(type_end, 0, manager, language);
    clang::SourceLocation name = decl.getLocation();
    if (after_type.isInvalid() || name.isMacroID() || name < after_type) return "";
    static const std::regex leading_const(R"(^\s*const\b)");
    return std::regex_search(text_between(after_type, name), leading_const) ? "after" : "";
  }
};

}  // namespace

std::unique_ptr<Check> make_const_placement_check() { return std::make_unique<ConstPlacement>(); }

}  // namespace retort::lint
