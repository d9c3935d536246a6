#include "retort/linter/ast_check.hpp"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

#include <optional>

namespace retort::lint {
namespace {

// The declaration as written first: its `template <...>` line when it has one.
const clang::Decl& outermost(const clang::Decl& decl) {
  if (const auto* function = llvm::dyn_cast<clang::FunctionDecl>(&decl)) {
    if (const auto* tmpl = function->getDescribedFunctionTemplate()) return *tmpl;
  }
  if (const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(&decl)) {
    if (const auto* tmpl = record->getDescribedClassTemplate()) return *tmpl;
  }
  return decl;
}

// The line that ends just before `end` (the index of its newline), trimmed, and where
// it starts; none at the start of the text.
std::optional<std::pair<llvm::StringRef, std::size_t>> line_before(llvm::StringRef text,
                                                                   std::size_t end) {
  if (end == llvm::StringRef::npos || end == 0) return std::nullopt;
  std::size_t start = text.rfind('\n', end);
  start = start == llvm::StringRef::npos ? 0 : start + 1;
  return std::pair{text.slice(start, end).trim(), start};
}

}  // namespace

std::string comment_above(const clang::SourceManager& manager, const clang::Decl& decl) {
  clang::SourceLocation begin = manager.getExpansionLoc(outermost(decl).getBeginLoc());
  auto [file, offset] = manager.getDecomposedLoc(begin);
  llvm::StringRef text = manager.getBufferData(file);
  const std::size_t comment_end = text.rfind('\n', offset);  // ends the line above
  std::size_t comment_begin = llvm::StringRef::npos;
  std::size_t end = comment_end;
  while (auto line = line_before(text, end)) {
    auto [content, start] = *line;
    if (content.starts_with("//")) {
      comment_begin = start;
      end = start == 0 ? llvm::StringRef::npos : start - 1;
      continue;
    }
    // A `/* */` block right above (not below a run of `//` lines): from its opening.
    if (comment_begin == llvm::StringRef::npos && content.ends_with("*/")) {
      std::size_t open = text.substr(0, end).rfind("/*");
      if (open == llvm::StringRef::npos) break;
      std::size_t newline = text.rfind('\n', open);
      comment_begin = newline == llvm::StringRef::npos ? 0 : newline + 1;
    }
    break;
  }
  if (comment_begin == llvm::StringRef::npos) return "";
  return text.slice(comment_begin, comment_end).str();
}

}  // namespace retort::lint
