#include "retort/coverage/llvm_cov.hpp"

#include <algorithm>
#include <system_error>
#include <thread>

#include <llvm/Object/ELF.h>
#include <llvm/Support/MemoryBuffer.h>

#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/lcov.hpp"
#include "retort/core/process.hpp"
#include "retort/core/source_files.hpp"
#include "retort/core/text_lines.hpp"

namespace retort::coverage {
namespace {

namespace fs = std::filesystem;

constexpr const char* profiles_folder = "retort-profiles";
constexpr const char* merged_profile = "retort-coverage.profdata";

// Programs and shared libraries only: relocatable objects repeat what was linked.
// The ELF reader alone, not llvm::object::ObjectFile, which would link every object
// format (and LLVM's IR, for bitcode) into `retort`; 64-bit little-endian is what the
// Clang of a Debian amd64 or arm64 machine writes.
bool carries_coverage_mapping(const fs::path& path) {
  auto buffer = llvm::MemoryBuffer::getFile(path.string(), /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer) return false;
  auto contents = (*buffer)->getBuffer();
  if (!contents.starts_with("\x7f"
                            "ELF"))
    return false;
  auto elf = llvm::object::ELF64LEFile::create(contents);
  if (!elf) {
    llvm::consumeError(elf.takeError());
    return false;
  }
  if (elf->getHeader().e_type == llvm::ELF::ET_REL) return false;
  auto sections = elf->sections();
  if (!sections) {
    llvm::consumeError(sections.takeError());
    return false;
  }
  for (const auto& section : *sections) {
    auto name = elf->getSectionName(section);
    if (name && *name == "__llvm_covmap") return true;
    if (!name) llvm::consumeError(name.takeError());
  }
  return false;
}

bool may_be_program_or_library(const fs::directory_entry& entry) {
  std::error_code error;
  if (!entry.is_regular_file(error)) return false;
  auto name = entry.path().filename().string();
  bool is_executable =
      (entry.status(error).permissions() & fs::perms::owner_exec) != fs::perms::none;
  return is_executable || name.find(".so") != std::string::npos;
}

// Runs one of the LLVM tools; its failure is the user's to fix (a profile from another
// compiler version, a missing tool), so it is a usage error quoting the tool.
llvm::Expected<ProcessResult> run_llvm_tool(const std::vector<std::string>& argv,
                                            const std::string& config_key) {
  auto result = run_process(argv);
  if (!result) {
    llvm::consumeError(result.takeError());
    return usage_error("cannot run " + argv[0] + " (set " + config_key +
                       " to the one matching the Clang that built the coverage build; "
                       "Debian's llvm-16 package has llvm-profdata-16 and llvm-cov-16)");
  }
  if (result->exit_code != 0) {
    return usage_error(argv[0] + " failed (exit " + std::to_string(result->exit_code) +
                       "): " + llvm::StringRef(result->standard_error).trim().str());
  }
  return result;
}

void forward_warnings(const std::string& tool_output, const LlvmCovOptions& options) {
  if (!options.on_warning) return;
  for (auto line : split_lines(tool_output)) {
    auto text = llvm::StringRef(line.data(), line.size()).trim();
    if (!text.empty()) options.on_warning(text.str());
  }
}

llvm::Expected<fs::path> merge_profiles(const fs::path& build_directory,
                                        const std::vector<fs::path>& profiles,
                                        const LlvmCovOptions& options) {
  auto list = build_directory / profiles_folder / "inputs.txt";
  std::error_code error;
  fs::create_directories(list.parent_path(), error);
  std::string names;
  for (const auto& profile : profiles) names += profile.string() + "\n";
  if (auto write_error = write_file_atomically(list, names)) return std::move(write_error);
  auto merged = build_directory / merged_profile;
  // "all": a profile a killed test left truncated is a warning, not the end of the run.
  auto result = run_llvm_tool({options.profdata_executable, "merge", "-sparse",
                               "--failure-mode=all", "-f", list.string(), "-o", merged.string()},
                              "cover.llvm_profdata");
  if (!result) return result.takeError();
  forward_warnings(result->standard_error, options);
  return merged;
}

llvm::Expected<std::string> export_lcov(const fs::path& merged,
                                        const std::vector<fs::path>& objects,
                                        const LlvmCovOptions& options) {
  unsigned threads =
      options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> argv = {options.cov_executable,
                                   "export",
                                   "-format=lcov",
                                   "-instr-profile=" + merged.string(),
                                   "-num-threads=" + std::to_string(threads),
                                   objects.front().string()};
  for (std::size_t i = 1; i < objects.size(); ++i) {
    argv.push_back("-object");
    argv.push_back(objects[i].string());
  }
  auto result = run_llvm_tool(argv, "cover.llvm_cov");
  if (!result) return result.takeError();
  forward_warnings(result->standard_error, options);
  return std::move(result->standard_output);
}

// Keeps the project's sources and, unless asked for, drops branches; llvm-cov names
// sources as the compiler saw them, relative ones against the build directory.
CoverageData kept_sources(CoverageData exported, const fs::path& build_directory,
                          const LlvmCovOptions& options) {
  CoverageData kept;
  for (auto& [path, file] : exported.files) {
    auto source = (build_directory / path).lexically_normal();
    bool is_kept = is_inside(source, options.project_root);
    for (const auto& excluded : options.excluded_directories)
      is_kept = is_kept && !is_inside(source, excluded);
    if (!is_kept) continue;
    if (!options.is_collecting_branches) file.branches.clear();
    std::erase_if(file.functions, [](const auto& entry) {
      return is_compiler_generated_function(entry.second.mangled_name, entry.first);
    });
    kept.files[source].merge(file);
  }
  return kept;
}

}  // namespace

std::string profile_file_setting(const fs::path& build_directory) {
  // %p: one file per process; %m: merged when a reused pid meets its old file.
  return "LLVM_PROFILE_FILE=" + (build_directory / profiles_folder / "%p-%m.profraw").string();
}

std::vector<fs::path> find_profiles(const fs::path& build_directory) {
  return files_with_extension(build_directory, ".profraw");
}

std::size_t remove_profiles(const fs::path& build_directory) {
  return remove_files_with_extension(build_directory, ".profraw");
}

std::vector<fs::path> find_instrumented_objects(const fs::path& build_directory) {
  std::vector<fs::path> objects;
  std::error_code error;
  for (fs::recursive_directory_iterator it(build_directory, error), end; !error && it != end;
       it.increment(error)) {
    if (may_be_program_or_library(*it) && carries_coverage_mapping(it->path()))
      objects.push_back(it->path());
  }
  std::sort(objects.begin(), objects.end());
  return objects;
}

bool is_source_based_build(const fs::path& build_directory) {
  if (!files_with_extension(build_directory, ".gcno").empty()) return false;
  return !find_profiles(build_directory).empty() ||
         !find_instrumented_objects(build_directory).empty();
}

llvm::Expected<CoverageData> collect_llvm_cov(const fs::path& build_directory,
                                              const LlvmCovOptions& options) {
  auto objects = find_instrumented_objects(build_directory);
  if (objects.empty()) {
    return usage_error("no program or library in " + build_directory.string() +
                       " carries a coverage mapping: build it with Clang's "
                       "-fprofile-instr-generate -fcoverage-mapping (compile and link)");
  }
  auto profiles = find_profiles(build_directory);
  if (profiles.empty()) {
    return usage_error("no coverage profiles (.profraw files) in " + build_directory.string() +
                       ": the coverage build has not run its tests yet; run `retort cover` "
                       "without --no-test, or run the tests with " +
                       profile_file_setting(build_directory));
  }
  auto merged = merge_profiles(build_directory, profiles, options);
  if (!merged) return merged.takeError();
  auto tracefile = export_lcov(*merged, objects, options);
  if (!tracefile) return tracefile.takeError();
  auto exported = parse_lcov(*tracefile, options.cov_executable + " export");
  if (!exported) return exported.takeError();
  return kept_sources(std::move(*exported), build_directory, options);
}

}  // namespace retort::coverage
