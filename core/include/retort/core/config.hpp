#pragma once

/// @file
/// `.retort.yaml`: finding it, validating it against the schema, and reading values.
/// Every option has a default, so a missing or empty file is valid.

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <llvm/Support/Error.h>

namespace retort {

/// The name of the configuration file looked for in each directory.
inline constexpr std::string_view config_file_name = ".retort.yaml";

struct ConfigEntry;

/// A nested value whose shape the owning tool validates (e.g. `lint.checks`, whose keys
/// are check ids only the linter knows), with the position of every part so the tool's
/// errors can name `file:line:column`.
struct ConfigTree {
  /// The text of a scalar; empty for a mapping.
  std::string scalar;
  /// The entries of a mapping, in file order; empty for a scalar. (A struct of its
  /// own, not std::pair: Clang rejects a pair of a type still incomplete here.)
  std::vector<ConfigEntry> entries;
  /// Whether this is a mapping (else a scalar).
  bool is_mapping = false;
  /// The configuration file it comes from.
  std::string file;
  /// 1-based position of the value in `file`.
  unsigned line = 0;
  /// 1-based column of the value in `file`.
  unsigned column = 0;

  /// Returns the scalar as a boolean, by YAML's rules (`true`, `false`, `yes`, `off`,
  /// ...) as for every other boolean option, or `std::nullopt` when it is not one.
  std::optional<bool> as_bool() const;

  /// Returns the `file:line:column: ` prefix of an error about this value.
  std::string where() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
  }
};
/// One entry of a mapping: its key and its value.
struct ConfigEntry {
  /// The key.
  std::string key;
  /// The value.
  ConfigTree value;
};

/// The value of one option.
using OptionValue =
    std::variant<bool, std::int64_t, std::string, std::vector<std::string>, ConfigTree>;

/// The kinds of value an option takes.
enum class OptionType { boolean, integer, string, string_list, tree };

/// One documented option of the schema.
struct OptionSpec {
  /// The section it belongs to, e.g. `format`; its `ConfigSection` sets it.
  std::string section;
  /// Its name inside the section, e.g. `line_length`.
  std::string name;
  /// The kind of value it takes.
  OptionType type = OptionType::string;
  /// The value used when the file does not set it.
  OptionValue default_value;
  /// For strings and string lists: the only values allowed; empty means any.
  std::vector<std::string> allowed_values;
  /// For integers: the smallest allowed value.
  std::int64_t minimum = INT64_MIN;
  /// For integers: the largest allowed value.
  std::int64_t maximum = INT64_MAX;
  /// What it does, shown in errors and docs.
  std::string description;

  /// Returns the dotted key, e.g. `format.line_length`.
  std::string key() const { return section + "." + name; }
};

/// The options of one section of `.retort.yaml`, declared beside the tool that owns
/// them (core declares `files`, which every tool reads).
struct ConfigSection {
  /// Declares the section `name` with `options`, whose `section` becomes `name`.
  ConfigSection(std::string name, std::vector<OptionSpec> options);

  /// The section's name, e.g. `lint`.
  std::string name;
  /// Its options, in the order the docs list them.
  std::vector<OptionSpec> options;
};

/// Every section a command validates `.retort.yaml` against, in the order the docs
/// list them.
using ConfigSchema = std::vector<ConfigSection>;

/// Returns the `files` section: which files the tools work on.
ConfigSection files_config_section();

/// Writes `schema` as YAML: every option with its default, and what it does in a
/// comment (README's reference block; `retort config defaults`).
void write_config_reference(std::ostream& out, const ConfigSchema& schema);

/// A validated configuration: every option of the schema has a value.
class Config {
 public:
  /// Returns a configuration holding every option's default.
  static Config defaults(const ConfigSchema& schema);

  /// Returns the boolean option `key` (e.g. `format.enabled`).
  bool boolean(std::string_view key) const;
  /// Returns the integer option `key` (e.g. `format.line_length`).
  std::int64_t integer(std::string_view key) const;
  /// Returns the string option `key` (e.g. `format.style`).
  const std::string& string(std::string_view key) const;
  /// Returns the string-list option `key` (e.g. `files.exclude`).
  const std::vector<std::string>& string_list(std::string_view key) const;
  /// Returns the nested option `key` (e.g. `lint.checks`); an empty mapping by default.
  const ConfigTree& tree(std::string_view key) const;

  /// Sets option `key` to `value`; used by the loader and by tests.
  void set(const std::string& key, OptionValue value) { values_[key] = std::move(value); }

  /// The file it was loaded from; empty when none was found.
  std::filesystem::path source_file;

 private:
  const OptionValue& value(std::string_view key) const;
  std::map<std::string, OptionValue, std::less<>> values_;
};

/// Parses and validates `text` as `.retort.yaml`; `file_name` is used in errors.
/// Returns the configuration, or a `UsageError` naming `file_name:line:column`, what
/// is wrong and the allowed keys or values.
llvm::Expected<Config> parse_config(std::string_view text, const std::string& file_name,
                                    const ConfigSchema& schema);

/// Reads and validates the file at `path`. Returns a `UsageError` when it cannot be
/// read or is invalid.
llvm::Expected<Config> load_config_file(const std::filesystem::path& path,
                                        const ConfigSchema& schema);

/// Returns ` (did you mean 'X'?)` when one of `candidates` is a likely typo of `word`,
/// else an empty string; used by every "unknown key" error.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

/// Returns the nearest `.retort.yaml` in `start` or one of its parents up to `top`
/// (the git work tree's top; empty: up to the file system's root), if any.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start,
                                                      const std::filesystem::path& top = {});

/// Where a command runs: the project root and its configuration.
struct Project {
  /// The directory holding `.retort.yaml`, else the git work tree's top, else the
  /// starting directory.
  std::filesystem::path root;
  /// The validated configuration (defaults when no file was found).
  Config config;
};

/// Finds the project that contains `start` and loads its configuration, validated
/// against `schema`. Returns a `UsageError` when the configuration file is invalid.
llvm::Expected<Project> load_project(const std::filesystem::path& start,
                                     const ConfigSchema& schema);

}  // namespace retort
