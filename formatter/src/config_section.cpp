#include "retort/formatter/config_section.hpp"

namespace retort::format {

ConfigSection config_section() {
  using Strings = std::vector<std::string>;
  return {"format",
          {
              {.name = "line_length",
               .type = OptionType::integer,
               .default_value = std::int64_t{100},
               .minimum = 40,
               .maximum = 200,
               .description = "The column limit of the house style."},
              {.name = "style",
               .type = OptionType::string,
               .default_value = std::string("retort"),
               .allowed_values = {"retort", "file"},
               .description = "`retort` is the house style; `file` honours the nearest "
                              ".clang-format while a team adopts retort."},
              {.name = "max_file_kb",
               .type = OptionType::integer,
               .default_value = std::int64_t{2048},
               .minimum = 1,
               .maximum = 1048576,
               .description = "Files larger than this many KiB (usually generated code) are "
                              "skipped with a warning."},
          }};
}

}  // namespace retort::format
