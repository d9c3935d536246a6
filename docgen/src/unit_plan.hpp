#pragma once

// Which translation units to parse so that headers are read the way the project's own
// build reads them. Headers of one compile command share a unit (their common system
// headers are parsed once), but only the headers no other header includes are
// #included by it: an implementation header (`foo-inl.h`, included at the end of
// `foo.h`) is not self-contained and is read through its includer, and a header
// included by another is not read twice. A header without an include guard, and any
// header that reaches one, gets a unit of its own, as a second inclusion would
// redefine what it declares.

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "retort/core/source_texts.hpp"

namespace retort::doc {

// A header the unit #includes, and the headers whose symbols it provides: itself and
// the headers it reaches that no earlier root provides.
struct UnitRoot {
  std::filesystem::path header;
  std::vector<std::filesystem::path> provides;
};

// One translation unit to parse.
struct UnitPlan {
  std::vector<UnitRoot> roots;

  // Every header the unit provides.
  std::vector<std::filesystem::path> provided() const;
};

// Which file includes which, by absolute path.
using IncludeGraph = std::map<std::filesystem::path, std::set<std::filesystem::path>>;

// `header` and every file it includes through `graph`, directly or not.
std::set<std::filesystem::path> include_closure(const IncludeGraph& graph,
                                                const std::filesystem::path& header);

// Each function here reads files as the run does: `replaced`'s text for the files it
// holds (`--staged`: the index's), else the disk's.

// Plans the units for `headers` (absolute paths) that share one compile command.
std::vector<UnitPlan> plan_units(const std::vector<std::filesystem::path>& headers,
                                 const SourceTexts* replaced = nullptr);

// The headers among `headers` that `file` includes (read lexically).
std::vector<std::filesystem::path> included_headers(
    const std::filesystem::path& file, const std::vector<std::filesystem::path>& headers,
    const SourceTexts* replaced = nullptr);

// When the source file `source` includes `header`, returns what a unit needs to read
// `header` as `source` does: the preprocessor lines of `source` before it (includes,
// macros and the conditional blocks around them), its own `#include`, and the
// `#endif`s of the blocks still open there. A header that only
// compiles after its includer's configuration (gflags' mutex.h after config.h,
// jsoncpp's `.inl` files at the end of a source) is parsed this way.
std::optional<std::string> source_context(const std::filesystem::path& source,
                                          const std::filesystem::path& header,
                                          const SourceTexts* replaced = nullptr);

// Returns true when `text` is guarded against a second inclusion: `#pragma once`, or an
// `#ifndef X` / `#define X` pair before any other code.
bool has_include_guard(const std::string& text);

}  // namespace retort::doc
