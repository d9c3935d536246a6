#include "retort/coverage/gcov.hpp"

#include <algorithm>
#include <system_error>
#include <unordered_map>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/JSON.h>

#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/parallel.hpp"
#include "retort/core/process.hpp"
#include "retort/core/source_files.hpp"
#include "retort/core/text_lines.hpp"

namespace retort::coverage {
namespace {

namespace fs = std::filesystem;

llvm::Error no_data_error(const fs::path& build_directory) {
  if (!files_with_extension(build_directory, ".gcno").empty()) {
    return usage_error("no coverage data (.gcda files) in " + build_directory.string() +
                       ": the coverage build has not run its tests yet; run `retort cover` "
                       "without --no-test, or run the tests first");
  }
  return usage_error("no coverage data in " + build_directory.string() +
                     ": it is not a coverage build (no .gcno files). Build with --coverage, "
                     "e.g. `cmake --preset coverage && cmake --build --preset coverage`, or "
                     "point cover.build_directory (--build-dir) at such a build");
}

// Decides once per path whether a source belongs in the report.
class SourceFilter {
 public:
  explicit SourceFilter(const GcovOptions& options) : options_(options) {}

  bool keeps(const fs::path& path) {
    auto [it, is_new] = decisions_.try_emplace(path.native(), false);
    if (!is_new) return it->second;
    bool is_kept = is_inside(path, options_.project_root);
    for (const auto& excluded : options_.excluded_directories) {
      if (is_kept && is_inside(path, excluded)) is_kept = false;
    }
    it->second = is_kept;
    return is_kept;
  }

