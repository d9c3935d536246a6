#include "unit_context.hpp"

#include <clang/Basic/SourceManager.h>

#include "retort/core/source_files.hpp"

namespace retort::lint {

namespace fs = std::filesystem;

std::optional<std::tuple<std::string, unsigned, unsigned>> UnitContext::reportable(
    clang::SourceLocation location) const {
  if (!is_project_location(location)) return std::nullopt;
  // Code written by a third-party macro (googletest's TEST expands to a `new`) is
  // not the user's code: report it only when the macro itself is the project's, and
  // then once, where its body writes it (jsoncpp's fixture macro has one `new`, not
  // one at each of its 120 uses).
  clang::SourceLocation shown = location;
  if (location.isMacroID()) {
    clang::SourceLocation spelling = source_manager_->getSpellingLoc(location);
    if (!is_project_location(spelling)) return std::nullopt;
    if (!source_manager_->isMacroArgExpansion(location)) shown = spelling;
  }
  auto presumed = source_manager_->getPresumedLoc(source_manager_->getExpansionLoc(shown));
  if (presumed.isInvalid()) return std::nullopt;
  return std::tuple{std::string(presumed.getFilename()), presumed.getLine(), presumed.getColumn()};
}

fs::path UnitContext::absolute_path(llvm::StringRef name) const {
  llvm::SmallString<256> path(name);
  if (source_manager_ != nullptr) source_manager_->getFileManager().makeAbsolutePath(path);
  return fs::path(path.str().str()).lexically_normal();
}

void UnitContext::report(const CheckInfo& check, clang::SourceLocation location,
                         std::string message) {
  if (auto where = reportable(location)) {
    auto& [file, line, column] = *where;
    report_at(check, absolute_path(file).string(), line, column, std::move(message));
  }
}

void UnitContext::report_with_fix(const CheckInfo& check, clang::SourceLocation location,
                                  std::string message, clang::CharSourceRange range,
                                  std::string replacement) {
  std::size_t before = result_.diagnostics.size();
  report(check, location, std::move(message));
  if (result_.diagnostics.size() == before) return;
  auto begin = range.getBegin();
  auto end = range.getEnd();
  if (begin.isMacroID() || end.isMacroID() || !range.isCharRange()) return;
  auto first = source_manager_->getPresumedLoc(begin);
  auto last = source_manager_->getPresumedLoc(end);
  if (first.isInvalid() || last.isInvalid() || first.getFileID() != last.getFileID()) return;
  Diagnostic& diagnostic = result_.diagnostics.back();
  diagnostic.fix = FixIt{{diagnostic.range.file,
                          {first.getLine(), first.getColumn()},
                          {last.getLine(), last.getColumn()}},
                         std::move(replacement)};
}

Diagnostic lint_finding(const CheckInfo& check, const LintSettings& settings, std::string file,
                        SourcePosition position, std::string message) {
  Diagnostic diagnostic;
  diagnostic.tool = "lint";
  diagnostic.check_id = check.id;
  diagnostic.category = check.category;
  diagnostic.priority = settings.priority(check);
  diagnostic.severity = settings.severity(check);
  diagnostic.message = std::move(message);
  diagnostic.range = {std::move(file), position, position};
  return diagnostic;
}

void UnitContext::report_at(const CheckInfo& check, const std::string& file, unsigned line,
                            unsigned column, std::string message) {
  result_.diagnostics.push_back(
      lint_finding(check, request_.settings,
                   display_path(fs::path(file).lexically_normal(), request_.display_root),
                   {line, column}, std::move(message)));
}

bool UnitContext::is_project_location(clang::SourceLocation location) const {
  if (location.isInvalid() || source_manager_ == nullptr) return false;
  auto file_location = source_manager_->getExpansionLoc(location);
  if (source_manager_->isInSystemHeader(file_location)) return false;
  auto file_name = source_manager_->getFilename(file_location);
  return !file_name.empty() && is_inside(absolute_path(file_name), request_.project_root);
}

std::string UnitContext::project_path(clang::SourceLocation location) const {
  auto file_name = source_manager_->getFilename(source_manager_->getExpansionLoc(location));
  return display_path(absolute_path(file_name), request_.project_root);
}

std::int64_t UnitContext::param(const CheckInfo& check, std::string_view name) const {
  return std::get<std::int64_t>(request_.settings.param(check, name));
}

std::string UnitContext::word_param(const CheckInfo& check, std::string_view name) const {
  return std::get<std::string>(request_.settings.param(check, name));
}

void UnitContext::observe_style(const CheckInfo& check, clang::SourceLocation location,
                                std::string style, std::string message, std::string dimension) {
  if (auto where = reportable(location)) {
    auto& [file, line, column] = *where;
    result_.observations.push_back(
        {check.id, std::move(style), std::move(message),
         display_path(fs::path(file).lexically_normal(), request_.display_root), line, column,
         std::move(dimension)});
  }
}

void UnitContext::observe_style_at(const CheckInfo& check, const std::string& file, unsigned line,
                                   std::string style, std::string message, std::string dimension) {
  result_.observations.push_back(
      {check.id, std::move(style), std::move(message),
       display_path(fs::path(file).lexically_normal(), request_.display_root), line, 1,
       std::move(dimension)});
}

}  // namespace retort::lint
