// Validates `lint.checks` against the registered checks' declarations, so a typo in
// a check id or a param name is an error with its position, never silently ignored.

#include "retort/linter/settings.hpp"

#include <charconv>

#include <llvm/ADT/StringExtras.h>

#include "retort/core/errors.hpp"
#include "retort/linter/linter.hpp"

namespace retort::lint {
namespace {

llvm::Error must_be(const ConfigTree& value, const std::string& key, const std::string& expected) {
  return usage_error(value.where() + "'" + key + "' must be " + expected + ", got " +
                     (value.is_mapping ? "a mapping" : "'" + value.scalar + "'"));
}

std::optional<std::size_t> index_of(const std::vector<std::string>& words,
                                    const std::string& word) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == word) return i;
  }
  return std::nullopt;
}

llvm::Expected<ParamValue> parse_param(const CheckParam& param, const ConfigTree& value,
                                       const std::string& key) {
  if (std::holds_alternative<std::int64_t>(param.default_value)) {
    std::int64_t number = -1;
    const std::string& text = value.scalar;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (value.is_mapping || error != std::errc() || end != text.data() + text.size() || number < 0)
      return must_be(value, key, "a whole number of 0 or more");
    return ParamValue{number};
  }
  if (value.is_mapping ||
      (!param.allowed_values.empty() && !index_of(param.allowed_values, value.scalar)))
    return must_be(value, key, "one of: " + llvm::join(param.allowed_values, ", "));
  return ParamValue{value.scalar};
}

std::vector<std::string> keys_of(const CheckInfo& info) {
  std::vector<std::string> keys{"enabled", "severity", "priority"};
  for (const auto& param : info.params) keys.push_back(param.name);
  return keys;
}

llvm::Error read_entry(const CheckInfo& info, const std::string& name, const ConfigTree& value,
                       CheckSettings& settings) {
  std::string key = info.id + "." + name;
  if (name == "enabled") {
    auto enabled = value.as_bool();
    if (!enabled) return must_be(value, key, "true or false");
    settings.is_enabled = *enabled;
  } else if (name == "severity") {
    settings.severity = parse_severity(value.scalar);
    if (!settings.severity || value.is_mapping)
      return must_be(value, key, "one of: error, warning, note");
  } else if (name == "priority") {
    settings.priority = parse_priority(value.scalar);
    if (!settings.priority || value.is_mapping)
      return must_be(value, key, "one of: higher, high, normal, low, ignore");
  } else {
    for (const auto& param : info.params) {
      if (param.name != name) continue;
      auto parsed = parse_param(param, value, key);
      if (!parsed) return parsed.takeError();
      settings.params[name] = std::move(*parsed);
      return llvm::Error::success();
    }
    auto allowed = keys_of(info);
    return usage_error(value.where() + "unknown key '" + name + "' for check '" + info.id + "'" +
                       did_you_mean(name, allowed) + "; allowed: " + llvm::join(allowed, ", "));
  }
  return llvm::Error::success();
}

llvm::Expected<CheckSettings> read_check(const CheckInfo& info, const ConfigTree& body) {
  CheckSettings settings;
  if (!body.is_mapping) {  // `design/todo-tags: false` is short for `enabled: false`
    auto enabled = body.as_bool();
    if (!enabled) return must_be(body, info.id, "true, false or a mapping of settings");
    settings.is_enabled = *enabled;
    return settings;
  }
  for (const auto& [name, value] : body.entries) {
    if (auto error = read_entry(info, name, value, settings)) return std::move(error);
  }
  return settings;
}

}  // namespace

llvm::Expected<LintSettings> LintSettings::from_config(const Config& config) {
  LintSettings settings;
  std::vector<std::string> ids;
  for (const auto& check : registered_checks()) ids.push_back(check->info().id);
  for (const auto& [id, body] : config.tree("lint.checks").entries) {
    const Check* check = find_check(id);
    if (check == nullptr) {
      // The key's own position is not kept; the value's line is the next best.
      return usage_error(body.where() + "unknown check '" + id + "' in 'lint.checks'" +
                         did_you_mean(id, ids) + "; `retort lint list` shows them all");
    }
    auto read = read_check(check->info(), body);
    if (!read) return read.takeError();
    settings.set(id, std::move(*read));
  }
  // The line-length check agrees with the formatter unless told otherwise.
  CheckSettings& line_length = settings.by_check_["readability/line-length"];
  line_length.params.try_emplace("max_length", config.integer("format.line_length"));
  return settings;
}

bool LintSettings::is_enabled(const CheckInfo& check) const {
  auto found = by_check_.find(check.id);
  return found == by_check_.end() || found->second.is_enabled;
}

ParamValue LintSettings::param(const CheckInfo& check, std::string_view name) const {
  if (auto found = by_check_.find(check.id); found != by_check_.end()) {
    if (auto value = found->second.params.find(std::string(name));
        value != found->second.params.end())
      return value->second;
  }
  for (const auto& param : check.params) {
    if (param.name == name) return param.default_value;
  }
  // A check asking for a param it never declared is a bug in retort, not in the config.
  throw std::logic_error("check " + check.id + " has no param " + std::string(name));
}

Priority LintSettings::priority(const CheckInfo& check) const {
  auto found = by_check_.find(check.id);
  if (found == by_check_.end() || !found->second.priority) return check.priority;
  return *found->second.priority;
}

Severity LintSettings::severity(const CheckInfo& check) const {
  auto found = by_check_.find(check.id);
  if (found == by_check_.end() || !found->second.severity) return Severity::warning;
  return *found->second.severity;
}

std::string LintSettings::fingerprint() const {
  std::string text;
  for (const auto& [id, settings] : by_check_) {
    text += id + (settings.is_enabled ? "+" : "-");
    if (settings.severity) text += "s" + std::string(severity_name(*settings.severity));
    if (settings.priority) text += "p" + std::string(priority_name(*settings.priority));
    for (const auto& [name, value] : settings.params) text += ";" + name + "=" + param_text(value);
    text += "\n";
  }
  return text;
}

std::string param_text(const ParamValue& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  return std::get<std::string>(value);
}

}  // namespace retort::lint
