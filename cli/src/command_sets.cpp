// Which subcommands each executable carries: `retort` the Clang-free ones, so that
// `retort test` does not load libclang-cpp and libLLVM; `retort-clang` all of them.

#include "commands.hpp"

namespace retort::cli {

void add_test_commands(CLI::App& app, CommandOptions& options, std::function<int()>& action,
                       const GlobalOptions& global) {
  add_test_command(app, options.test, action, global);
  add_cover_command(app, options.cover, action, global);
}

}  // namespace retort::cli
