#include "api_collector.hpp"

#include <algorithm>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/RawCommentList.h>
#include <clang/Basic/SourceManager.h>

#include "retort/core/source_files.hpp"
#include "retort/docgen/doc_text.hpp"

namespace retort::doc {

namespace fs = std::filesystem;

namespace {

// Namespace names that look internal without being excluded from the API; their
// contents are graded at a lower priority.
bool looks_internal_name(llvm::StringRef name) {
  static const std::set<std::string, std::less<>> internal_looking{"impl", "details", "internals",
                                                                   "priv", "aux"};
  return internal_looking.count(name.str()) != 0 || name.startswith("_") ||
         name.endswith("_impl") || name.endswith("Impl");
}

bool is_gen_server_base(const clang::CXXBaseSpecifier& base) {
  if (const auto* record = base.getType()->getAsCXXRecordDecl())
    return record->getQualifiedNameAsString() == "retort::GenServer";
  if (const auto* specialization = base.getType()->getAs<clang::TemplateSpecializationType>()) {
    if (const auto* tmpl = specialization->getTemplateName().getAsTemplateDecl())
      return tmpl->getQualifiedNameAsString() == "retort::GenServer";
  }
  return false;
}

// Names as written in the source, without anonymous or inline namespaces.
clang::PrintingPolicy printing_policy(const clang::ASTContext& ast) {
  clang::PrintingPolicy policy(ast.getLangOpts());
  policy.SuppressUnwrittenScope = true;
  return policy;
}

SymbolKind record_kind(const clang::CXXRecordDecl* record) {
  if (std::any_of(record->bases_begin(), record->bases_end(), is_gen_server_base))
    return SymbolKind::actor;
  if (record->isUnion()) return SymbolKind::union_;
  return record->isStruct() ? SymbolKind::struct_ : SymbolKind::class_;
}

// The text between the braces of a body that starts at or after `text`'s beginning,
// or std::nullopt when the declaration ends with `;` first (it has no body here).
std::optional<llvm::StringRef> body_text(llvm::StringRef text) {
  std::size_t open = text.find_first_of("{;");
  if (open == llvm::StringRef::npos || text[open] == ';') return std::nullopt;
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return text.slice(open + 1, i);
  }
  return std::nullopt;
}

}  // namespace

ApiCollector::ApiCollector(clang::ASTContext& ast, const ExtractRequest& request,
                           const std::set<fs::path>& wanted_headers, fs::path working_directory)
    : ast_(ast),
      request_(request),
      wanted_headers_(wanted_headers),
      working_directory_(std::move(working_directory)) {}

void ApiCollector::collect() { visit_context(ast_.getTranslationUnitDecl(), Scope{}); }

fs::path ApiCollector::file_of(clang::FileID file) const {
  auto entry = ast_.getSourceManager().getFileEntryRefForID(file);
  if (!entry) return {};
  fs::path name(entry->getName().str());
  return (name.is_absolute() ? name : working_directory_ / name).lexically_normal();
}

const fs::path* ApiCollector::wanted_header(clang::SourceLocation location) {
  const auto& manager = ast_.getSourceManager();
  clang::FileID file = manager.getFileID(manager.getExpansionLoc(location));
  auto [found, is_new] = wanted_by_file_id_.try_emplace(file.getHashValue(), nullptr);
  if (is_new) {
    auto wanted = wanted_headers_.find(file_of(file));
    if (wanted != wanted_headers_.end()) found->second = &*wanted;
  }
  return found->second;
}

bool ApiCollector::is_internal_namespace(llvm::StringRef name) const {
  const auto& internal = request_.internal_namespaces;
  return std::find(internal.begin(), internal.end(), name.str()) != internal.end();
}

const clang::RawComment* ApiCollector::trailing_comment(const clang::Decl* decl) const {
  const auto& manager = ast_.getSourceManager();
  clang::SourceLocation end = manager.getExpansionLoc(decl->getEndLoc());
  auto [file, offset] = manager.getDecomposedLoc(end);
  const auto* comments = ast_.Comments.getCommentsInFile(file);
  if (!comments) return nullptr;
  auto next = comments->lower_bound(offset);
  if (next == comments->end() || !next->second->isTrailingComment()) return nullptr;
  unsigned end_line = manager.getLineNumber(file, offset);
  unsigned comment_line = manager.getLineNumber(file, next->first);
  return comment_line == end_line ? next->second : nullptr;
}

