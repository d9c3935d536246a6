#pragma once

// Walks one parsed translation unit and turns the public declarations of the wanted
// headers into Symbols.

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>

#include "retort/docgen/extract.hpp"

namespace clang {
class ASTContext;
class CXXMethodDecl;
class CXXRecordDecl;
class Decl;
class DeclContext;
class EnumDecl;
class FileID;
class FunctionDecl;
class NamedDecl;
class NamespaceDecl;
class QualType;
class RawComment;
class SourceLocation;
class VarDecl;
}  // namespace clang

namespace retort::doc {

// What a header's walk produced.
struct HeaderSymbols {
  std::vector<Symbol> symbols;
  // Other files whose doc comments these symbols use (absolute paths).
  std::set<std::filesystem::path> doc_files;
};

class ApiCollector {
 public:
  // `working_directory` resolves the relative file names Clang opened.
  ApiCollector(clang::ASTContext& ast, const ExtractRequest& request,
               const std::set<std::filesystem::path>& wanted_headers,
               std::filesystem::path working_directory);

  // Walks the whole translation unit.
  void collect();

  // The symbols found, by absolute header path.
  std::map<std::filesystem::path, HeaderSymbols> by_header;

 private:
  // Where a declaration sits: enclosing names that matter to grading.
  struct Scope {
    bool is_top_level = true;
    bool looks_internal = false;
  };
  struct DocComment {
    std::string text;
    std::filesystem::path file;
    // The comment's start, as a raw clang::SourceLocation (0: none).
    unsigned begin = 0;
  };

  unsigned visit_context(const clang::DeclContext* context, const Scope& scope);
  unsigned visit(const clang::Decl* decl, const Scope& scope);
  unsigned visit_namespace(const clang::NamespaceDecl* ns, const Scope& scope);
  unsigned visit_record(const clang::CXXRecordDecl* record, const clang::Decl* outer,
                        const Scope& scope);
  unsigned visit_function(const clang::FunctionDecl* function, const clang::Decl* outer,
                          const Scope& scope);
  unsigned visit_enum(const clang::EnumDecl* enumeration, const Scope& scope);
  unsigned visit_variable(const clang::VarDecl* variable, const clang::Decl* outer,
                          const Scope& scope);
  unsigned visit_alias(const clang::NamedDecl* alias, const clang::Decl* outer, const Scope& scope);

  // The header `location` is in, when it is one of the wanted headers.
  const std::filesystem::path* wanted_header(clang::SourceLocation location);
  std::filesystem::path file_of(clang::FileID file) const;
  // The doc comment of `decl` (or a trailing `///<` after it); `any_redeclaration`
  // also looks at its other declarations.
  DocComment doc_comment(const clang::Decl* decl, bool any_redeclaration);
  DocComment inherited_doc(const clang::FunctionDecl* function);
  std::vector<const clang::CXXMethodDecl*> overridden_methods(
      const clang::CXXMethodDecl* method) const;
  const clang::RawComment* trailing_comment(const clang::Decl* decl) const;
  const clang::RawComment* comment_before_macro(const clang::Decl* decl) const;
  // Whether `// retort: nodoc` is on the line before the declaration (or its doc
  // comment) or on the declaration's first line.
  bool has_nodoc_marker(const clang::Decl* outer, const DocComment& doc) const;
  // Whether the declaration is left out: opted out, or a doc that says `@private`.
  bool is_opted_out(const clang::Decl* outer, const DocComment& doc) const;
  Symbol make_symbol(SymbolKind kind, const clang::NamedDecl* decl, const Scope& scope,
                     DocComment doc);
  void emit(const std::filesystem::path& header, Symbol symbol, const DocComment& doc);
  std::string type_name(const clang::QualType& type) const;
  bool is_trivial_accessor(const clang::FunctionDecl* function) const;
  std::vector<ProtocolMessage> protocol_of(const clang::CXXRecordDecl* actor);
  bool is_documented_message(const clang::CXXRecordDecl* actor, const std::string& kind,
                             const clang::QualType& message);
  bool is_internal_namespace(llvm::StringRef name) const;

  clang::ASTContext& ast_;
  const ExtractRequest& request_;
  const std::set<std::filesystem::path>& wanted_headers_;
  std::filesystem::path working_directory_;
  llvm::DenseMap<unsigned, const std::filesystem::path*> wanted_by_file_id_;
};

}  // namespace retort::doc
