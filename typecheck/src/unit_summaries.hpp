#pragma once

// One translation unit's summary as a run gets it: replayed from the cache when
// nothing the unit read has changed, else parsed with Clang, its errors kept as
// `parse-error` findings.

#include <filesystem>
#include <vector>

#include "extract.hpp"
#include "retort/core/compile_commands.hpp"
#include "retort/core/diagnostic.hpp"
#include "retort/core/source_texts.hpp"
#include "summary_cache.hpp"

namespace retort::typecheck {

// What every unit of one run is read with.
struct UnitReader {
  const CompileCommands& commands;
  // The project's root, which Clang's errors are shown from.
  const std::filesystem::path& root;
  const ProjectPath& project_path;
  SummaryCache& cache;
  // Files read with another text than the disk's (may be null).
  const SourceTexts* replaced_texts = nullptr;
};

// One unit's summary and the files it read, and its errors when it was parsed.
struct UnitOutcome {
  ParsedUnit parsed;
  std::vector<Diagnostic> errors;
  bool is_cached = false;
};

// Returns `unit`'s summary: from the cache when nothing it read has changed, else
// parsed (and stored when it compiled).
UnitOutcome summarise_unit(const UnitReader& reader, const std::filesystem::path& unit);

}  // namespace retort::typecheck