// Clang attaches no comment to a declaration a macro expands to unless the
// declaration starts the expansion; a doc comment right before the macro's use
// (`/// Gets x.` then `DECLARE_GETTER(x)`) documents it all the same.
const clang::RawComment* ApiCollector::comment_before_macro(const clang::Decl* decl) const {
  if (!decl->getLocation().isMacroID()) return nullptr;
  const auto& manager = ast_.getSourceManager();
  clang::SourceLocation use = manager.getExpansionRange(decl->getBeginLoc()).getBegin();
  auto [file, offset] = manager.getDecomposedLoc(manager.getExpansionLoc(use));
  const auto* comments = ast_.Comments.getCommentsInFile(file);
  if (!comments) return nullptr;
  auto next = comments->lower_bound(offset);
  if (next == comments->begin()) return nullptr;
  const clang::RawComment* before = std::prev(next)->second;
  if (!before->isDocumentation() || before->isTrailingComment()) return nullptr;
  unsigned comment_end = manager.getFileOffset(manager.getExpansionLoc(before->getEndLoc()));
  llvm::StringRef between = manager.getBufferData(file).slice(comment_end, offset);
  return between.trim().empty() ? before : nullptr;
}

ApiCollector::DocComment ApiCollector::doc_comment(const clang::Decl* decl,
                                                   bool any_redeclaration) {
  const clang::RawComment* comment = any_redeclaration ? ast_.getRawCommentForAnyRedecl(decl)
                                                       : ast_.getRawCommentForDeclNoCache(decl);
  if (!comment) comment = trailing_comment(decl);
  if (!comment) comment = comment_before_macro(decl);
  if (!comment) return {};
  const auto& manager = ast_.getSourceManager();
  DocComment doc;
  doc.text = comment->getFormattedText(manager, manager.getDiagnostics());
  clang::SourceLocation begin = manager.getExpansionLoc(comment->getBeginLoc());
  doc.file = file_of(manager.getFileID(begin));
  doc.begin = begin.getRawEncoding();
  // A comment whose text is empty (`///` alone) documents nothing.
  if (doc.text.find_first_not_of(" \t\n") == std::string::npos) return {};
  return doc;
}

bool ApiCollector::has_nodoc_marker(const clang::Decl* outer, const DocComment& doc) const {
  constexpr llvm::StringLiteral marker = "retort: nodoc";
  const auto& manager = ast_.getSourceManager();
  auto [file, offset] = manager.getDecomposedLoc(manager.getExpansionLoc(outer->getBeginLoc()));
  llvm::StringRef buffer = manager.getBufferData(file);
  // The declaration's first line.
  std::size_t line_start = buffer.rfind('\n', offset);
  line_start = line_start == llvm::StringRef::npos ? 0 : line_start + 1;
  std::size_t line_end = std::min(buffer.find('\n', offset), buffer.size());
  if (buffer.slice(line_start, line_end).contains(marker)) return true;
  // The line before it, or before its doc comment when that comment is in this file.
  std::size_t first_line = line_start;
  auto [doc_file, doc_offset] =
      manager.getDecomposedLoc(clang::SourceLocation::getFromRawEncoding(doc.begin));
  if (doc.begin != 0 && doc_file == file && doc_offset < offset) {
    std::size_t doc_line = buffer.rfind('\n', doc_offset);
    first_line = doc_line == llvm::StringRef::npos ? 0 : doc_line + 1;
  }
  if (first_line == 0) return false;
  std::size_t previous_start = buffer.rfind('\n', first_line - 1);
  previous_start = previous_start == llvm::StringRef::npos ? 0 : previous_start + 1;
  return buffer.slice(previous_start, first_line).contains(marker);
}

bool ApiCollector::is_opted_out(const clang::Decl* outer, const DocComment& doc) const {
  return is_marked_private(doc.text) || has_nodoc_marker(outer, doc);
}

std::string ApiCollector::type_name(const clang::QualType& type) const {
  return type.getAsString(printing_policy(ast_));
}

Symbol ApiCollector::make_symbol(SymbolKind kind, const clang::NamedDecl* decl, const Scope& scope,
                                 DocComment doc) {
  const auto& manager = ast_.getSourceManager();
  Symbol symbol;
  symbol.kind = kind;
  llvm::raw_string_ostream name(symbol.name);
  decl->printQualifiedName(name, printing_policy(ast_));
  name.flush();
  clang::SourceLocation location = manager.getExpansionLoc(decl->getLocation());
  symbol.line = manager.getExpansionLineNumber(location);
  symbol.is_top_level = scope.is_top_level;
  symbol.looks_internal = scope.looks_internal || looks_internal_name(decl->getName());
  symbol.doc = std::move(doc.text);
  if (!doc.file.empty()) symbol.doc_file = display_path(doc.file, request_.display_root);
  return symbol;
}

