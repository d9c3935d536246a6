#include <llvm/Support/GlobPattern.h>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

// Whether `file` (as diagnostics show it) matches one of the comma-separated globs.
bool matches_any(const std::string& file, const std::string& globs) {
  llvm::StringRef rest = globs;
  while (!rest.empty()) {
    auto [glob, tail] = rest.split(',');
    rest = tail;
    auto pattern = llvm::GlobPattern::create(glob.trim());
    if (pattern && pattern->match(file)) return true;
    if (!pattern) llvm::consumeError(pattern.takeError());
  }
  return false;
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
        "printing to the application. Programs (`main`), tests, benchmarks and the "
        "paths in `allowed_paths` may print.\n\n"
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
               if (!context.is_project_location(location)) return;
               if (matches_any(context.project_path(location),
                               context.word_param(info(), "allowed_paths")))
                 return;
               context.report(info(), location,
                              "output to the console from library code; return the data or "
                              "log it through the caller");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_debug_output_check() { return std::make_unique<DebugOutput>(); }

}  // namespace retort::lint
