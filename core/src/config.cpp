#include "retort/core/config.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/GlobPattern.h>
#include <yaml-cpp/yaml.h>

#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/git.hpp"

namespace retort {
namespace {

// Everything a validation error needs to say where it is.
struct Where {
  const std::string& file;
  const YAML::Mark& mark;
  std::string prefix() const {
    // yaml-cpp marks are 0-based; editors and compilers count from 1.
    return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) +
           ": ";
  }
};

std::string join(const std::vector<std::string>& items) { return llvm::join(items, ", "); }

}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  unsigned best_distance = 3;  // farther than this is no suggestion
  for (const auto& candidate : candidates) {
    unsigned distance = llvm::StringRef(word).edit_distance(candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

namespace {

llvm::Error unknown_key(const Where& where, const std::string& key, const std::string& context,
                        const std::vector<std::string>& allowed) {
  return usage_error(where.prefix() + "unknown key '" + key + "' in " + context +
                     did_you_mean(key, allowed) +
                     "; allowed: " + (allowed.empty() ? "(none yet)" : join(allowed)));
}

std::string describe_type(const OptionSpec& spec) {
  switch (spec.type) {
    case OptionType::boolean:
      return "true or false";
    case OptionType::integer:
      return "an integer from " + std::to_string(spec.minimum) + " to " +
             std::to_string(spec.maximum);
    case OptionType::string:
      return spec.allowed_values.empty() ? "a string" : "one of: " + join(spec.allowed_values);
    case OptionType::string_list:
      return spec.allowed_values.empty() ? "a list of strings"
                                         : "a list of: " + join(spec.allowed_values);
    case OptionType::tree:
      return "a mapping";
  }
  return "a value";
}

llvm::Error bad_value(const Where& where, const OptionSpec& spec, const std::string& got) {
  return usage_error(where.prefix() + "'" + spec.key() + "' must be " + describe_type(spec) +
                     ", got " + got);
}

std::string shown(const YAML::Node& node) {
  if (node.IsScalar()) return "'" + node.Scalar() + "'";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "nothing";
}

bool is_allowed(const OptionSpec& spec, const std::string& value) {
  return spec.allowed_values.empty() ||
         std::find(spec.allowed_values.begin(), spec.allowed_values.end(), value) !=
             spec.allowed_values.end();
}

llvm::Expected<std::string> string_item(const YAML::Node& node, const OptionSpec& spec,
                                        const std::string& file) {
  Where where{file, node.Mark()};
  if (!node.IsScalar() || !is_allowed(spec, node.Scalar()))
    return bad_value(where, spec, shown(node));
  if (spec.section == "files") {
    if (auto glob = llvm::GlobPattern::create(node.Scalar()); !glob) {
      return usage_error(where.prefix() + "'" + spec.key() + "' has a bad glob '" + node.Scalar() +
                         "': " + llvm::toString(glob.takeError()));
    }
  }
  return node.Scalar();
}

// Keeps scalars and mappings with their positions; lists are not needed by any tool yet,
// so they are refused here with a position rather than half-supported.
llvm::Expected<ConfigTree> convert_tree(const YAML::Node& node, const std::string& file) {
  ConfigTree tree;
  tree.file = file;
  tree.line = static_cast<unsigned>(node.Mark().line + 1);
  tree.column = static_cast<unsigned>(node.Mark().column + 1);
  if (node.IsScalar()) {
    tree.scalar = node.Scalar();
    return tree;
  }
  if (node.IsNull()) {
    tree.is_mapping = true;
    return tree;
  }
  if (!node.IsMap())
    return usage_error(tree.where() + "expected a value or a mapping, got " + shown(node));
  tree.is_mapping = true;
  for (const auto& entry : node) {
    auto child = convert_tree(entry.second, file);
    if (!child) return child.takeError();
    if (entry.second.IsNull()) {
      child->line = static_cast<unsigned>(entry.first.Mark().line + 1);
      child->column = static_cast<unsigned>(entry.first.Mark().column + 1);
    }
    tree.entries.push_back({entry.first.Scalar(), std::move(*child)});
  }
  return tree;
}

llvm::Expected<OptionValue> convert_value(const YAML::Node& node, const OptionSpec& spec,
                                          const std::string& file) {
  Where where{file, node.Mark()};
  switch (spec.type) {
    case OptionType::boolean: {
      bool value = false;
      if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
        return bad_value(where, spec, shown(node));
      }
      return OptionValue{value};
    }
    case OptionType::integer: {
      long long value = 0;
      if (!node.IsScalar() || !YAML::convert<long long>::decode(node, value) ||
          value < spec.minimum || value > spec.maximum) {
        return bad_value(where, spec, shown(node));
      }
      return OptionValue{static_cast<std::int64_t>(value)};
    }
    case OptionType::string: {
      auto item = string_item(node, spec, file);
      if (!item) return item.takeError();
      return OptionValue{std::move(*item)};
    }
    case OptionType::string_list: {
      if (!node.IsSequence()) return bad_value(where, spec, shown(node));
      std::vector<std::string> items;
      for (const auto& element : node) {
        auto item = string_item(element, spec, file);
        if (!item) return item.takeError();
        items.push_back(std::move(*item));
      }
      return OptionValue{std::move(items)};
    }
    case OptionType::tree: {
      if (!node.IsMap() && !node.IsNull()) return bad_value(where, spec, shown(node));
      auto tree = convert_tree(node, file);
      if (!tree) return tree.takeError();
      return OptionValue{std::move(*tree)};
    }
  }
  return bad_value(where, spec, shown(node));
}

std::vector<std::string> option_names(const ConfigSection& section) {
  std::vector<std::string> names;
  for (const auto& spec : section.options) names.push_back(spec.name);
  return names;
}

const OptionSpec* find_option(const ConfigSection& section, const std::string& name) {
  for (const auto& spec : section.options) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::vector<std::string> section_names(const ConfigSchema& schema) {
  std::vector<std::string> names;
  for (const auto& section : schema) names.push_back(section.name);
  return names;
}

llvm::Error load_section(const ConfigSection& section, const YAML::Node& body,
                         const std::string& file, Config& config) {
  if (body.IsNull()) return llvm::Error::success();  // "format:" with nothing under it
  if (!body.IsMap()) {
    return usage_error(Where{file, body.Mark()}.prefix() + "section '" + section.name +
                       "' must be a mapping of options, got " + shown(body));
  }
  for (const auto& entry : body) {
    std::string name = entry.first.Scalar();
    const OptionSpec* spec = find_option(section, name);
    if (spec == nullptr) {
      return unknown_key(Where{file, entry.first.Mark()}, name, "section '" + section.name + "'",
                         option_names(section));
    }
    auto value = convert_value(entry.second, *spec, file);
    if (!value) return value.takeError();
    config.set(spec->key(), std::move(*value));
  }
  return llvm::Error::success();
}

}  // namespace

ConfigSection::ConfigSection(std::string name, std::vector<OptionSpec> options)
    : name(std::move(name)), options(std::move(options)) {
  for (auto& option : this->options) option.section = this->name;
}

std::optional<bool> ConfigTree::as_bool() const {
  bool value = false;
  if (is_mapping || !YAML::convert<bool>::decode(YAML::Node(scalar), value)) return std::nullopt;
  return value;
}

Config Config::defaults(const ConfigSchema& schema) {
  Config config;
  for (const auto& section : schema)
    for (const auto& spec : section.options) config.set(spec.key(), spec.default_value);
  return config;
}

const OptionValue& Config::value(std::string_view key) const {
  auto found = values_.find(key);
  if (found == values_.end()) {
    // A typo in retort's own code, never the user's: fail loudly in tests.
    throw std::logic_error("retort: no such option in the schema: " + std::string(key));
  }
  return found->second;
}

bool Config::boolean(std::string_view key) const { return std::get<bool>(value(key)); }
std::int64_t Config::integer(std::string_view key) const {
  return std::get<std::int64_t>(value(key));
}
const std::string& Config::string(std::string_view key) const {
  return std::get<std::string>(value(key));
}
const std::vector<std::string>& Config::string_list(std::string_view key) const {
  return std::get<std::vector<std::string>>(value(key));
}
const ConfigTree& Config::tree(std::string_view key) const {
  return std::get<ConfigTree>(value(key));
}

llvm::Expected<Config> parse_config(std::string_view text, const std::string& file_name,
                                    const ConfigSchema& schema) {
  Config config = Config::defaults(schema);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    return usage_error(Where{file_name, error.mark}.prefix() + "invalid YAML: " + error.msg);
  }
  if (root.IsNull()) return config;  // an empty file is valid
  if (!root.IsMap()) {
    return usage_error(Where{file_name, root.Mark()}.prefix() +
                       "the top level must be a mapping of sections (" +
                       join(section_names(schema)) + "), got " + shown(root));
  }
  for (const auto& entry : root) {
    std::string name = entry.first.Scalar();
    auto section = std::find_if(schema.begin(), schema.end(),
                                [&](const ConfigSection& known) { return known.name == name; });
    if (section == schema.end()) {
      return unknown_key(Where{file_name, entry.first.Mark()}, name, "the top level",
                         section_names(schema));
    }
    if (auto error = load_section(*section, entry.second, file_name, config))
      return std::move(error);
  }
  return config;
}

llvm::Expected<Config> load_config_file(const std::filesystem::path& path,
                                        const ConfigSchema& schema) {
  auto text = read_file(path);
  if (!text) return usage_error(llvm::toString(text.takeError()));
  auto config = parse_config(*text, path.string(), schema);
  if (config) config->source_file = path;
  return config;
}

std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start,
                                                      const std::filesystem::path& top) {
  std::filesystem::path directory = std::filesystem::absolute(start).lexically_normal();
  while (true) {
    std::filesystem::path candidate = directory / config_file_name;
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error)) return candidate;
    if (directory == top || directory == directory.root_path() || !directory.has_parent_path())
      return std::nullopt;
    directory = directory.parent_path();
  }
}

llvm::Expected<Project> load_project(const std::filesystem::path& start,
                                     const ConfigSchema& schema) {
  std::filesystem::path absolute_start = std::filesystem::absolute(start).lexically_normal();
  // A git repository is a project of its own: a checkout inside another project (a
  // submodule, a copy under its build tree) does not take the outer one's settings.
  auto git_top = git_toplevel(absolute_start);
  if (auto file = find_config_file(absolute_start, git_top.value_or(std::filesystem::path()))) {
    auto config = load_config_file(*file, schema);
    if (!config) return config.takeError();
    return Project{file->parent_path(), std::move(*config)};
  }
  std::filesystem::path root = git_top.value_or(absolute_start);
  return Project{root, Config::defaults(schema)};
}

}  // namespace retort
