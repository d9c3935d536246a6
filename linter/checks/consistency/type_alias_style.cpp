#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class TypeAliasStyle : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "consistency/type-alias-style",
        "consistency",
        Priority::normal,
        "A type alias is declared with the other keyword than in most of the project.",
        "`typedef std::map<K, V> Index;` and `using Index = std::map<K, V>;` mean the "
        "same, but `using` reads left to right, also works for templates, and a "
        "project that mixes them makes readers parse both forms. The form the project "
        "uses most is its style. `typedef`s inside `extern \"C\"` (shared with C) are "
        "not counted. With a tie, or a lead of less than two to one, nothing is reported.\n\n"
        "Bad: `typedef void (*Callback)(int);` beside `using Handler = ...;`\n\n"
        "Good: `using Callback = void (*)(int);`",
        {},
        /*is_cpp_only=*/true};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context, typedefNameDecl(unless(isImplicit())).bind("alias"),
             [this, &context](const MatchResult& result) {
               const auto* alias = result.Nodes.getNodeAs<clang::TypedefNameDecl>("alias");
               if (alias->getLocation().isMacroID() || alias->getDeclContext()->isExternCContext())
                 return;
               std::string style = llvm::isa<clang::TypedefDecl>(alias) ? "typedef" : "using";
               context.observe_style(info(), alias->getLocation(), style,
                                     "'" + alias->getNameAsString() + "' is declared with `" +
                                         style +
                                         "`; the project mostly uses `{majority}` "
                                         "({counts})");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_type_alias_style_check() { return std::make_unique<TypeAliasStyle>(); }

}  // namespace retort::lint
