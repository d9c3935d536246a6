#include <algorithm>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

class BoolArgument : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/bool-argument",
        "readability",
        Priority::low,
        "A call passes `true` or `false` whose meaning the call site does not show.",
        "`render(page, true, false)` cannot be read without opening `render`'s "
        "declaration, and swapping the two flags still compiles. Use an enum with named "
        "values, an options struct with designated initialisers, or at least a "
        "`/*name=*/` comment before the literal (which silences this check). Calls with a "
        "single argument written (`set_visible(true)`, `flag.store(false)`) read fine and "
        "are not reported.\n\n"
        "Bad: `connection.open(host, true);`\n\n"
        "Good: `connection.open(host, Encryption::required);` or "
        "`connection.open(host, /*use_tls=*/true);`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    auto bool_literal = cxxBoolLiteral().bind("flag");
    on_match(finder, context,
             expr(anyOf(callExpr(unless(cxxOperatorCallExpr()),
                                 hasAnyArgument(ignoringParenImpCasts(bool_literal))),
                        cxxConstructExpr(hasAnyArgument(ignoringParenImpCasts(bool_literal)))))
                 .bind("call"),
             [this, &context](const MatchResult& result) {
               const auto* flag = result.Nodes.getNodeAs<clang::CXXBoolLiteralExpr>("flag");
               if (argument_count(*result.Nodes.getNodeAs<clang::Expr>("call")) < 2 ||
                   flag->getBeginLoc().isMacroID() ||
                   has_name_comment(*flag, *result.SourceManager))
                 return;
               context.report(info(), flag->getBeginLoc(),
                              std::string("bare `") + (flag->getValue() ? "true" : "false") +
                                  "` argument; name it with an enum, an options struct or a "
                                  "/*name=*/ comment");
             });
  }

 private:
  // The arguments written at the call: `flag.store(false)` passes one, whatever
  // defaulted parameters follow.
  static unsigned argument_count(const clang::Expr& call) {
    auto written = [](auto arguments) {
      return static_cast<unsigned>(std::count_if(arguments.begin(), arguments.end(), [](auto* a) {
        return !llvm::isa<clang::CXXDefaultArgExpr>(a);
      }));
    };
    if (const auto* function_call = llvm::dyn_cast<clang::CallExpr>(&call))
      return written(function_call->arguments());
    return written(llvm::cast<clang::CXXConstructExpr>(call).arguments());
  }

  // Whether a `/* ... */` comment ends right before the literal.
  static bool has_name_comment(const clang::CXXBoolLiteralExpr& flag,
                               const clang::SourceManager& manager) {
    auto [file, offset] = manager.getDecomposedLoc(flag.getBeginLoc());
    llvm::StringRef buffer = manager.getBufferData(file);
    llvm::StringRef before = buffer.substr(0, offset).rtrim();
    return before.endswith("*/");
  }
};

}  // namespace

std::unique_ptr<Check> make_bool_argument_check() { return std::make_unique<BoolArgument>(); }

}  // namespace retort::lint
