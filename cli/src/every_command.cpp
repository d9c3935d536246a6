// Every subcommand, in the order `retort --help` lists them: the `retort-clang`
// executable's set.

#include "commands.hpp"

namespace retort::cli {

void add_every_command(CLI::App& app, CommandOptions& options, std::function<int()>& action,
                       const GlobalOptions& global) {
  add_format_command(app, options.format, action, global);
  add_ensure_consistency_command(app, options.ensure, action, global);
  add_lint_command(app, options.lint, action, global);
  add_test_command(app, options.test, action, global);
  add_cover_command(app, options.cover, action, global);
  add_doc_grade_command(app, options.doc_grade, action, global);
  add_typecheck_command(app, options.typecheck, action, global);
  add_install_hook_command(app, options.hook, action, global);
  add_config_command(app, action);
}

}  // namespace retort::cli
