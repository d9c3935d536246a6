#pragma once

/// @file
/// What a lint check is: its metadata, declared once, and the hooks the engine
/// calls. One file pair per check under `linter/checks/<category>/<name>`.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "retort/core/diagnostic.hpp"

namespace clang {
class SourceManager;
class SourceLocation;
class CharSourceRange;
namespace ast_matchers {
class MatchFinder;
}
}  // namespace clang

namespace retort::lint {

/// The value of a check parameter: a number (a limit) or a word (a naming style).
using ParamValue = std::variant<std::int64_t, std::string>;

/// Returns `value` as `.retort.yaml` and `lint explain` show it.
std::string param_text(const ParamValue& value);

/// One configurable parameter of a check.
struct CheckParam {
  /// Its name in `.retort.yaml` (`lint.checks.<id>.<name>`).
  std::string name;
  /// The value used when nothing sets it; its type is the parameter's type.
  ParamValue default_value = std::int64_t{0};
  /// What it controls.
  std::string description;
  /// For word parameters: the only words allowed.
  std::vector<std::string> allowed_values = {};
};

/// Everything about a check that is not code, declared once: `retort lint list`,
/// `retort lint explain`, SARIF rules and the docs all read it.
struct CheckInfo {
  /// `<category>/<name>`, e.g. `readability/function-length`.
  std::string id;
  /// One of consistency, design, readability, refactor, warning.
  std::string category;
  /// How urgent its findings are by default.
  Priority priority = Priority::normal;
  /// One line: what it finds.
  std::string summary;
  /// Why it matters, in Markdown, with a bad and a good example.
  std::string explanation;
  /// Its parameters with defaults.
  std::vector<CheckParam> params;
  /// True for advice that only C++ can follow (`static_cast`, `using` aliases): such a
  /// check does not run on translation units compiled as C.
  bool is_cpp_only = false;
};

/// Where a check reports findings and reads its parameters.
class CheckContext {
 public:
  virtual ~CheckContext() = default;
  /// Reports `message` at `location` unless it lies outside the project's files.
  virtual void report(const CheckInfo& check, clang::SourceLocation location,
                      std::string message) = 0;
  /// Reports `message` at `location` with a safe fix: `replacement` for the code in
  /// `range`. The fix is dropped (the finding kept) when `range` is written by a macro.
  virtual void report_with_fix(const CheckInfo& check, clang::SourceLocation location,
                               std::string message, clang::CharSourceRange range,
                               std::string replacement) = 0;
  /// Reports `message` at `file`:`line`:`column` (for line-based checks).
  virtual void report_at(const CheckInfo& check, const std::string& file, unsigned line,
                         unsigned column, std::string message) = 0;
  /// Returns true when `location` is in a project file (not a system or third-party header).
  virtual bool is_project_location(clang::SourceLocation location) const = 0;
  /// Returns the path of the file `location` is in, relative to the project root (for
  /// matching globs such as `tests/*`).
  virtual std::string project_path(clang::SourceLocation location) const = 0;
  /// Returns the value of number parameter `name` of `check` (configured or default).
  virtual std::int64_t param(const CheckInfo& check, std::string_view name) const = 0;
  /// Returns the value of word parameter `name` of `check` (configured or default).
  virtual std::string word_param(const CheckInfo& check, std::string_view name) const = 0;
  /// Records that the code at `location` follows `style` for a consistency check; after
  /// every unit is linted, the places that follow the project's minority style are
  /// reported with `message` (which may use `{majority}` and `{counts}`). `style` may
  /// list several styles, comma-separated, when the code fits each (a one-word
  /// lowercase name is snake_case and camelBack alike; "" fits none): only places of one
  /// style count toward the majority, and a place is reported when none of its styles
  /// is the majority. `dimension` keeps separate majorities within one check (the
  /// case of types, of functions, ...).
  virtual void observe_style(const CheckInfo& check, clang::SourceLocation location,
                             std::string style, std::string message,
                             std::string dimension = {}) = 0;
  /// Like `observe_style`, for line checks: `file`:`line`.
  virtual void observe_style_at(const CheckInfo& check, const std::string& file, unsigned line,
                                std::string style, std::string message,
                                std::string dimension = {}) = 0;
  /// Returns the current translation unit's source manager (during AST checks).
  virtual const clang::SourceManager& source_manager() const = 0;
  /// Keeps `object` (a match callback) alive for the rest of the translation unit.
  virtual void keep_alive(std::shared_ptr<void> object) = 0;
};

/// The text of one project file, for checks that read lines rather than the AST.
struct FileText {
  /// The file's path, as diagnostics show it.
  std::string path;
  /// Whether it is a header (findings such as `using namespace` differ there).
  bool is_header = false;
  /// Its lines, without line endings.
  std::vector<std::string> lines;
};

/// A lint check. Override `register_matchers` for AST checks and `check_text` for
/// line checks; the engine calls them once per translation unit and once per
/// project file respectively.
class Check {
 public:
  virtual ~Check() = default;
  /// Returns the check's metadata.
  virtual const CheckInfo& info() const = 0;
  /// Adds AST matchers to `finder`; they report through `context`.
  virtual void register_matchers(clang::ast_matchers::MatchFinder& finder,
                                 CheckContext& context) const {
    (void)finder, (void)context;
  }
  /// Checks the lines of one project file.
  virtual void check_text(const FileText& file, CheckContext& context) const {
    (void)file, (void)context;
  }
};

}  // namespace retort::lint