 private:
  const GcovOptions& options_;
  std::unordered_map<std::string, bool> decisions_;
};

void add_line(const llvm::json::Object& entry, const GcovOptions& options,
              std::map<unsigned, unsigned>& occurrences, FileCoverage& file) {
  auto line = static_cast<unsigned>(entry.getInteger("line_number").value_or(0));
  auto count =
      static_cast<std::uint64_t>(std::max<std::int64_t>(0, entry.getInteger("count").value_or(0)));
  file.lines[line] += count;
  const auto* branches = entry.getArray("branches");
  if (!options.is_collecting_branches || !branches || branches->empty()) return;
  // A line seen again belongs to another function (a template instance): its own block.
  unsigned block = occurrences[line]++;
  unsigned index = 0;
  for (const auto& branch : *branches) {
    const auto* fields = branch.getAsObject();
    if (!fields) continue;
    if (options.is_excluding_throw_branches && fields->getBoolean("throw").value_or(false))
      continue;
    std::optional<std::uint64_t> taken;
    if (count > 0) taken = static_cast<std::uint64_t>(fields->getInteger("count").value_or(0));
    file.add_branch(BranchId{line, block, index++}, taken);
  }
}

void add_functions(const llvm::json::Array& functions, FileCoverage& file) {
  for (const auto& value : functions) {
    const auto* function = value.getAsObject();
    if (!function) continue;
    auto mangled = function->getString("name").value_or("");
    auto demangled = function->getString("demangled_name").value_or(mangled);
    if (is_compiler_generated_function(mangled, demangled)) continue;
    auto& hits = file.functions[demangled.str()];
    hits.line = static_cast<unsigned>(function->getInteger("start_line").value_or(0));
    hits.count += static_cast<std::uint64_t>(function->getInteger("execution_count").value_or(0));
    hits.mangled_name = mangled.str();
  }
}

struct BatchResult {
  CoverageData data;
  std::string problems;
  std::vector<std::string> warnings;
};

enum class GcovMessage { problem, warning, expected };

// What gcov says on stderr: mostly a problem with the data, but a source edited (or
// touched, or restored by `git stash pop`) since it was compiled leaves the counts
// usable, an object no test reached has no data by design, and one without functions
// (pugixml's test_version.cpp holds only an `#if` check) has nothing to count.
GcovMessage classify_gcov_message(llvm::StringRef line) {
  line = line.trim();
  if (line.empty() || line.contains("cannot open data file, assuming not executed") ||
      line.contains("the message is displayed only once per source file") ||
      line.ends_with(":no functions found"))
    return GcovMessage::expected;
  if (line.contains("is newer than notes file")) return GcovMessage::warning;
  return GcovMessage::problem;
}

BatchResult run_gcov_batch(const std::vector<fs::path>& gcda_files, const GcovOptions& options) {
  std::vector<std::string> argv{options.gcov_executable, "--json-format", "--stdout"};
  if (options.is_collecting_branches) argv.push_back("--branch-probabilities");
  for (const auto& file : gcda_files) argv.push_back(file.string());
  BatchResult result;
  auto process = run_process(argv);
  if (!process) {
    result.problems = llvm::toString(process.takeError()) + "\n";
    return result;
  }
  for (auto line : split_lines(process->standard_error)) {
    switch (classify_gcov_message(line)) {
      case GcovMessage::problem:
        result.problems += std::string(line) + "\n";
        break;
      case GcovMessage::warning:
        result.warnings.push_back(std::string(line) +
                                  " (its coverage is of the text that was compiled; rebuild "
                                  "and rerun the tests for the current one)");
        break;
      case GcovMessage::expected:
        break;
    }
  }
  for (auto document : split_lines(process->standard_output)) {
    if (llvm::StringRef(document).trim().empty()) continue;
    if (auto error = add_gcov_json(document, options, result.data)) {
      result.problems += llvm::toString(std::move(error)) + "\n";
    }
  }
  return result;
}

// Batches small enough to keep every gcov process busy, large enough to pay few starts.
std::vector<std::vector<fs::path>> batches_of(const std::vector<fs::path>& files, unsigned jobs) {
  std::size_t batch_count =
      std::max<std::size_t>(1, llvm::hardware_concurrency(jobs).compute_thread_count() * 4);
  std::size_t batch_size =
      std::clamp<std::size_t>((files.size() + batch_count - 1) / batch_count, 1, 64);
  std::vector<std::vector<fs::path>> batches;
  for (std::size_t i = 0; i < files.size(); i += batch_size) {
    auto end = std::min(files.size(), i + batch_size);
    batches.emplace_back(files.begin() + static_cast<std::ptrdiff_t>(i),
                         files.begin() + static_cast<std::ptrdiff_t>(end));
  }
  return batches;
}

std::string advice_for(llvm::StringRef problem) {
  if (problem.contains("stamp mismatch"))
    return "the .gcda was written by an older build than its .gcno: rerun the tests "
           "(`retort cover` does unless --no-test) or delete the stale .gcda files";
  if (problem.contains("cannot open notes file"))
    return "its .gcno is missing: the object was rebuilt without --coverage or deleted";
  if (problem.contains("not a gcov data file") || problem.contains("version"))
    return "it is not gcov data this gcov can read (corrupt, or from another compiler "
           "version); delete it and rerun the tests";
  return "gcov could not read it";
}

llvm::Error problems_error(const std::string& problems) {
  std::string message = "gcov rejected the coverage data:";
  std::size_t shown = 0;
  for (auto line : split_lines(problems)) {
    if (llvm::StringRef(line).trim().empty()) continue;
    if (++shown > 10) {
      message += "\n  ... and more";
      break;
    }
    message += "\n  " + std::string(line) + " (" + advice_for(line) + ")";
  }
  return usage_error(message);
}

// gcov 12 reads data from an older compile of a changed source without a word (each
// function's checksum differs, so its counts come out as zero): compare the stamps.
std::string stale_data_problems(const std::vector<fs::path>& gcda_files) {
  std::string problems;
  for (const auto& gcda : gcda_files) {
    if (gcda.extension() != ".gcda") continue;  // an unreached object's notes alone
    auto gcno = fs::path(gcda).replace_extension(".gcno");
    std::error_code error;
    auto notes_time = fs::last_write_time(gcno, error);
    if (error) {
      problems += gcda.string() + ":cannot open notes file\n";
    } else if (notes_time > fs::last_write_time(gcda, error) && !error) {
      problems += gcda.string() + ":stamp mismatch with notes file (" + gcno.filename().string() +
                  " was compiled after the tests wrote it)\n";
    }
  }
  return problems;
}

}  // namespace

llvm::Expected<std::vector<fs::path>> find_gcda_files(const fs::path& build_directory) {
  std::error_code error;
  if (!fs::is_directory(build_directory, error)) {
    return usage_error("coverage build directory " + build_directory.string() +
                       " does not exist: configure and build one with --coverage, e.g. "
                       "`cmake --preset coverage && cmake --build --preset coverage`, or set "
                       "cover.build_directory (--build-dir)");
  }
  auto files = files_with_extension(build_directory, ".gcda");
  if (files.empty()) return no_data_error(build_directory);
  return files;
}

std::vector<fs::path> find_unreached_notes(const fs::path& build_directory) {
  std::vector<fs::path> unreached;
  std::error_code error;
  for (const auto& notes : files_with_extension(build_directory, ".gcno")) {
    if (!fs::exists(fs::path(notes).replace_extension(".gcda"), error)) unreached.push_back(notes);
  }
  return unreached;
}

std::size_t remove_gcda_files(const fs::path& build_directory) {
  return remove_files_with_extension(build_directory, ".gcda");
}

llvm::Error add_gcov_json(std::string_view json_text, const GcovOptions& options,
                          CoverageData& data) {
  auto document = llvm::json::parse(llvm::StringRef(json_text.data(), json_text.size()));
  if (!document) return document.takeError();
  const auto* root = document->getAsObject();
  const auto* files = root ? root->getArray("files") : nullptr;
  if (!files) return usage_error("gcov printed JSON without a 'files' array");
  fs::path working_directory(root->getString("current_working_directory").value_or("").str());
  SourceFilter filter(options);
  for (const auto& value : *files) {
    const auto* file = value.getAsObject();
    if (!file) continue;
    fs::path source(file->getString("file").value_or("").str());
    if (source.is_relative()) source = working_directory / source;
    source = source.lexically_normal();
    if (!filter.keeps(source)) continue;
    auto& coverage = data.files[source];
    std::map<unsigned, unsigned> occurrences;
    if (const auto* lines = file->getArray("lines")) {
      for (const auto& line : *lines) {
        if (const auto* entry = line.getAsObject())
          add_line(*entry, options, occurrences, coverage);
      }
    }
    if (const auto* functions = file->getArray("functions")) add_functions(*functions, coverage);
  }
  return llvm::Error::success();
}

llvm::Expected<CoverageData> collect_gcov(const std::vector<fs::path>& gcda_files,
                                          const GcovOptions& options) {
  if (auto stale = stale_data_problems(gcda_files); !stale.empty()) return problems_error(stale);
  auto results = parallel_map(batches_of(gcda_files, options.jobs), options.jobs,
                              [&](const auto& batch) { return run_gcov_batch(batch, options); });
  CoverageData data;
  std::string problems;
  for (auto& result : results) {
    problems += result.problems;
    data.merge(result.data);
    if (options.on_warning)
      for (const auto& warning : result.warnings) options.on_warning(warning);
  }
  if (!problems.empty()) return problems_error(problems);
  return data;
}

}  // namespace retort::coverage
