#include <filesystem>

#include <clang/AST/ASTContext.h>
#include <clang/Basic/SourceManager.h>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

// Public API: not in an anonymous, detail or internal namespace, not private or
// protected, and not a special member nobody documents (destructor, copy/move).
bool is_public_api(const clang::Decl& decl) {
  if (decl.getAccess() == clang::AS_private || decl.getAccess() == clang::AS_protected)
    return false;
  for (const clang::DeclContext* context = decl.getDeclContext(); context != nullptr;
       context = context->getParent()) {
    const auto* space = llvm::dyn_cast<clang::NamespaceDecl>(context);
    if (space == nullptr) continue;
    if (space->isAnonymousNamespace() || space->getName() == "detail" ||
        space->getName() == "internal") {
      return false;
    }
  }
  if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(&decl)) {
    if (llvm::isa<clang::CXXDestructorDecl>(method) || method->isCopyAssignmentOperator() ||
        method->isMoveAssignmentOperator()) {
      return false;
    }
    if (const auto* constructor = llvm::dyn_cast<clang::CXXConstructorDecl>(method)) {
      if (constructor->isCopyOrMoveConstructor()) return false;
    }
  }
  return true;
}

constexpr const char* default_private_paths =
    "**/internal/**,**/detail/**,**/details/**,**/impl/**,**/private/**,**/test/**,"
    "**/tests/**,**/testing/**,**/*-inl.h,**/*_inl.h,**/*-inl.hpp,**/*_impl.h,**/*_impl.hpp";

// A header in `src/` beside the sources is the implementation's when the project
// publishes its API from an `include/` folder; without one (pugixml keeps its one
// public header in src/), src/ is where the API is.
bool is_beside_sources(const CheckContext& context, clang::SourceLocation location) {
  std::string relative = context.project_path(location);
  if (!matches_any_glob(relative, {"**/src/**", "**/source/**"})) return false;
  const auto& manager = context.source_manager();
  std::string file = manager.getFilename(manager.getExpansionLoc(location)).str();
  std::filesystem::path absolute = std::filesystem::absolute(file).lexically_normal();
  std::string text = absolute.string();
  if (text.size() <= relative.size()) return false;
  std::filesystem::path root = text.substr(0, text.size() - relative.size());
  std::error_code error;
  return std::filesystem::is_directory(root / "include", error);
}

// Whether the line above `decl` (its template line aside) is a `//` or `/* */` comment.
bool has_plain_comment_above(const clang::SourceManager& manager, const clang::Decl& decl) {
  clang::SourceLocation start = manager.getExpansionLoc(decl.getBeginLoc());
  auto [file, offset] = manager.getDecomposedLoc(start);
  llvm::StringRef text = manager.getBufferData(file);
  std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  if (line_start == llvm::StringRef::npos || line_start == 0) return false;
  std::size_t previous_start = text.rfind('\n', line_start - 1);
  previous_start = previous_start == llvm::StringRef::npos ? 0 : previous_start + 1;
  llvm::StringRef previous = text.slice(previous_start, line_start).trim();
  return previous.starts_with("//") || previous.ends_with("*/");
}

class MissingDocComment : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/missing-doc-comment",
        "readability",
        Priority::normal,
        "A public class or function in a header has no doc comment.",
        "A header is a promise to other code; its reader should not have to open the "
        "implementation to learn what a function returns or what a class is for. Say "
        "it in a `///` comment: what it does, each parameter, the result, and an "
        "example where it helps (`retort doc-grade` grades exactly this).\n\n"
        "Bad: `std::string hexify(const std::string& name);`\n\n"
        "Good: `/// Returns \\`name\\` with \\`_ex\\` appended.` above it.\n\n"
        "Headers in `private_paths` (an `internal/`, `detail/` or `tests/` folder, `-inl.h` "
        "implementation headers) are not public API, nor are headers beside the sources "
        "in `src/` when the project has an `include/` folder for its API.",
        {{"private_paths", std::string(default_private_paths),
          "Comma-separated globs of headers (relative to the project root) that are not "
          "public API."}}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    auto api = decl(anyOf(functionDecl(unless(isImplicit()), unless(isTemplateInstantiation()),
                                       unless(isDeleted()), unless(isDefaulted())),
                          cxxRecordDecl(isDefinition(), unless(isImplicit()), unless(isLambda()),
                                        unless(isTemplateInstantiation()))),
                    unless(isExpansionInMainFile()))
                   .bind("d");
    on_match(finder, context, api, [this, &context](const MatchResult& result) {
      const auto* decl = result.Nodes.getNodeAs<clang::NamedDecl>("d");
      // Local classes are not API. (Asked of the decl, not with a hasAncestor
      // matcher: that builds the parent map, which is quadratic on large units.)
      if (decl == nullptr || !decl->isFirstDecl() || decl->getParentFunctionOrMethod() != nullptr ||
          !context.is_project_location(decl->getLocation()))
        return;
      if (!is_public_api(*decl) || result.Context->getRawCommentForDeclNoCache(decl) != nullptr ||
          matches_paths_param(context, info(), "private_paths", decl->getLocation()) ||
          is_beside_sources(context, decl->getLocation()))
        return;
      bool is_class = llvm::isa<clang::CXXRecordDecl>(decl);
      std::string what = std::string(is_class ? "public class '" : "public function '") +
                         decl->getNameAsString() + "'";
      // pugixml documents its API in plain `//` comments: say why those do not count.
      context.report(info(), decl->getLocation(),
                     has_plain_comment_above(context.source_manager(), *decl)
                         ? what +
                               " has a plain // comment above it, not a /// doc comment: "
                               "doc tools (retort doc-grade, Doxygen, IDEs) read only ///"
                         : what + " has no doc comment; say what it is for in a /// comment");
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_missing_doc_comment_check() {
  return std::make_unique<MissingDocComment>();
}

}  // namespace retort::lint
