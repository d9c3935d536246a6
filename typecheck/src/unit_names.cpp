#include "unit_names.hpp"

#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>

namespace retort::typecheck {

std::string UnitNames::absolute_file(clang::SourceLocation expansion) const {
  const auto& sources = context_.getSourceManager();
  auto entry = sources.getFileEntryRefForID(sources.getFileID(expansion));
  if (!entry) return "";
  // Clang names a file relative to its compile command's folder.
  llvm::SmallString<256> name(entry->getName());
  sources.getFileManager().makeAbsolutePath(name);
  return name.str().str();
}

std::string UnitNames::project_file(clang::SourceLocation expansion) const {
  std::string file = absolute_file(expansion);
  return file.empty() ? "" : project_path_(std::filesystem::path(file));
}

std::string UnitNames::file_of(clang::SourceLocation location) const {
  auto expansion = context_.getSourceManager().getExpansionLoc(location);
  std::string shown = project_file(expansion);
  return shown.empty() ? absolute_file(expansion) : shown;
}

std::optional<Place> UnitNames::place_of(clang::SourceLocation location) const {
  const auto& sources = context_.getSourceManager();
  auto expansion = sources.getExpansionLoc(location);
  std::string shown = project_file(expansion);
  if (shown.empty()) return std::nullopt;
  return Place{shown, sources.getExpansionLineNumber(expansion),
               sources.getExpansionColumnNumber(expansion)};
}

std::string UnitNames::type_text(clang::QualType type) const {
  clang::PrintingPolicy policy(context_.getLangOpts());
  policy.SuppressTagKeyword = true;
  policy.FullyQualifiedName = true;
  auto canonical = type.getCanonicalType().getUnqualifiedType();
  std::string text = canonical.getAsString(policy);
  const auto* record = canonical->getAsCXXRecordDecl();
  if (record != nullptr && (record->isInAnonymousNamespace() || record->isLocalClass() != nullptr))
    text += " (in " + file_of(record->getLocation()) + ")";
  return text;
}

}  // namespace retort::typecheck
