#include "retort/typecheck/config_section.hpp"

namespace retort::typecheck {

ConfigSection config_section() {
  return {"typecheck",
          {
              {.name = "baseline",
               .type = OptionType::string,
               .default_value = std::string(),
               .description = "A baseline file (written by `retort typecheck --write-baseline`): "
                              "the warnings it lists are not reported, so only new ones gate."},
              {.name = "build_directory",
               .type = OptionType::string,
               .default_value = std::string(),
               .description = "The folder holding `compile_commands.json`, relative to the "
                              "project root (as `-p`); empty looks in `build/`, then the root."},
              {.name = "unresolved_target",
               .type = OptionType::boolean,
               .default_value = false,
               .description = "Also report, as low-priority `unresolved-target` notes, the "
                              "sends whose receiver could not be determined (not checked), "
                              "like Dialyzer's -Wunknown (as `--unresolved-target`)."},
          }};
}

}  // namespace retort::typecheck
