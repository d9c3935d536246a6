// The `files` section of .retort.yaml, which every tool reads; each tool declares its
// own section beside it (e.g. formatter/src/config_section.cpp).

#include "retort/core/config.hpp"

namespace retort {

ConfigSection files_config_section() {
  using Strings = std::vector<std::string>;
  return {
      "files",
      {
          {.name = "include",
           .type = OptionType::string_list,
           .default_value = Strings{},
           .description = "Globs (relative to the project root) of the files to work on; "
                          "empty means every C++ file git knows of."},
          {.name = "exclude",
           .type = OptionType::string_list,
           .default_value = Strings{},
           .description = "Globs (relative to the project root) of files to leave alone, "
                          "e.g. third_party/** or **/*.pb.h."},
          {.name = "vendored",
           .type = OptionType::string_list,
           .default_value = Strings{"auto"},
           .description = "Folders (or globs of folders) of vendored code that no tool touches. "
                          "`auto` stands for the folders found: third_party/, vendor/, "
                          "external/, extern/ and nested projects with their own licence and "
                          "build. `[]` works on vendored code too."},
      }};
}

}  // namespace retort
