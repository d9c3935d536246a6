#include "retort/core/fix_its.hpp"

#include <algorithm>
#include <map>

#include "retort/core/file_io.hpp"

namespace retort {
namespace {

// The byte offset of a 1-based line and byte column, or npos when past the end.
std::size_t offset_of(const std::string& text, SourcePosition position) {
  std::size_t offset = 0;
  for (unsigned line = 1; line < position.line; ++line) {
    offset = text.find('\n', offset);
    if (offset == std::string::npos) return std::string::npos;
    ++offset;
  }
  offset += position.column - 1;
  return offset <= text.size() ? offset : std::string::npos;
}

}  // namespace

std::string apply_fixes_to_text(std::string text, std::vector<FixIt> fixes, std::size_t& applied) {
  struct Edit {
    std::size_t begin, end;
    std::string replacement;
  };
  std::vector<Edit> edits;
  for (auto& fix : fixes) {
    std::size_t begin = offset_of(text, fix.range.begin);
    std::size_t end = offset_of(text, fix.range.end);
    if (begin == std::string::npos || end == std::string::npos || end < begin) continue;
    edits.push_back({begin, end, std::move(fix.replacement)});
  }
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
  std::size_t limit = std::string::npos;  // edits are applied back to front
  applied = 0;
  for (const auto& edit : edits) {
    if (edit.end > limit) continue;  // overlaps an edit already applied
    text.replace(edit.begin, edit.end - edit.begin, edit.replacement);
    limit = edit.begin;
    ++applied;
  }
  return text;
}

llvm::Expected<AppliedFixes> apply_fixes(const std::vector<Diagnostic>& diagnostics,
                                         const std::filesystem::path& root) {
  std::map<std::string, std::vector<FixIt>> by_file;
  for (const auto& d : diagnostics) {
    if (d.fix) by_file[d.fix->range.file].push_back(*d.fix);
  }
  AppliedFixes result;
  for (auto& [file, fixes] : by_file) {
    auto original = read_file(root / file);
    if (!original) return original.takeError();
    std::size_t applied = 0;
    std::string fixed = apply_fixes_to_text(*original, std::move(fixes), applied);
    if (applied == 0 || fixed == *original) continue;
    if (auto error = write_file_atomically(root / file, fixed)) return std::move(error);
    result.originals.emplace_back(file, std::move(*original));
    result.fix_count += applied;
  }
  return result;
}

}  // namespace retort
