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

// Whether `function`'s name contains one of the comma-separated `words`, any case.
bool says_it_prints(const std::string& function, const std::string& words) {
  std::string name = llvm::StringRef(function).lower();
  llvm::SmallVector<llvm::StringRef> parts;
  llvm::StringRef(words).split(parts, ',', -1, false);
  return std::any_of(parts.begin(), parts.end(), [&](llvm::StringRef word) {
    return name.find(word.trim().lower()) != std::string::npos;
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
        "benchmarks, the paths in `allowed_paths`, functions whose name says they print "
        "(`printing_functions`), functions that end the program (a fatal message before "
        "`exit` or `abort`) and logging macros may print.\n\n"
        "Bad: `std::cerr << \"parsed \" << n << \" items\\n\";` in `src/parser.cpp`.\n\n"
        "Good: `return ParseResult{items};` and let the CLI print the count.",
        {{"allowed_paths", std::string("*test*,*bench*,*example*,cli/*,tools/*,apps/*"),
          "Comma-separated globs of files (relative to the project root) that may print."},
         {"printing_functions", std::string("print,show,dump,usage,help,display,log,report"),
          "Comma-separated words: a function whose qualified name contains one (any "
          "case) prints by design, as gflags' ShowUsage does for --help and glog's "
          "LogFileObject::Write does when no log file can be made."}}};
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
    // A function that ends the program (exit, abort, a [[noreturn]] call) may say why
    // first: returning the data is not an option there.
    // A pointer called as the exit hook (gflags' `gflags_exitfunc`) counts by its name.
    auto ends_the_program = hasDescendant(callExpr(
        callee(namedDecl(anyOf(functionDecl(isNoReturn()),
                               hasAnyName("::exit", "::abort", "::_exit", "::quick_exit",
                                          "::std::exit", "::std::abort", "::std::quick_exit"),
                               varDecl(matchesName("(exit|abort|die|fatal)[a-z_]*$")))))));
    on_match(finder, context,
             functionDecl(isDefinition(), unless(isMain()), unless(ends_the_program),
                          forEachDescendant(expr(printing).bind("print")))
                 .bind("function"),
             [this, &context](const MatchResult& result) {
               const auto* print = result.Nodes.getNodeAs<clang::Expr>("print");
               const auto* function = result.Nodes.getNodeAs<clang::FunctionDecl>("function");
               auto location = print->getBeginLoc();
               const auto& manager = context.source_manager();
               if (!context.is_project_location(location) ||
                   is_in_program_file(*result.Context, manager, location))
                 return;
               // A logging macro's body (`#define LOG(x) std::cerr << ...`) writes it:
               // that is the project's logging, not output left in this function.
               if (is_in_macro_body(manager, location)) return;
               if (matches_paths_param(context, info(), "allowed_paths", location) ||
                   says_it_prints(function->getQualifiedNameAsString(),
                                  context.word_param(info(), "printing_functions")))
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
