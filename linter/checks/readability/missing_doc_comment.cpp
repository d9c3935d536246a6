#include <filesystem>

#include <clang/AST/ASTContext.h>
#include <clang/Basic/SourceManager.h>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

bool is_hidden(const clang::Decl& decl) {
  return decl.getAccess() == clang::AS_private || decl.getAccess() == clang::AS_protected;
}

// Public API: reachable from outside (not in an anonymous, detail, internal or impl
// namespace, not private or protected, nor inside a class that is, not `static` in a
// header), and not what nobody documents: special members (destructor, default,
// copy and move), an override (its base's doc serves), an overload whose sibling
// just above is documented.
bool is_public_api(const clang::Decl& decl) {
  if (is_hidden(decl)) return false;
  for (const clang::DeclContext* context = decl.getDeclContext(); context != nullptr;
       context = context->getParent()) {
    if (const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(context)) {
      if (is_hidden(*record)) return false;
    }
    const auto* space = llvm::dyn_cast<clang::NamespaceDecl>(context);
    if (space == nullptr) continue;
    if (space->isAnonymousNamespace() || space->getName() == "detail" ||
        space->getName() == "internal" || space->getName() == "impl") {
      return false;
    }
  }
  if (const auto* function = llvm::dyn_cast<clang::FunctionDecl>(&decl)) {
    if (function->getStorageClass() == clang::SC_Static && !function->isCXXClassMember())
      return false;
  }
  if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(&decl)) {
    if (llvm::isa<clang::CXXDestructorDecl>(method) || method->isCopyAssignmentOperator() ||
        method->isMoveAssignmentOperator() || method->size_overridden_methods() > 0) {
      return false;
    }
    if (const auto* constructor = llvm::dyn_cast<clang::CXXConstructorDecl>(method)) {
      if (constructor->isCopyOrMoveConstructor() || constructor->isDefaultConstructor())
        return false;
    }
  }
  return true;
}

// An overload group shares one comment: pugixml documents `operator==` and writes
// `operator!=`, `operator<`, ... on the lines below it. Read in the text (the lines
// above that declare the same name, then a comment), as the AST has no cheap way to
// the previous sibling in a large unit.
bool follows_a_documented_sibling(const clang::SourceManager& manager,
                                  const clang::NamedDecl& decl) {
  const auto* function = llvm::dyn_cast<clang::FunctionDecl>(&decl);
  if (function == nullptr) return false;
  std::string name = function->isOverloadedOperator() ? "operator" : decl.getNameAsString();
  clang::SourceLocation start = manager.getExpansionLoc(decl.getBeginLoc());
  auto [file, offset] = manager.getDecomposedLoc(start);
  llvm::StringRef text = manager.getBufferData(file);
  std::size_t line_start = text.rfind('\n', offset);  // before `offset`
  bool is_in_group = false;
  for (int lines = 0; line_start != llvm::StringRef::npos && line_start > 0 && lines < 20;
       ++lines) {
    std::size_t previous_start = text.rfind('\n', line_start);
    previous_start = previous_start == llvm::StringRef::npos ? 0 : previous_start + 1;
    llvm::StringRef previous = text.slice(previous_start, line_start).trim();
    if (previous.starts_with("//") || previous.ends_with("*/")) return is_in_group;
    if (previous.find(name) == llvm::StringRef::npos) return false;
    is_in_group = true;
    line_start = previous_start == 0 ? llvm::StringRef::npos : previous_start - 1;  // its '\n'
  }
  return false;
}

constexpr const char* default_private_paths =
    "**/internal/**,**/detail/**,**/details/**,**/impl/**,**/private/**,**/*test*,"
    "**/*-inl.h,**/*_inl.h,**/*-inl.hpp,**/*_impl.h,**/*_impl.hpp,**/*internal*";

// A project that publishes its API from an `include/` folder (leveldb) keeps every
// other header for itself; without one (pugixml keeps its one public header in src/),
// any header may be API. A file with a source extension (pugixml's .cpp, included in
// header-only mode) is an implementation, whoever includes it.
bool is_beside_sources(const CheckContext& context, clang::SourceLocation location) {
  std::string relative = context.project_path(location);
  if (is_cpp_source(relative) && !is_cpp_header(relative)) return true;
  if (matches_any_glob(relative, {"include/**", "**/include/**"})) return false;
  const auto& manager = context.source_manager();
  std::string file = manager.getFilename(manager.getExpansionLoc(location)).str();
  std::filesystem::path absolute = std::filesystem::absolute(file).lexically_normal();
  std::string text = absolute.string();
  if (text.size() <= relative.size()) return false;
  std::filesystem::path root = text.substr(0, text.size() - relative.size());
  std::error_code error;
  return std::filesystem::is_directory(root / "include", error);
}

class MissingDocComment : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/missing-doc-comment",
        "readability",
        Priority::low,
        "A public class or function in a header has no comment at all.",
        "A header is a promise to other code; its reader should not have to open the "
        "implementation to learn what a function returns or what a class is for. Say "
        "it in a `///` comment: what it does, each parameter, the result, and an "
        "example where it helps (`retort doc-grade` grades exactly this).\n\n"
        "Bad: `std::string hexify(const std::string& name);`\n\n"
        "Good: `/// Returns \\`name\\` with \\`_ex\\` appended.` above it.\n\n"
        "Only what a user of the library sees counts: not headers in `private_paths` (an "
        "`internal/` or `detail/` folder, test headers, `-inl.h` implementation headers), "
        "nor any header outside `include/` when the project has an `include/` folder for "
        "its API, nor files with a source extension; not `static` functions, members of "
        "private classes, special members, overrides, nor an overload right below its "
        "documented sibling. A plain `//` comment above a declaration counts as its "
        "documentation here (`retort doc-grade` grades `///` docs). Low priority: shown "
        "with `--strict`.",
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
      // pugixml and leveldb document their API in plain `//` comments: the author
      // did say what it is for (retort doc-grade asks for `///`).
      if (!comment_above(context.source_manager(), *decl).empty() ||
          follows_a_documented_sibling(context.source_manager(), *decl))
        return;
      bool is_class = llvm::isa<clang::CXXRecordDecl>(decl);
      context.report(info(), decl->getLocation(),
                     std::string(is_class ? "public class '" : "public function '") +
                         decl->getNameAsString() +
                         "' has no doc comment; say what it is for in a /// comment");
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_missing_doc_comment_check() {
  return std::make_unique<MissingDocComment>();
}

}  // namespace retort::lint
