// `retort config defaults`: every `.retort.yaml` option with its default and what it
// does, from the sections the tools declare (README's reference block is this output).

#include <iostream>

#include "commands.hpp"
#include "project_schema.hpp"
#include "retort/core/exit_codes.hpp"

namespace retort::cli {

void add_config_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand("config", "Show the .retort.yaml options");
  command->require_subcommand(1);
  CLI::App* defaults = command->add_subcommand(
      "defaults", "Print every option with its default and what it does, as YAML");
  defaults->callback([&] {
    action = [] {
      write_config_reference(std::cout, project_schema());
      return exit_clean;
    };
  });
}

}  // namespace retort::cli
