#pragma once

// How one unit names what it summarises: places in the project's files, and types as
// the runtime compares them.

#include <optional>
#include <string>

#include <clang/AST/ASTContext.h>

#include "extract.hpp"
#include "retort/typecheck/summary.hpp"

namespace retort::typecheck {

class UnitNames {
 public:
  UnitNames(const clang::ASTContext& context, const ProjectPath& project_path)
      : context_(context), project_path_(project_path) {}

  // The place of `location` when it is in a project file.
  std::optional<Place> place_of(clang::SourceLocation location) const;

  // `type` canonical (aliases resolved), fully qualified, without `struct`. A type of
  // an anonymous namespace or a local class is its file's own, so its text names the
  // file: two units' `(anonymous namespace)::Counter` are two actors.
  std::string type_text(clang::QualType type) const;

  const clang::ASTContext& context() const { return context_; }

 private:
  // The file `location` is in, as shown (relative to the project's root), or as Clang
  // names it outside the project.
  std::string file_of(clang::SourceLocation location) const;
  // The absolute name of the file an expansion location is in; "" for none.
  std::string absolute_file(clang::SourceLocation expansion) const;
  // Its name as shown, "" outside the project (or left out).
  std::string project_file(clang::SourceLocation expansion) const;

  const clang::ASTContext& context_;
  const ProjectPath& project_path_;
};

}  // namespace retort::typecheck
