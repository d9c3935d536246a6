#include "retort/core/git.hpp"

#include <algorithm>
#include <sstream>

#include "retort/core/errors.hpp"
#include "retort/core/process.hpp"

namespace retort {
namespace {

llvm::Expected<ProcessResult> run_git(const std::filesystem::path& repository,
                                      std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), {"git", "-C", repository.string()});
  return run_process(arguments);
}

std::vector<std::string> split_nul(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\0', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// "@@ -12,3 +40,2 @@" -> {40, 41}; a count of 0 is a pure deletion with no new lines.
std::optional<LineRange> parse_hunk_header(const std::string& line) {
  std::size_t plus = line.find(" +");
  if (plus == std::string::npos) return std::nullopt;
  std::istringstream fields(line.substr(plus + 2));
  unsigned first = 0;
  unsigned count = 1;
  fields >> first;
  if (fields.peek() == ',') {
    fields.ignore();
    fields >> count;
  }
  if (count == 0) return std::nullopt;
  return LineRange{first, first + count - 1};
}

}  // namespace

std::optional<std::filesystem::path> git_toplevel(const std::filesystem::path& directory) {
  auto result = run_git(directory, {"rev-parse", "--show-toplevel"});
  if (!result) {
    llvm::consumeError(result.takeError());
    return std::nullopt;
  }
  if (result->exit_code != 0) return std::nullopt;
  std::string top = result->standard_output;
  while (!top.empty() && (top.back() == '\n' || top.back() == '\r')) top.pop_back();
  return std::filesystem::path(top);
}

llvm::Expected<std::vector<std::filesystem::path>> git_list_files(
    const std::filesystem::path& repository, const std::vector<std::filesystem::path>& paths) {
  std::vector<std::string> arguments{
      "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate", "--"};
  for (const auto& path : paths) arguments.push_back(path.string());
  auto result = run_git(repository, arguments);
  if (!result) return result.takeError();
  if (result->exit_code != 0) {
    return internal_error("git ls-files failed in '" + repository.string() +
                          "': " + result->standard_error);
  }
  std::vector<std::filesystem::path> files;
  for (const auto& relative : split_nul(result->standard_output)) {
    files.push_back(repository / relative);
  }
  return files;
}

ChangedLines parse_unified_diff(const std::string& diff_text,
                                const std::filesystem::path& repository) {
  ChangedLines changed;
  std::istringstream lines(diff_text);
  std::string line;
  std::filesystem::path current_file;
  while (std::getline(lines, line)) {
    if (line.rfind("+++ ", 0) == 0) {
      std::string name = line.substr(4);
      // "+++ /dev/null" is a deleted file: nothing of it is left to check.
      current_file = name == "/dev/null"
                         ? std::filesystem::path()
                         : repository / name.substr(name.rfind("b/", 0) == 0 ? 2 : 0);
    } else if (line.rfind("@@ ", 0) == 0 && !current_file.empty()) {
      if (auto range = parse_hunk_header(line)) changed[current_file].push_back(*range);
    }
  }
  return changed;
}

llvm::Expected<ChangedLines> changed_lines_since(const std::filesystem::path& repository,
                                                 const std::string& revision) {
  auto verified = run_git(repository, {"rev-parse", "--verify", "--quiet", revision + "^{commit}"});
  if (!verified) return verified.takeError();
  if (verified->exit_code != 0) {
    return usage_error("--since: git does not know the revision '" + revision + "' in '" +
                       repository.string() + "'");
  }
  auto diff = run_git(repository, {"diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames",
                                   "--src-prefix=a/", "--dst-prefix=b/", revision, "--"});
  if (!diff) return diff.takeError();
  if (diff->exit_code != 0) {
    return internal_error("git diff " + revision + " failed: " + diff->standard_error);
  }
  ChangedLines changed = parse_unified_diff(diff->standard_output, repository);

  auto untracked = run_git(repository, {"ls-files", "-z", "--others", "--exclude-standard"});
  if (!untracked) return untracked.takeError();
  for (const auto& relative : split_nul(untracked->standard_output)) {
    changed[repository / relative] = {LineRange{1, UINT32_MAX}};
  }
  return changed;
}

}  // namespace retort
