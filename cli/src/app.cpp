#include <unistd.h>

#include <iostream>

#include <llvm/Support/raw_ostream.h>

#include "commands.hpp"
#include "project_schema.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/version.hpp"

namespace retort::cli {

bool GlobalOptions::use_color() const { return use_color_on(STDOUT_FILENO); }

bool GlobalOptions::use_color_on(int fd) const {
  if (color == "always") return true;
  if (color == "never") return false;
  return stream_supports_color(fd);
}

ReportContext make_report_context(std::string tool, RuleCatalog rules, std::size_t files_checked,
                                  std::chrono::steady_clock::time_point start,
                                  const GlobalOptions& global) {
  ReportContext context;
  context.tool = std::move(tool);
  context.tool_version = std::string(version());
  context.rules = std::move(rules);
  context.files_checked = files_checked;
  context.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  context.use_color = global.use_color();
  return context;
}

void deliver_findings(StepSink* step, ReportFormat format,
                      const std::vector<Diagnostic>& diagnostics, const ReportContext& context,
                      std::ostream& out) {
  if (!step) return write_report(format, diagnostics, context, out);
  auto plain = context;
  plain.use_color = false;
  write_report(ReportFormat::text, diagnostics, plain, step->human);
  step->findings = {context, diagnostics};
}

void add_change_options(CLI::App& command, ChangeScope& scope, const std::string& what) {
  auto* since = command.add_option("--since", scope.since, what + " since this git revision")
                    ->type_name("REV");
  command
      .add_flag("--staged", scope.is_staged,
                what +
                    " in what is staged for the next commit, read from git's index (unstaged "
                    "edits neither hide nor cause a finding)")
      ->excludes(since);
}

ReportFormat report_format_or_throw(const std::string& name) {
  if (auto format = parse_report_format(name)) return *format;
  throw CLI::ValidationError(
      "--format", "unknown format '" + name + "'; expected one of: " + report_format_names());
}

llvm::Expected<Project> load_project_for(const GlobalOptions& global) {
  // Like `git -C`: everything after this, paths given on the command line included,
  // is relative to that directory.
  std::error_code error;
  std::filesystem::current_path(global.directory, error);
  if (error)
    return usage_error("-C: cannot change to '" + global.directory.string() +
                       "': " + error.message());
  return load_project(std::filesystem::current_path(), project_schema());
}

std::function<int()> project_action(const GlobalOptions& global, ProjectRun run) {
  return [&global, run = std::move(run)] {
    auto project = load_project_for(global);
    if (!project) return report_error(project.takeError(), llvm::errs());
    return run(*project);
  };
}

void on_project(CLI::App& command, std::function<int()>& action, const GlobalOptions& global,
                ProjectRun run) {
  command.callback(
      [&action, &global, run = std::move(run)] { action = project_action(global, run); });
}

int run(int argc, char** argv, CommandAdder add_commands) {
  CLI::App app{"retort: formatting and consistency checks for C++ (and an actor runtime)",
               "retort"};
  app.set_version_flag("--version", std::string("retort ") + std::string(version()));
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("-C", global.directory, "Run as if retort was started in this directory")
      ->type_name("DIR");
  app.add_option("--color", global.color,
                 "Colour text output: auto (on a terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.footer(
      "Exit codes: 0 clean, 1 findings or failing tests, 2 usage or configuration error, 3 "
      "internal error, 4 no tests selected, 130 interrupted.");

  std::function<int()> action;
  CommandOptions options;
  add_commands(app, options, action, global);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version_request) {
    return app.exit(version_request);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return exit_usage;
  }
  try {
    return action();
  } catch (const CLI::Error& error) {
    std::cerr << "retort: error: " << error.what() << "\n";
    return exit_usage;
  } catch (const std::exception& error) {
    std::cerr << "retort: internal error: " << error.what() << "\n";
    return exit_internal;
  }
}

}  // namespace retort::cli
