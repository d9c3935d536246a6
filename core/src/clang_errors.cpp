#include "retort/core/clang_errors.hpp"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>

#include "retort/core/source_files.hpp"

namespace retort {

ClangError describe_clang_error(const clang::Diagnostic& info,
                                const std::filesystem::path& display_root) {
  llvm::SmallString<256> text;
  info.FormatDiagnostic(text);
  ClangError error;
  error.message = text.str().str();
  if (!info.hasSourceManager() || !info.getLocation().isValid()) return error;
  auto presumed = info.getSourceManager().getPresumedLoc(info.getLocation());
  if (!presumed.isValid()) return error;
  error.file =
      display_path(std::filesystem::path(presumed.getFilename()).lexically_normal(), display_root);
  error.line = presumed.getLine();
  error.column = presumed.getColumn();
  return error;
}

}  // namespace retort
