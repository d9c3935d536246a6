#include "retort/linter/config_section.hpp"

namespace retort::lint {

ConfigSection config_section() {
  using Strings = std::vector<std::string>;
  return {"lint",
          {
              {.name = "checks",
               .type = OptionType::tree,
               .default_value = ConfigTree{.is_mapping = true},
               .description = "Per-check settings by id: `enabled`, `severity` (error, warning, "
                              "note), `priority` (higher, high, normal, low) and the check's own "
                              "params, e.g. `readability/function-length: {max_lines: 60}`."},
              {.name = "strict",
               .type = OptionType::boolean,
               .default_value = false,
               .description = "Also report low-priority findings (as `retort lint --strict`)."},
              {.name = "baseline",
               .type = OptionType::string,
               .default_value = std::string(),
               .description = "A baseline file (written by `retort lint --write-baseline`): the "
                              "findings it lists are not reported, so only new ones gate."},
              {.name = "build_directory",
               .type = OptionType::string,
               .default_value = std::string(),
               .description = "The folder holding `compile_commands.json`, relative to the "
                              "project root (as `-p`); empty looks in `build/`, then the root."},
          }};
}

}  // namespace retort::lint
