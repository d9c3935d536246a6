#include <algorithm>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

// A file that defines `main` is a program: its usage text, its helpers' reports and
// its lambdas print for the user, as `main` itself does.
bool is_in_program_file(clang::ASTContext& ast, const clang::SourceManager& manager,
                        clang::SourceLocation location) {
  clang::FileID file = manager.getFileID(manager.getExpansionLoc(location));
  auto found = ast.getTranslationUnitDecl()->lookup(&ast.Idents.get("main"));
  return std::any_of(found.begin(), found.end(), [&](const clang::NamedDecl* decl) {
    const auto* function = llvm::dyn_cast<clang::FunctionDecl>(decl);
    const clang::FunctionDecl* definition = nullptr;
    return function != nullptr && function->isMain() && function->hasBody(definition) &&
           manager.getFileID(manager.getExpansionLoc(definition->getLocation())) == file;
  });
}

class DebugOutput : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/debug-output",
        "warning",
        Priority::high,
        "Library code writes to standard output or standard error.",
        "A library cannot know whether its caller has a terminal, a log file, a JSON "
        "protocol on stdout or a GUI: a stray `std::cerr << \"here\"` corrupts the first "
        "and is lost in the others. It is usually debugging output that was never "
        "removed. Return the information, log through the caller's logger, or move the "
        "printing to the application. Programs (a file that defines `main`), tests, "
        "benchmarks and the paths in `allowed_paths` may print.\n\n"
        "Bad: `std::cerr << \"parsed \" << n << \" items\\n\";` in `src/parser.cpp`.\n\n"
        "Good: `return ParseResult{items};` and let the CLI print the count.",
        {{"allowed_paths", std::string("*test*,*bench*,*example*,cli/*,tools/*,apps/*"),
          "Comma-separated globs of files (relative to the project root) that may print."}}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    auto standard_stream = declRefExpr(to(
        varDecl(hasAnyName("::std::cout", "::std::cerr", "::std::clog", "::stdout", "::stderr"))));
    auto printing = anyOf(
        cxxOperatorCallExpr(hasOverloadedOperatorName("<<"), hasArgument(0, standard_stream)),
        callExpr(
            callee(functionDecl(hasAnyName("::printf", "::puts", "::std::printf", "::std::puts")))),
        callExpr(callee(functionDecl(hasAnyName("::fprintf", "::fputs", "::std::fprintf"))),
                 hasArgument(0, ignoringParenImpCasts(standard_stream))));
    on_match(finder, context,
             functionDecl(isDefinition(), unless(isMain()),
                          forEachDescendant(expr(printing).bind("print"))),
             [this, &context](const MatchResult& result) {
               const auto* print = result.Nodes.getNodeAs<clang::Expr>("print");
               auto location = print->getBeginLoc();
               if (!context.is_project_location(location) ||
                   is_in_program_file(*result.Context, context.source_manager(), location))
                 return;
               if (matches_paths_param(context, info(), "allowed_paths", location)) return;
               context.report(info(), location,
                              "output to the console from library code; return the data or "
                              "log it through the caller");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_debug_output_check() { return std::make_unique<DebugOutput>(); }

}  // namespace retort::lint
