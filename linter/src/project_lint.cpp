#include "retort/linter/project_lint.hpp"

#include <algorithm>

#include "retort/core/baseline.hpp"
#include "retort/core/compile_commands.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/fix_its.hpp"
#include "retort/core/result_cache.hpp"
#include "retort/core/source_files.hpp"

namespace retort::lint {
namespace {

namespace fs = std::filesystem;

// The database's source files inside the project and inside the requested paths;
// excluded and vendored ones only when named.
std::vector<fs::path> units_to_lint(const CompileCommands& commands, const Project& project,
                                    const FileSelection& selection,
                                    const std::vector<fs::path>& requested) {
  std::vector<fs::path> units;
  LeftOutFiles left_out(selection);
  for (const auto& file : commands.source_files()) {
    fs::path absolute = file.lexically_normal();
    if (!is_inside(absolute, project.root)) continue;
    bool is_named = false;
    for (const auto& path : requested)
      is_named |= absolute == fs::absolute(path).lexically_normal() ||
                  is_inside(absolute, fs::absolute(path));
    bool is_chosen = requested.empty() && !left_out.contains(display_path(absolute, project.root));
    if (is_named || is_chosen) units.push_back(absolute);
  }
  return units;
}

// Drops what this run does not gate on: findings in the baseline, findings off the
// changed lines, and low priorities unless strict.
llvm::Expected<std::vector<Diagnostic>> gated_findings(std::vector<Diagnostic> diagnostics,
                                                       const Project& project,
                                                       const ProjectLintOptions& options,
                                                       const Changes* changes,
                                                       std::size_t& hidden_count) {
  fs::path baseline_path = options.baseline;
  if (baseline_path.empty() && !project.config.string("lint.baseline").empty())
    baseline_path = project.root / project.config.string("lint.baseline");
  if (!baseline_path.empty()) {
    auto baseline = Baseline::read(baseline_path);
    if (!baseline) return baseline.takeError();
    diagnostics = baseline->new_findings(std::move(diagnostics), project.root,
                                         changes ? &changes->texts : nullptr);
  }
  if (changes) {
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      return !is_changed_line(changes->lines, project.root / d.range.file, d.range.begin.line);
    });
  }
  if (!options.is_strict && !project.config.boolean("lint.strict")) {
    hidden_count = std::erase_if(diagnostics, [](const Diagnostic& d) {
      return d.priority == Priority::low || d.priority == Priority::ignore;
    });
  }
  return diagnostics;
}

// Applies the safe fixes, then lints again. A fix that leaves a file that no longer
// compiles is undone, whatever the reason, so --fix never makes things worse.
llvm::Expected<LintRun> fix_and_relint(const LintRequest& request, LintRun run,
                                       const Project& project) {
  auto applied = apply_fixes(run.diagnostics, project.root);
  if (!applied) return applied.takeError();
  if (applied->fix_count == 0) return run;
  LintRun after = lint(request);
  for (const auto& [file, original] : applied->originals) {
    bool is_broken =
        std::any_of(after.diagnostics.begin(), after.diagnostics.end(), [&](const Diagnostic& d) {
          return d.check_id == "lint/parse-error" && d.range.file == file;
        });
    if (!is_broken) continue;
    if (auto error = write_file_atomically(project.root / file, original)) return std::move(error);
    return internal_error("the fixes for " + file +
                          " made it fail to compile, so they were undone; please report this");
  }
  after.fixes_applied = applied->fix_count;
  after.files_fixed = applied->originals.size();
  return after;
}

// A linted file can include an excluded or vendored header: what is found there is
// not reported, unless that header (or a folder above it) was named on the command
// line.
void drop_excluded_files(std::vector<Diagnostic>& diagnostics, const Project& project,
                         const FileSelection& selection, const std::vector<fs::path>& named_paths) {
  std::vector<fs::path> named;
  for (const auto& path : named_paths) named.push_back(fs::absolute(path).lexically_normal());
  LeftOutFiles left_out(selection);
  std::erase_if(diagnostics, [&](const Diagnostic& diagnostic) {
    fs::path file = (project.root / diagnostic.range.file).lexically_normal();
    bool is_named = std::any_of(named.begin(), named.end(), [&](const fs::path& path) {
      return file == path || is_inside(file, path);
    });
    return !is_named && left_out.contains(diagnostic.range.file);
  });
}

// The compilation database (`-p`, else `lint.build_directory`, else found as clangd
// does), once every path the user named is known to exist.
llvm::Expected<CompileCommands> database_for(const Project& project,
                                             const ProjectLintOptions& options) {
  for (const auto& path : options.paths) {
    if (!fs::exists(path)) return usage_error("no such file or directory: '" + path.string() + "'");
  }
  std::optional<fs::path> build_directory;
  if (!options.build_directory.empty())
    build_directory = options.build_directory;
  else if (const auto& configured = project.config.string("lint.build_directory");
           !configured.empty())
    build_directory = project.root / configured;
  return CompileCommands::discover(project.root, build_directory);
}

}  // namespace

llvm::Expected<LintRun> lint_project(const Project& project, const ProjectLintOptions& options,
                                     const Changes* changes) {
  auto settings = LintSettings::from_config(project.config);
  if (!settings) return settings.takeError();
  auto commands = database_for(project, options);
  if (!commands) return commands.takeError();
  auto selection = FileSelection::for_project(project.root, project.config);
  if (!selection) return selection.takeError();
  LintRequest request;
  request.translation_units = units_to_lint(*commands, project, *selection, options.paths);
  request.database = &commands->clang_database();
  request.project_root = project.root;
  request.display_root = project.root;
  request.jobs = options.jobs;
  request.on_progress = options.on_progress;
  request.settings = std::move(*settings);
  if (!options.is_cache_disabled) request.cache_root = ResultCache::default_root(project.root);
  if (changes) request.replaced_texts = changes->texts;
  LintRun run = lint(request);
  if (options.is_fixing) {
    auto fixed = fix_and_relint(request, std::move(run), project);
    if (!fixed) return fixed.takeError();
    run = std::move(*fixed);
  }
  drop_excluded_files(run.diagnostics, project, *selection, options.paths);
  run.vendored_folders_skipped = selection->vendored_folders.size();
  return run;
}

llvm::Expected<ProjectLint> run_project_lint(const Project& project,
                                             const ProjectLintOptions& options) {
  if (options.changes.is_staged && options.is_fixing)
    return usage_error(
        "--fix writes the working tree; --staged checks the index: use one of "
        "them");
  auto changes = read_changes(project.root, options.changes);
  if (!changes) return changes.takeError();
  const Changes* changed = *changes ? &**changes : nullptr;
  auto run = lint_project(project, options, changed);
  if (!run) return run.takeError();
  ProjectLint result{std::move(*run), {}, 0};
  auto gated =
      gated_findings(result.run.diagnostics, project, options, changed, result.hidden_low_priority);
  if (!gated) return gated.takeError();
  result.gated = std::move(*gated);
  return result;
}

}  // namespace retort::lint
