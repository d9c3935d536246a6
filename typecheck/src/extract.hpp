#pragma once

// One translation unit's summary, from Clang's AST (ASTMatchers): the actors defined
// and the messages sent in the project's files.

#include <filesystem>
#include <functional>

#include <clang/AST/ASTContext.h>

#include "retort/typecheck/summary.hpp"

namespace retort::typecheck {

// Where a file stands: its display path when it is one of the project's, else empty
// (the runtime's and the system's headers are not summarised).
using ProjectPath = std::function<std::string(const std::filesystem::path& file)>;

// Summarises the parsed unit in `context`.
UnitSummary summarise(clang::ASTContext& context, const ProjectPath& project_path);

}  // namespace retort::typecheck
