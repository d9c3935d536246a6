#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/SmallVector.h>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

// The lines of `body` that hold code: a comment that explains an algorithm (with an
// ASCII diagram, as double-conversion's RoundWeed has), a blank line, a preprocessor
// line (pugixml's `#ifdef PUGIXML_COMPACT` around its variants) and the body's own
// braces on lines of their own are no step.
// `{` or `}` with at most a comment after it.
bool is_only_brace(llvm::StringRef line, char brace) {
  if (!line.consume_front(llvm::StringRef(&brace, 1))) return false;
  line = line.trim();
  return line.empty() || line.starts_with("//") || line.starts_with("/*");
}

unsigned code_lines(const clang::SourceManager& manager, const clang::Stmt& body) {
  clang::SourceLocation begin = manager.getExpansionLoc(body.getBeginLoc());
  clang::SourceLocation end = manager.getExpansionLoc(body.getEndLoc());
  auto [file, first] = manager.getDecomposedLoc(begin);
  auto [end_file, last] = manager.getDecomposedLoc(end);
  if (file != end_file || last < first) return 0;
  llvm::StringRef text = manager.getBufferData(file).slice(first, last + 1);
  llvm::SmallVector<llvm::StringRef> lines;
  text.split(lines, '\n');
  unsigned count = 0;
  bool in_block_comment = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    llvm::StringRef line = lines[i].trim();
    if (in_block_comment) {
      in_block_comment = !line.contains("*/");
      continue;
    }
    bool is_own_brace =
        (i == 0 && is_only_brace(line, '{')) || (i + 1 == lines.size() && is_only_brace(line, '}'));
    if (is_own_brace || line.starts_with("#")) continue;
    if (line.empty() || line.starts_with("//")) continue;
    if (line.starts_with("/*")) {
      in_block_comment = !line.contains("*/");
      continue;
    }
    ++count;
  }
  return count;
}

class FunctionLength : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/function-length",
        "readability",
        Priority::normal,
        "A function body is longer than a screen.",
        "A function that does not fit on a screen cannot be read at once: the reader "
        "scrolls and forgets. Long functions usually do several things; name each "
        "thing by extracting it. Lines of code between the body's braces are counted: "
        "blank lines, comments (an algorithm explained at length is a good thing) and "
        "preprocessor lines are not.\n\n"
        "Bad: one 120-line `load_config()` that reads, parses, validates and applies.\n\n"
        "Good: `load_config()` calling `read_file()`, `parse()`, `validate()` and "
        "`apply()`, each a few lines.",
        {{"max_lines", 50, "The most lines of code a function body may have."}}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context,
             functionDecl(isDefinition(), unless(isImplicit()), unless(isTemplateInstantiation()))
                 .bind("f"),
             [this, &context](const MatchResult& result) {
               const auto* function = result.Nodes.getNodeAs<clang::FunctionDecl>("f");
               const clang::Stmt* body = function->getBody();
               if (body == nullptr || !context.is_project_location(function->getLocation())) return;
               const auto& manager = *result.SourceManager;
               unsigned lines = code_lines(manager, *body);
               auto limit = context.param(info(), "max_lines");
               if (static_cast<std::int64_t>(lines) <= limit) return;
               context.report(info(), function_location(*function, *body),
                              "function '" + function->getNameAsString() + "' has " +
                                  std::to_string(lines) + " lines of code (at most " +
                                  std::to_string(limit) + "); split it into named steps");
             });
  }
};

}  // namespace

std::unique_ptr<Check> make_function_length_check() { return std::make_unique<FunctionLength>(); }

}  // namespace retort::lint