void ApiCollector::emit(const fs::path& header, Symbol symbol, const DocComment& doc) {
  symbol.file = display_path(header, request_.display_root);
  auto& found = by_header[header];
  if (!doc.file.empty() && doc.file != header) found.doc_files.insert(doc.file);
  found.symbols.push_back(std::move(symbol));
}

unsigned ApiCollector::visit_context(const clang::DeclContext* context, const Scope& scope) {
  unsigned members = 0;
  for (const clang::Decl* decl : context->decls()) members += visit(decl, scope);
  return members;
}

unsigned ApiCollector::visit(const clang::Decl* decl, const Scope& scope) {
  if (decl->isImplicit() || decl->getAccess() == clang::AS_private) return 0;
  if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(decl))
    return visit_namespace(ns, scope);
  if (const auto* linkage = llvm::dyn_cast<clang::LinkageSpecDecl>(decl))
    return visit_context(linkage, scope);
  if (const auto* tmpl = llvm::dyn_cast<clang::ClassTemplateDecl>(decl))
    return visit_record(tmpl->getTemplatedDecl(), tmpl, scope);
  // Specialisations document nothing new: the primary template is the API.
  if (llvm::isa<clang::ClassTemplateSpecializationDecl, clang::VarTemplateSpecializationDecl>(decl))
    return 0;
  if (const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(decl))
    return visit_record(record, record, scope);
  if (const auto* tmpl = llvm::dyn_cast<clang::FunctionTemplateDecl>(decl))
    return visit_function(tmpl->getTemplatedDecl(), tmpl, scope);
  if (const auto* function = llvm::dyn_cast<clang::FunctionDecl>(decl))
    return visit_function(function, function, scope);
  if (const auto* enumeration = llvm::dyn_cast<clang::EnumDecl>(decl))
    return visit_enum(enumeration, scope);
  if (const auto* tmpl = llvm::dyn_cast<clang::TypeAliasTemplateDecl>(decl))
    return visit_alias(tmpl->getTemplatedDecl(), tmpl, scope);
  if (const auto* alias = llvm::dyn_cast<clang::TypedefNameDecl>(decl))
    return visit_alias(alias, alias, scope);
  if (const auto* tmpl = llvm::dyn_cast<clang::VarTemplateDecl>(decl))
    return visit_variable(tmpl->getTemplatedDecl(), tmpl, scope);
  if (const auto* variable = llvm::dyn_cast<clang::VarDecl>(decl))
    return visit_variable(variable, variable, scope);
  // Data members count towards a class's size, though they are not graded.
  return llvm::isa<clang::FieldDecl>(decl) ? 1 : 0;
}

unsigned ApiCollector::visit_namespace(const clang::NamespaceDecl* ns, const Scope& scope) {
  if (ns->isAnonymousNamespace() || is_internal_namespace(ns->getName())) return 0;
  Scope inner = scope;
  inner.looks_internal |= looks_internal_name(ns->getName());
  // An inline namespace is a versioning device (`fmt::v9`): its contents belong to
  // the enclosing namespace, and it is not API of its own.
  if (!ns->isInline()) {
    if (const fs::path* header = wanted_header(ns->getLocation())) {
      DocComment doc = doc_comment(ns, false);
      if (is_opted_out(ns, doc)) return 0;
      emit(*header, make_symbol(SymbolKind::namespace_, ns, scope, doc), doc);
    }
  }
  visit_context(ns, inner);
  return 0;
}

unsigned ApiCollector::visit_record(const clang::CXXRecordDecl* record, const clang::Decl* outer,
                                    const Scope& scope) {
  if (!record->isThisDeclarationADefinition() || record->isLambda() || !record->getIdentifier())
    return 0;
  const fs::path* header = wanted_header(record->getLocation());
  if (!header) return 0;
  DocComment doc = doc_comment(record, true);
  if (is_opted_out(outer, doc)) return 0;
  Symbol symbol = make_symbol(record_kind(record), record, scope, doc);
  Scope inner{.is_top_level = false, .looks_internal = symbol.looks_internal};
  symbol.member_count = visit_context(record, inner);
  if (symbol.kind == SymbolKind::actor) symbol.messages = protocol_of(record);
  emit(*header, std::move(symbol), doc);
  return 1;
}

