#pragma once

// The CheckContext of one translation unit: where checks report, read their params
// and record style observations.

#include <memory>
#include <vector>

#include "retort/linter/check.hpp"
#include "retort/linter/linter.hpp"
#include "unit_result.hpp"

namespace clang {
class SourceManager;
}

namespace retort::lint {

class UnitContext : public CheckContext {
 public:
  UnitContext(const LintRequest& request, UnitResult& result)
      : request_(request), result_(result) {}

  void set_source_manager(const clang::SourceManager* manager) { source_manager_ = manager; }
  // `name` as Clang names a file, made absolute against the compile command's
  // directory (Clang's working directory for the unit), not the process's.
  std::filesystem::path absolute_path(llvm::StringRef name) const;

  void report(const CheckInfo& check, clang::SourceLocation location, std::string message) override;
  void report_with_fix(const CheckInfo& check, clang::SourceLocation location, std::string message,
                       clang::CharSourceRange range, std::string replacement) override;
  void report_at(const CheckInfo& check, const std::string& file, unsigned line, unsigned column,
                 std::string message) override;
  bool is_project_location(clang::SourceLocation location) const override;
  std::string project_path(clang::SourceLocation location) const override;
  std::int64_t param(const CheckInfo& check, std::string_view name) const override;
  std::string word_param(const CheckInfo& check, std::string_view name) const override;
  void observe_style(const CheckInfo& check, clang::SourceLocation location, std::string style,
                     std::string message, std::string dimension) override;
  void observe_style_at(const CheckInfo& check, const std::string& file, unsigned line,
                        std::string style, std::string message, std::string dimension) override;
  const clang::SourceManager& source_manager() const override { return *source_manager_; }
  void keep_alive(std::shared_ptr<void> object) override { kept_.push_back(std::move(object)); }

 private:
  // The file, line and column `location` is shown at, when it is the project's code.
  std::optional<std::tuple<std::string, unsigned, unsigned>> reportable(
      clang::SourceLocation location) const;

  const LintRequest& request_;
  UnitResult& result_;
  const clang::SourceManager* source_manager_ = nullptr;
  std::vector<std::shared_ptr<void>> kept_;
};

// A finding of `check` at `file` (as diagnostics show it) and `position`, with the
// severity and priority `settings` give the check.
Diagnostic lint_finding(const CheckInfo& check, const LintSettings& settings, std::string file,
                        SourcePosition position, std::string message);

// Reports the places that follow a minority style, per consistency check.
std::vector<Diagnostic> minority_style_findings(const std::vector<StyleObservation>& observations,
                                                const LintSettings& settings);

}  // namespace retort::lint
