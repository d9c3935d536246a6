#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using clang::dyn_cast;

bool names_one_of(const clang::NamedDecl* decl, std::initializer_list<llvm::StringRef> names) {
  if (decl == nullptr || decl->getIdentifier() == nullptr) return false;
  return llvm::is_contained(names, decl->getName());
}

// Standard output, standard error, files and sockets, not string streams: building
// a string is computation, not I/O.
bool is_io_stream(const clang::Expr* stream) {
  stream = stream->IgnoreParenImpCasts();
  if (const auto* reference = dyn_cast<clang::DeclRefExpr>(stream)) {
    if (names_one_of(reference->getDecl(), {"cout", "cerr", "clog", "wcout", "wcerr"})) return true;
  }
  const auto* record = stream->getType()->getAsCXXRecordDecl();
  return names_one_of(record, {"basic_ofstream", "basic_ifstream", "basic_fstream"});
}

bool is_io_call(const clang::Stmt* statement) {
  if (const auto* op = dyn_cast<clang::CXXOperatorCallExpr>(statement)) {
    auto kind = op->getOperator();
    return (kind == clang::OO_LessLess || kind == clang::OO_GreaterGreater) &&
           op->getNumArgs() == 2 && is_io_stream(op->getArg(0));
  }
  const auto* call = dyn_cast<clang::CallExpr>(statement);
  return call != nullptr &&
         names_one_of(call->getDirectCallee(),
                      {"printf", "fprintf", "puts", "fputs", "fwrite", "fread", "scanf", "fscanf",
                       "fgets", "fopen", "read", "write", "recv", "send", "getline"});
}

bool is_arithmetic(const clang::Stmt* statement) {
  const auto* binary = dyn_cast<clang::BinaryOperator>(statement);
  return binary != nullptr && (binary->isMultiplicativeOp() || binary->isAdditiveOp() ||
                               binary->isCompoundAssignmentOp());
}

struct Tally {
  const clang::Stmt* first_io = nullptr;
  unsigned arithmetic_in_loops = 0;
};

void tally(const clang::Stmt* statement, bool is_in_loop, Tally& result) {
  if (statement == nullptr || llvm::isa<clang::LambdaExpr>(statement)) return;
  if (result.first_io == nullptr && is_io_call(statement)) result.first_io = statement;
  if (is_in_loop && is_arithmetic(statement)) ++result.arithmetic_in_loops;
  bool is_loop =
      llvm::isa<clang::ForStmt, clang::WhileStmt, clang::DoStmt, clang::CXXForRangeStmt>(statement);
  for (const clang::Stmt* child : statement->children()) {
    // The loop's own counter (`++i`, `i += 2` in the header) is not the computation.
    if (const auto* loop = dyn_cast<clang::ForStmt>(statement); loop && child == loop->getInc())
      continue;
    tally(child, is_in_loop || is_loop, result);
  }
}

class IoWithComputation : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "refactor/io-with-computation",
        "refactor",
        Priority::low,
        "A function both computes a result in loops and does the I/O around it.",
        "Computation mixed with printing or file access can only be tested by capturing "
        "output or creating files, and cannot be reused where the output goes elsewhere. "
        "Move the computation into a pure function that returns its result, and keep "
        "the I/O in a thin caller.\n\n"
        "Bad: `void report(v) { double sum = 0; for (x : v) sum += x * x; std::cout << "
        "sum; }`\n\n"
        "Good: `double sum_of_squares(v)` (pure, tested) and `std::cout << "
        "sum_of_squares(v);`",
        {{"min_operations", 3,
          "Arithmetic operations inside loops that make a function count as computing."}}};
    return info;
  }

  void register_matchers(clang::ast_matchers::MatchFinder& finder,
                         CheckContext& context) const override {
    on_function_body(
        finder, context,
        [this, &context](const clang::FunctionDecl& function, const clang::Stmt& body) {
          if (function.isMain()) return;
          Tally found;
          tally(&body, false, found);
          if (found.first_io == nullptr ||
              found.arithmetic_in_loops < context.param(info(), "min_operations"))
            return;
          context.report(info(), function.getLocation(),
                         "function '" + function.getNameAsString() +
                             "' computes in loops and also does I/O; move the "
                             "computation into a pure function");
        });
  }
};

}  // namespace

std::unique_ptr<Check> make_io_with_computation_check() {
  return std::make_unique<IoWithComputation>();
}

}  // namespace retort::lint
