#include "retort/docgen/config_section.hpp"

namespace retort::doc {

ConfigSection config_section() {
  using Strings = std::vector<std::string>;
  return {
      "doc",
      {
          {.name = "min_grade",
           .type = OptionType::string,
           .default_value = std::string("none"),
           .allowed_values = {"none", "A", "B", "C"},
           .description = "`retort doc-grade` exits 1 when a public symbol is graded below this "
                          "(as --min-grade); none gates nothing."},
          {.name = "fail_under",
           .type = OptionType::integer,
           .default_value = std::int64_t{0},
           .minimum = 0,
           .maximum = 100,
           .description = "`retort doc-grade` exits 1 when fewer than this percentage of public "
                          "symbols are graded B or better (as --fail-under)."},
          {.name = "internal_namespaces",
           .type = OptionType::string_list,
           .default_value = Strings{"detail", "internal"},
           .description = "Namespaces whose contents are not public API: never graded."},
          {.name = "exclude",
           .type = OptionType::string_list,
           .default_value = Strings{},
           .description = "Globs (relative to the project root) of headers that are not public "
                          "API, e.g. **/src/** for private headers beside the sources."},
          {.name = "flags",
           .type = OptionType::string_list,
           .default_value = Strings{"-std=c++20"},
           .description = "Compiler arguments for headers when the project has no "
                          "compile_commands.json; include/ and the project root are always on "
                          "the include path then."},
          {.name = "build_directory",
           .type = OptionType::string,
           .default_value = std::string(),
           .description = "The folder holding `compile_commands.json`, relative to the project "
                          "root (as `-p`); empty looks in `build/`, then the root, and parses "
                          "with `doc.flags` when neither has one."},
      }};
}

}  // namespace retort::doc