unsigned ApiCollector::visit_function(const clang::FunctionDecl* function, const clang::Decl* outer,
                                      const Scope& scope) {
  // Out-of-line definitions repeat a declaration already seen; deleted, defaulted
  // and destructors have nothing to document.
  if (function->getPreviousDecl() || function->isDeleted() || function->isExplicitlyDefaulted() ||
      llvm::isa<clang::CXXDestructorDecl, clang::CXXDeductionGuideDecl>(function))
    return 0;
  const fs::path* header = wanted_header(function->getLocation());
  if (!header) return 0;
  DocComment doc = doc_comment(function, true);
  if (is_opted_out(outer, doc)) return 0;
  if (doc.text.empty()) doc = inherited_doc(function);
  bool is_constructor = llvm::isa<clang::CXXConstructorDecl>(function);
  SymbolKind kind = is_constructor                              ? SymbolKind::constructor
                    : llvm::isa<clang::CXXMethodDecl>(function) ? SymbolKind::method
                                                                : SymbolKind::function;
  Symbol symbol = make_symbol(kind, function, scope, doc);
  symbol.signature = "(";
  for (const clang::ParmVarDecl* parameter : function->parameters()) {
    if (symbol.signature.size() > 1) symbol.signature += ", ";
    symbol.signature += type_name(parameter->getType());
    if (!parameter->getName().empty()) symbol.parameters.push_back(parameter->getName().str());
  }
  symbol.signature += ")";
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
  if (method && method->isConst()) symbol.signature += " const";
  symbol.returns_value = !is_constructor && !function->getReturnType()->isVoidType();
  symbol.is_trivial_accessor = is_trivial_accessor(function);
  emit(*header, std::move(symbol), doc);
  return 1;
}

// An override without a doc of its own is documented by the method it overrides, as
// Doxygen's INHERIT_DOCS does: the contract is the base class's.
ApiCollector::DocComment ApiCollector::inherited_doc(const clang::FunctionDecl* function) {
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
  if (!method) return {};
  for (const clang::CXXMethodDecl* overridden : overridden_methods(method)) {
    DocComment doc = doc_comment(overridden, true);
    if (doc.text.empty()) doc = inherited_doc(overridden);
    if (!doc.text.empty()) return doc;
  }
  return {};
}

std::vector<const clang::CXXMethodDecl*> ApiCollector::overridden_methods(
    const clang::CXXMethodDecl* method) const {
  std::vector<const clang::CXXMethodDecl*> found(method->begin_overridden_methods(),
                                                 method->end_overridden_methods());
  // Inside a template a dependent base (`buffer<T>`) is not resolved, so Clang knows no
  // overridden methods: an `override` is matched by name and arity in the bases'
  // templates instead.
  if (!found.empty() || !method->hasAttr<clang::OverrideAttr>() || !method->getIdentifier())
    return found;
  for (const clang::CXXBaseSpecifier& base : method->getParent()->bases()) {
    const clang::CXXRecordDecl* record = base.getType()->getAsCXXRecordDecl();
    if (const auto* specialization = base.getType()->getAs<clang::TemplateSpecializationType>()) {
      const auto* tmpl = llvm::dyn_cast_or_null<clang::ClassTemplateDecl>(
          specialization->getTemplateName().getAsTemplateDecl());
      if (tmpl) record = tmpl->getTemplatedDecl();
    }
    if (!record || !record->hasDefinition()) continue;
    for (const clang::CXXMethodDecl* candidate : record->getDefinition()->methods()) {
      if (candidate->isVirtual() && candidate->getIdentifier() &&
          candidate->getName() == method->getName() &&
          candidate->getNumParams() == method->getNumParams())
        found.push_back(candidate);
    }
  }
  return found;
}

bool ApiCollector::is_trivial_accessor(const clang::FunctionDecl* function) const {
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
  if (!method || !method->isConst() || method->getNumParams() != 0 ||
      method->getReturnType()->isVoidType())
    return false;
  // Bodies are skipped while parsing (extraction does not need them, and it halves
  // the time), so the body is read from the source text after the declarator.
  const auto& manager = ast_.getSourceManager();
  auto [file, offset] = manager.getDecomposedLoc(manager.getExpansionLoc(method->getEndLoc()));
  auto body = body_text(manager.getBufferData(file).substr(offset));
  if (!body) return true;
  llvm::StringRef statement = body->trim();
  return statement.startswith("return ") && statement.count(';') == 1 && statement.endswith(";") &&
         !statement.contains('(');
}

