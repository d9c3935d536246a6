#include "retort/formatter/project_format.hpp"

#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/result_cache.hpp"
#include "retort/core/source_files.hpp"

namespace retort::format {

int ProjectFormat::exit_code() const {
  if (run.has_internal_error()) return exit_internal;
  return has_findings(run.diagnostics) ? exit_findings : exit_clean;
}

llvm::Expected<ProjectFormat> run_project_format(const Project& project,
                                                 const ProjectFormatOptions& options) {
  if (options.changes.is_staged && options.mode == FormatMode::in_place)
    return usage_error(
        "--staged checks the text the index holds: use it with "
        "--check or --diff (writing it back would undo unstaged edits)");
  auto selection = FileSelection::for_project(project.root, project.config);
  if (!selection) return selection.takeError();
  ProjectFormat result;
  result.vendored_folders_skipped = selection->vendored_folders.size();
  auto files = discover_source_files(project.root, options.paths, *selection, &result.left_alone);
  if (!files) return files.takeError();
  auto changes = read_changes(project.root, options.changes);
  if (!changes) return changes.takeError();

  FormatRequest request;
  request.mode = options.mode;
  request.options = FormatOptions::from_config(project.config);
  request.display_root = project.root;
  request.jobs = options.jobs;
  request.on_progress = options.on_progress;
  if (!options.is_cache_disabled) request.cache_root = ResultCache::default_root(project.root);
  if (*changes) {
    request.changed_lines = std::move((*changes)->lines);
    request.replaced_texts = std::move((*changes)->texts);
  }
  request.files = std::move(*files);
  result.files_checked = request.files.size();
  result.run = format_files(request);
  return result;
}

}  // namespace retort::format
