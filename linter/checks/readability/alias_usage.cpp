#include <map>

#include <clang/AST/RecursiveASTVisitor.h>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

// The namespaces a qualifier names, outermost first: `llvm::sys::fs::` -> 3 names.
std::vector<std::string> namespace_path(const clang::NestedNameSpecifier* qualifier) {
  std::vector<std::string> path;
  for (; qualifier != nullptr; qualifier = qualifier->getPrefix()) {
    if (const auto* space = qualifier->getAsNamespace()) {
      if (!space->isInline()) path.insert(path.begin(), space->getNameAsString());
    } else if (qualifier->getKind() != clang::NestedNameSpecifier::Global) {
      return {};  // a class or alias in the chain: not what a namespace alias shortens
    }
  }
  return path;
}

// Counts the outermost qualifiers written in one function body.
class QualifierCounter : public clang::RecursiveASTVisitor<QualifierCounter> {
 public:
  struct Use {
    unsigned count = 0;
    clang::SourceLocation first;
  };
  std::map<std::string, Use> uses;
  unsigned min_depth = 2;

  bool TraverseNestedNameSpecifierLoc(clang::NestedNameSpecifierLoc qualifier) {
    if (!qualifier || qualifier.getBeginLoc().isMacroID()) return true;
    auto path = namespace_path(qualifier.getNestedNameSpecifier());
    if (path.size() < min_depth) return true;
    std::string spelled;
    for (const auto& name : path) spelled += (spelled.empty() ? "" : "::") + name;
    Use& use = uses[spelled];
    if (use.count++ == 0) use.first = qualifier.getBeginLoc();
    return true;  // the prefixes of this qualifier are not separate uses
  }
};

class AliasUsage : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/alias-usage",
        "readability",
        Priority::low,
        "A long namespace qualifier is repeated where an alias would shorten it.",
        "Writing `llvm::sys::path::` five times in a function buries the names that "
        "matter under the ones that do not. A namespace alias or a using-declaration "
        "in the function (or the .cpp file) says once where the names come from. "
        "Credo's AliasUsage.\n\n"
        "Bad: `llvm::sys::path::append(p, a); llvm::sys::path::append(p, b); "
        "llvm::sys::path::remove_dots(p);`\n\n"
        "Good: `namespace path = llvm::sys::path; path::append(p, a); ...`",
        {{"min_uses", 3, "Uses in one function after which an alias is suggested."},
         {"min_depth", 2, "How many namespaces deep a qualifier must be (std:: alone is 1)."}}};
    return info;
  }

  void register_matchers(clang::ast_matchers::MatchFinder& finder,
                         CheckContext& context) const override {
    on_function_body(
        finder, context,
        [this, &context](const clang::FunctionDecl& function, const clang::Stmt& body) {
          (void)function;
          QualifierCounter counter;
          counter.min_depth = static_cast<unsigned>(context.param(info(), "min_depth"));
          counter.TraverseStmt(const_cast<clang::Stmt*>(&body));
          auto limit = context.param(info(), "min_uses");
          for (const auto& [qualifier, use] : counter.uses) {
            if (use.count < limit) continue;
            std::string last = qualifier.substr(qualifier.rfind(':') + 1);
            context.report(info(), use.first,
                           "'" + qualifier + "::' is written " + std::to_string(use.count) +
                               " times in this function; add `namespace " + last + " = " +
                               qualifier + ";`");
          }
        });
  }
};

}  // namespace

std::unique_ptr<Check> make_alias_usage_check() { return std::make_unique<AliasUsage>(); }

}  // namespace retort::lint