unsigned ApiCollector::visit_enum(const clang::EnumDecl* enumeration, const Scope& scope) {
  if (!enumeration->isThisDeclarationADefinition() || !enumeration->getIdentifier()) return 0;
  const fs::path* header = wanted_header(enumeration->getLocation());
  if (!header) return 0;
  DocComment doc = doc_comment(enumeration, true);
  if (is_opted_out(enumeration, doc)) return 0;
  Symbol symbol = make_symbol(SymbolKind::enum_, enumeration, scope, doc);
  symbol.member_count = static_cast<unsigned>(
      std::distance(enumeration->enumerator_begin(), enumeration->enumerator_end()));
  emit(*header, std::move(symbol), doc);
  return 1;
}

unsigned ApiCollector::visit_variable(const clang::VarDecl* variable, const clang::Decl* outer,
                                      const Scope& scope) {
  // Static data members count towards their class; only namespace-scope variables
  // are graded.
  if (!scope.is_top_level) return 1;
  if (variable->getPreviousDecl()) return 0;
  const fs::path* header = wanted_header(variable->getLocation());
  if (!header) return 0;
  DocComment doc = doc_comment(variable, true);
  if (is_opted_out(outer, doc)) return 0;
  emit(*header, make_symbol(SymbolKind::variable, variable, scope, doc), doc);
  return 1;
}

unsigned ApiCollector::visit_alias(const clang::NamedDecl* alias, const clang::Decl* outer,
                                   const Scope& scope) {
  // An actor's `Protocol` is graded as the actor's messages.
  const auto* owner = llvm::dyn_cast<clang::CXXRecordDecl>(alias->getDeclContext());
  if (owner && alias->getName() == "Protocol" && record_kind(owner) == SymbolKind::actor) return 0;
  const fs::path* header = wanted_header(alias->getLocation());
  if (!header) return 0;
  DocComment doc = doc_comment(alias, true);
  if (is_opted_out(outer, doc)) return 0;
  emit(*header, make_symbol(SymbolKind::alias, alias, scope, doc), doc);
  return 1;
}

std::vector<ProtocolMessage> ApiCollector::protocol_of(const clang::CXXRecordDecl* actor) {
  std::vector<ProtocolMessage> messages;
  for (const clang::Decl* decl : actor->decls()) {
    const auto* alias = llvm::dyn_cast<clang::TypedefNameDecl>(decl);
    if (!alias || alias->getName() != "Protocol") continue;
    const auto* protocol = alias->getUnderlyingType()->getAs<clang::TemplateSpecializationType>();
    if (!protocol) continue;
    for (const clang::TemplateArgument& argument : protocol->template_arguments()) {
      if (argument.getKind() != clang::TemplateArgument::Type) continue;
      const auto* entry = argument.getAsType()->getAs<clang::TemplateSpecializationType>();
      const auto* entry_template = entry ? entry->getTemplateName().getAsTemplateDecl() : nullptr;
      if (!entry_template || entry->template_arguments().empty()) continue;
      std::string kind = entry_template->getName().lower();
      if (kind != "call" && kind != "cast" && kind != "info") continue;
      auto arguments = entry->template_arguments();
      clang::QualType message = arguments[0].getAsType();
      ProtocolMessage described{kind, type_name(message), "", false};
      if (kind == "call" && arguments.size() > 1)
        described.reply = type_name(arguments[1].getAsType());
      described.is_documented = is_documented_message(actor, kind, message);
      messages.push_back(std::move(described));
    }
  }
  return messages;
}

bool ApiCollector::is_documented_message(const clang::CXXRecordDecl* actor, const std::string& kind,
                                         const clang::QualType& message) {
  // The message type's own doc counts when it is the project's; a library's message
  // (e.g. retort::Down) is documented by how this actor handles it.
  if (const auto* type = message->getAsTagDecl()) {
    DocComment doc = doc_comment(type, true);
    if (!doc.text.empty() && is_inside(doc.file, request_.project_root)) return true;
  }
  clang::QualType wanted = message.getCanonicalType().getUnqualifiedType();
  for (const clang::CXXMethodDecl* handler : actor->methods()) {
    if (!handler->getIdentifier() || handler->getName() != "handle_" + kind ||
        handler->getNumParams() == 0)
      continue;
    clang::QualType taken = handler->getParamDecl(0)->getType().getNonReferenceType();
    if (taken.getCanonicalType().getUnqualifiedType() != wanted) continue;
    if (!doc_comment(handler, true).text.empty()) return true;
  }
  return false;
}

}  // namespace retort::doc
