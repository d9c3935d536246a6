#include "retort/coverage/project_cover.hpp"

#include <chrono>

#include <llvm/Support/FormatVariadic.h>

#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/lcov.hpp"
#include "retort/coverage/diagnostics.hpp"
#include "retort/coverage/exclusions.hpp"
#include "retort/coverage/gcov.hpp"
#include "retort/coverage/html_report.hpp"
#include "retort/coverage/llvm_cov.hpp"
#include "retort/coverage/reports.hpp"

namespace retort::coverage {
namespace {

namespace fs = std::filesystem;

bool is_reporting_branches(const Project& project, const ProjectCoverOptions& options) {
  return options.is_collecting_branches || project.config.boolean("cover.branches");
}

// A Clang build with -fprofile-instr-generate -fcoverage-mapping.
llvm::Expected<CoverageData> collect_source_based(const Project& project,
                                                  const ProjectCoverOptions& options,
                                                  const fs::path& build) {
  LlvmCovOptions llvm_cov;
  llvm_cov.project_root = project.root;
  llvm_cov.excluded_directories = {build};
  llvm_cov.is_collecting_branches = is_reporting_branches(project, options);
  llvm_cov.jobs = options.jobs;
  llvm_cov.profdata_executable = project.config.string("cover.llvm_profdata");
  llvm_cov.cov_executable = project.config.string("cover.llvm_cov");
  llvm_cov.on_warning = options.on_warning;
  return collect_llvm_cov(build, llvm_cov);
}

llvm::Expected<CoverageData> collect_gcov_data(const Project& project,
                                               const ProjectCoverOptions& options,
                                               const fs::path& build) {
  auto gcda_files = find_gcda_files(build);
  if (!gcda_files) return gcda_files.takeError();
  GcovOptions gcov;
  gcov.project_root = project.root;
  gcov.excluded_directories = {build};
  gcov.is_collecting_branches = is_reporting_branches(project, options);
  gcov.is_excluding_throw_branches = !options.is_including_throw_branches &&
                                     project.config.boolean("cover.exclude_throw_branches");
  gcov.jobs = options.jobs;
  gcov.gcov_executable = project.config.string("cover.gcov");
  gcov.on_warning = options.on_warning;
  // Objects no test reached are reported at 0%, as gcovr does, not left out.
  auto inputs = *gcda_files;
  for (auto& notes : find_unreached_notes(build)) inputs.push_back(std::move(notes));
  return collect_gcov(inputs, gcov);
}

llvm::Expected<CoverageData> collect(const Project& project, const ProjectCoverOptions& options) {
  if (!options.added_tracefiles.empty()) {
    CoverageData merged;
    for (const auto& tracefile : options.added_tracefiles) {
      auto data = read_lcov(tracefile);
      if (!data) return data.takeError();
      merged.merge(*data);
    }
    return merged;
  }
  auto build = coverage_build_directory(project, options);
  if (is_source_based_build(build)) return collect_source_based(project, options, build);
  return collect_gcov_data(project, options, build);
}

std::optional<double> configured_minimum(const Project& project, std::optional<double> option,
                                         const char* key) {
  if (option) return option;
  auto configured = project.config.integer(key);
  if (configured == 0) return std::nullopt;
  return static_cast<double>(configured);
}

// The gates that fail. A change (`--since`, `--staged`) is judged by its own lines:
// the project's configured minimum then does not apply, so a commit is never refused
// for lines it did not touch; a `--minimum` given still does.
std::vector<Diagnostic> failed_gates(const Project& project, const ProjectCoverOptions& options,
                                     const CoverageData& data, const DiffCoverage* diff) {
  std::vector<Diagnostic> failed;
  auto minimum = options.changes.is_whole_project()
                     ? configured_minimum(project, options.minimum, "cover.minimum")
                     : options.minimum;
  if (auto gate = gate_diagnostic("line coverage", totals_of(data).lines, minimum))
    failed.push_back(std::move(*gate));
  if (diff) {
    if (auto gate = gate_diagnostic(
            "diff coverage", diff->counts(),
            configured_minimum(project, options.minimum_diff, "cover.minimum_diff")))
      failed.push_back(std::move(*gate));
  }
  return failed;
}

}  // namespace

int ProjectCover::exit_code() const { return failed_gates.empty() ? exit_clean : exit_findings; }

fs::path coverage_build_directory(const Project& project, const ProjectCoverOptions& options) {
  if (!options.build_directory.empty()) return fs::absolute(options.build_directory);
  return project.root / project.config.string("cover.build_directory");
}

llvm::Error check_cover_paths(const ProjectCoverOptions& options, const CoverReportFiles& files) {
  for (const auto& tracefile : options.added_tracefiles) {
    std::error_code error;
    if (!fs::is_regular_file(tracefile, error))
      return usage_error("--add-tracefile " + tracefile.string() + ": no such file");
  }
  auto html_index = files.html_directory.empty() ? fs::path() : files.html_directory / "index.html";
  return prepare_report_paths({files.lcov_file, files.cobertura_file, files.json_file, html_index});
}

std::vector<std::string> reset_coverage_counts(const fs::path& build_directory) {
  remove_gcda_files(build_directory);
  remove_profiles(build_directory);
  return {profile_file_setting(build_directory)};
}

llvm::Expected<ProjectCover> run_project_cover(const Project& project,
                                               const ProjectCoverOptions& options) {
  auto data = collect(project, options);
  if (!data) return data.takeError();
  ProjectCover cover;
  cover.data = std::move(*data);
  cover.is_reporting_branches = is_reporting_branches(project, options);
  const auto& skip_files = project.config.string_list("cover.skip_files");
  cover.warnings = apply_exclusions(cover.data, ExclusionOptions{project.root, skip_files});
  auto changes = read_changes(project.root, options.changes);
  if (!changes) return changes.takeError();
  if (*changes) cover.diff = diff_coverage(cover.data, (*changes)->lines, project.root, skip_files);
  const DiffCoverage* diff = cover.diff ? &*cover.diff : nullptr;
  cover.failed_gates = failed_gates(project, options, cover.data, diff);
  cover.findings = cover.failed_gates;
  if (diff) {
    auto uncovered = uncovered_change_diagnostics(*diff);
    cover.findings.insert(cover.findings.end(), uncovered.begin(), uncovered.end());
  }
  return cover;
}

llvm::Error write_cover_reports(const Project& project, const ProjectCover& cover,
                                const CoverReportFiles& files) {
  const DiffCoverage* diff = cover.diff ? &*cover.diff : nullptr;
  if (!files.lcov_file.empty()) {
    if (auto error = write_report_file(files.lcov_file, to_lcov(cover.data))) return error;
  }
  if (!files.html_directory.empty()) {
    auto title = "Coverage of " + project.root.filename().string();
    if (auto error = write_html_report(files.html_directory, cover.data, project.root, title))
      return error;
  }
  if (!files.cobertura_file.empty()) {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    auto xml = cobertura_xml(cover.data, project.root, now);
    if (auto error = write_report_file(files.cobertura_file, xml)) return error;
  }
  if (!files.json_file.empty()) {
    auto json = llvm::formatv("{0:2}", coverage_json(cover.data, project.root, diff)).str() + "\n";
    if (auto error = write_report_file(files.json_file, json)) return error;
  }
  return llvm::Error::success();
}

}  // namespace retort::coverage
