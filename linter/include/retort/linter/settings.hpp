#pragma once

/// @file
/// Per-check settings from `.retort.yaml`'s `lint.checks`: whether a check runs, its
/// severity and priority, and its parameters, validated against the checks' own
/// declarations.

#include <map>
#include <optional>
#include <string>

#include <llvm/Support/Error.h>

#include "retort/core/config.hpp"
#include "retort/core/diagnostic.hpp"
#include "retort/linter/check.hpp"

namespace retort::lint {

/// What `.retort.yaml` says about one check.
struct CheckSettings {
  /// `enabled: false` turns the check off.
  bool is_enabled = true;
  /// Replaces the findings' severity when set.
  std::optional<Severity> severity;
  /// Replaces the check's base priority when set.
  std::optional<Priority> priority;
  /// Parameter values that replace the defaults, by name.
  std::map<std::string, ParamValue> params;
};

/// The settings of every check; checks not named keep their declared defaults.
class LintSettings {
 public:
  /// Reads `config`'s `lint.checks`. Returns a `UsageError` naming the file, line and
  /// column of an unknown check id, an unknown key or a value of the wrong kind.
  ///
  /// ```yaml
  /// lint:
  ///   checks:
  ///     readability/function-length: {max_lines: 60}
  ///     design/todo-tags: false
  /// ```
  static llvm::Expected<LintSettings> from_config(const Config& config);

  /// Returns whether `check` runs.
  bool is_enabled(const CheckInfo& check) const;
  /// Returns the value of `check`'s parameter `name`: configured, else its default.
  ParamValue param(const CheckInfo& check, std::string_view name) const;
  /// Returns `check`'s priority after configuration.
  Priority priority(const CheckInfo& check) const;
  /// Returns `check`'s severity after configuration (warning by default).
  Severity severity(const CheckInfo& check) const;
  /// Returns a stable text of every setting, for cache keys.
  std::string fingerprint() const;

  /// Sets `check_id`'s settings (used by the loader and tests).
  void set(const std::string& check_id, CheckSettings settings) {
    by_check_[check_id] = std::move(settings);
  }

 private:
  std::map<std::string, CheckSettings, std::less<>> by_check_;
};

}  // namespace retort::lint
