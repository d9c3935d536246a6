#include "detail/style.hpp"

#include <map>
#include <set>
#include <sstream>

#include "retort/core/errors.hpp"

namespace retort::format {
namespace detail {
namespace {

namespace fs = std::filesystem;

// The house style: Google's C++ style (widely known, well tested in libFormat) with
// the few changes retort makes. Everything else follows Google.
clang::format::FormatStyle make_house_style(int line_length) {
  using clang::format::FormatStyle;
  FormatStyle style = clang::format::getGoogleStyle(FormatStyle::LK_Cpp);
  style.ColumnLimit = static_cast<unsigned>(line_length);
  // One pointer style for everyone, not whatever the file used most.
  style.DerivePointerAlignment = false;
  style.PointerAlignment = FormatStyle::PAS_Left;
  // A CRLF file stays CRLF.
  style.LineEnding = FormatStyle::LE_DeriveLF;
  style.InsertNewlineAtEOF = true;
  style.Standard = FormatStyle::LS_Latest;
  // Includes are sorted within the blocks the author separated with blank lines, never
  // across them: Google's Regroup merges blocks and moves the main header first,
  // which broke double-conversion's tests, whose main header needs the include the
  // author put above it. Within a block, the groups after the main header: C and
  // POSIX headers, the C++ standard
  // library, other libraries, then the project's own. (Google's groups take any
  // <x/y.h>, such as <llvm/Support/Error.h>, for a C system header.)
  style.IncludeStyle.IncludeBlocks = clang::tooling::IncludeStyle::IBS_Preserve;
  style.IncludeStyle.IncludeCategories = {
      {R"(^<(sys/|arpa/|netinet/|linux/)?[a-z0-9_]+\.h>$)", 1, 0, false},
      {R"(^<[a-z0-9_]+>$)", 2, 0, false},
      {R"(^<)", 3, 0, false},
      {R"(.*)", 4, 0, false},
  };
  return style;
}

StyleRef make_ref(clang::format::FormatStyle style) {
  std::string fingerprint = clang::format::configurationAsText(style);
  return {std::make_shared<const Style>(Style{std::move(style)}), std::move(fingerprint)};
}

std::optional<fs::path> nearest_clang_format(fs::path directory) {
  while (true) {
    for (const char* name : {".clang-format", "_clang-format"}) {
      std::error_code error;
      if (fs::is_regular_file(directory / name, error)) return directory / name;
    }
    if (directory == directory.root_path() || !directory.has_parent_path()) return std::nullopt;
    directory = directory.parent_path();
  }
}

}  // namespace

std::shared_ptr<const Style> without_sorting(const Style& style) {
  clang::format::FormatStyle unsorted = style.value;
  unsorted.SortIncludes = clang::format::FormatStyle::SI_Never;
  unsorted.SortUsingDeclarations = clang::format::FormatStyle::SUD_Never;
  return std::make_shared<const Style>(Style{std::move(unsorted)});
}

StyleResolver::StyleResolver(const FormatOptions& options)
    : options_(options), house_style_(make_ref(make_house_style(options.line_length))) {}

llvm::Expected<StyleRef> StyleResolver::style_for(const fs::path& file) {
  if (!options_.use_clang_format_file) return house_style_;
  fs::path directory = fs::absolute(file).parent_path();
  std::lock_guard lock(mutex_);
  if (auto known = file_styles_.find(directory); known != file_styles_.end()) return known->second;
  auto style_file = nearest_clang_format(directory);
  if (!style_file) return file_styles_[directory] = house_style_;
  auto style = clang::format::getStyle("file", file.string(), "none");
  if (!style) {
    return usage_error(style_file->string() +
                       ": invalid .clang-format: " + llvm::toString(style.takeError()));
  }
  return file_styles_[directory] = make_ref(std::move(*style));
}

}  // namespace detail

namespace {

// The top-level `Key: value` entries of a configuration, each with its indented lines.
std::map<std::string, std::string> entries_of(const std::string& yaml) {
  std::map<std::string, std::string> entries;
  std::string key;
  std::istringstream lines(yaml);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line == "---" || line == "...") continue;
    if (line[0] != ' ') key = line.substr(0, line.find(':'));
    entries[key] += line + "\n";
  }
  return entries;
}

}  // namespace

// Only what differs from Google's style, on top of `BasedOnStyle: Google`: a file that
// lists every key writes forms older clang-formats reject (clang-format 14 stops at
// the `Enabled:` form clang-format 15 gave AlignConsecutiveAssignments). The keys new
// in clang-format 15 and 16
// (`InsertNewlineAtEOF`, `LineEnding`) are left out for the same reason: without
// them an older clang-format still agrees with retort everywhere else.
std::string house_style_yaml(int line_length) {
  using clang::format::FormatStyle;
  static const std::set<std::string> newer_keys{"InsertNewlineAtEOF", "LineEnding"};
  auto google = entries_of(
      clang::format::configurationAsText(clang::format::getGoogleStyle(FormatStyle::LK_Cpp)));
  auto house =
      entries_of(clang::format::configurationAsText(detail::make_house_style(line_length)));
  std::string yaml =
      "# retort's house style (`retort format --print-style`), for clang-format 14 and later\n"
      "---\nLanguage: Cpp\nBasedOnStyle: Google\n";
  for (const auto& [key, text] : house) {
    if (key != "Language" && newer_keys.count(key) == 0 && google[key] != text) yaml += text;
  }
  return yaml + "...\n";
}

}  // namespace retort::format
