#include "retort/core/git.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "retort/core/errors.hpp"
#include "retort/core/process.hpp"

namespace retort {
namespace {

llvm::Expected<ProcessResult> run_git(const std::filesystem::path& repository,
                                      std::vector<std::string> arguments,
                                      const ProcessOptions& options = {}) {
  arguments.insert(arguments.begin(), {"git", "-C", repository.string()});
  return run_process(arguments, options);
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

// The diff options every diff here shares: paths relative to `repository` (which may
// be below the work tree's top) with fixed prefixes, whatever the user's config says.
const std::vector<std::string> diff_options{
    "-U0",          "--no-color", "--no-ext-diff",   "--no-textconv",
    "--no-renames", "--relative", "--src-prefix=a/", "--dst-prefix=b/"};

std::vector<std::string> diff_arguments(std::vector<std::string> leading,
                                        const std::vector<std::string>& trailing) {
  leading.insert(leading.end(), diff_options.begin(), diff_options.end());
  leading.insert(leading.end(), trailing.begin(), trailing.end());
  return leading;
}

llvm::Expected<std::string> git_output(const std::filesystem::path& repository,
                                       const std::vector<std::string>& arguments,
                                       const ProcessOptions& options = {}) {
  auto result = run_git(repository, arguments, options);
  if (!result) return result.takeError();
  if (result->exit_code != 0)
    return internal_error("git " + arguments.front() + " failed in '" + repository.string() +
                          "': " + result->standard_error);
  return std::move(result->standard_output);
}

// What the next commit is compared with: HEAD, or git's empty tree before the first
// commit (asked of git, so a SHA-256 repository gets its own).
llvm::Expected<std::string> staged_base(const std::filesystem::path& repository) {
  auto head = run_git(repository, {"rev-parse", "--verify", "--quiet", "HEAD^{commit}"});
  if (!head) return head.takeError();
  if (head->exit_code == 0) return std::string("HEAD");
  auto empty_tree = git_output(repository, {"hash-object", "-t", "tree", "/dev/null"},
                               ProcessOptions{.standard_input = std::string()});
  if (!empty_tree) return empty_tree.takeError();
  while (!empty_tree->empty() && empty_tree->back() == '\n') empty_tree->pop_back();
  return empty_tree;
}

// Reads the text of `files` (relative to `repository`) in `tree` (a revision, or
// empty for the index) with one `git cat-file --batch`, whose answer is
// "<id> <type> <size>\n<text>\n" per file, or "<name> missing\n" for one it does
// not hold.
llvm::Expected<SourceTexts> object_texts(const std::filesystem::path& repository,
                                         const std::string& tree,
                                         const std::vector<std::string>& files) {
  std::string requests;
  for (const auto& file : files) requests += tree + ":./" + file + "\n";
  auto answer =
      git_output(repository, {"cat-file", "--batch"}, ProcessOptions{.standard_input = requests});
  if (!answer) return answer.takeError();
  SourceTexts texts;
  std::size_t at = 0;
  for (const auto& file : files) {
    std::size_t header_end = answer->find('\n', at);
    if (header_end == std::string::npos) break;
    std::string_view header(answer->data() + at, header_end - at);
    at = header_end + 1;
    if (header.ends_with(" missing")) continue;
    std::size_t size = std::stoull(std::string(header.substr(header.rfind(' ') + 1)));
    texts[(repository / file).lexically_normal()] = answer->substr(at, size);
    at += size + 1;
  }
  return texts;
}

}  // namespace

bool is_changed_line(const ChangedLines& changed, const std::filesystem::path& file,
                     unsigned line) {
  auto found = changed.find(file.lexically_normal());
  if (found == changed.end()) return false;
  return std::any_of(found->second.begin(), found->second.end(), [&](const LineRange& range) {
    return line >= range.first && line <= range.last;
  });
}

namespace {

// What `git rev-parse --show-toplevel` answers, asked of git itself.
std::optional<std::filesystem::path> toplevel_from_git(const std::filesystem::path& directory) {
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

}  // namespace

// Found as git finds it, by the nearest `.git` (a folder, or the file a worktree or
// submodule has) at or above `directory`, not by starting git: every command asks
// this first, and a git process costs more (5-20 ms) than a short test run. With the
// environment overriding discovery (GIT_DIR, GIT_WORK_TREE: set in some hooks),
// git itself is asked.
std::optional<std::filesystem::path> git_toplevel(const std::filesystem::path& directory) {
  if (std::getenv("GIT_DIR") != nullptr || std::getenv("GIT_WORK_TREE") != nullptr)
    return toplevel_from_git(directory);
  std::filesystem::path current = std::filesystem::absolute(directory).lexically_normal();
  if (!current.has_filename()) current = current.parent_path();
  while (true) {
    std::error_code error;
    if (std::filesystem::exists(current / ".git", error)) return current;
    if (current == current.root_path() || !current.has_parent_path()) return std::nullopt;
    current = current.parent_path();
  }
}

llvm::Expected<std::vector<std::filesystem::path>> git_list_files(
    const std::filesystem::path& repository, const std::vector<std::filesystem::path>& paths) {
  std::vector<std::string> arguments{
      "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate", "--"};
  for (const auto& path : paths) arguments.push_back(path.string());
  auto listed = git_output(repository, arguments);
  if (!listed) return listed.takeError();
  std::vector<std::filesystem::path> files;
  for (const auto& relative : split_nul(*listed)) {
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

namespace {

// A `UsageError` naming `revision` when git does not know it as a commit.
llvm::Error verify_revision(const std::filesystem::path& repository, const std::string& revision) {
  auto verified = run_git(repository, {"rev-parse", "--verify", "--quiet", revision + "^{commit}"});
  if (!verified) return verified.takeError();
  if (verified->exit_code != 0) {
    return usage_error("--since: git does not know the revision '" + revision + "' in '" +
                       repository.string() + "'");
  }
  return llvm::Error::success();
}

// The untracked files that are not ignored, relative to `repository`.
llvm::Expected<std::vector<std::string>> untracked_files(const std::filesystem::path& repository) {
  auto untracked = git_output(repository, {"ls-files", "-z", "--others", "--exclude-standard"});
  if (!untracked) return untracked.takeError();
  return split_nul(*untracked);
}

}  // namespace

llvm::Expected<ChangedLines> changed_lines_since(const std::filesystem::path& repository,
                                                 const std::string& revision) {
  if (auto error = verify_revision(repository, revision)) return std::move(error);
  auto diff = git_output(repository, diff_arguments({"diff"}, {revision, "--"}));
  if (!diff) return diff.takeError();
  ChangedLines changed = parse_unified_diff(*diff, repository);

  auto untracked = untracked_files(repository);
  if (!untracked) return untracked.takeError();
  for (const auto& relative : *untracked)
    changed[repository / relative] = {LineRange{1, UINT32_MAX}};
  return changed;
}

llvm::Expected<Changes> staged_changes(const std::filesystem::path& repository) {
  auto base = staged_base(repository);
  if (!base) return base.takeError();
  auto staged = git_output(repository, diff_arguments({"diff", "--cached"}, {*base, "--"}));
  if (!staged) return staged.takeError();
  Changes changes{parse_unified_diff(*staged, repository), {}};
  // The files an unstaged edit sets apart from the index, whatever the commit
  // changes: a staged source reads its headers as the commit records them too.
  auto unstaged = git_output(repository, diff_arguments({"diff", "--name-only", "-z"}, {"--"}));
  if (!unstaged) return unstaged.takeError();
  auto texts = object_texts(repository, "", split_nul(*unstaged));
  if (!texts) return texts.takeError();
  changes.texts = std::move(*texts);
  return changes;
}

std::string ChangeScope::description() const { return is_staged ? "staged" : "since " + since; }

llvm::Expected<std::optional<Changes>> read_changes(const std::filesystem::path& repository,
                                                    const ChangeScope& scope) {
  if (scope.is_staged) {
    auto staged = staged_changes(repository);
    if (!staged) return staged.takeError();
    return std::optional<Changes>(std::move(*staged));
  }
  if (scope.since.empty()) return std::nullopt;
  auto lines = changed_lines_since(repository, scope.since);
  if (!lines) return lines.takeError();
  return std::optional<Changes>(Changes{std::move(*lines), {}});
}

llvm::Expected<BaseTexts> base_texts(const std::filesystem::path& repository,
                                     const ChangeScope& scope) {
  std::string base = scope.since;
  std::vector<std::string> listing{"diff", "--name-only", "-z"};
  if (scope.is_staged) {
    auto staged = staged_base(repository);
    if (!staged) return staged.takeError();
    base = std::move(*staged);
    listing.push_back("--cached");
  } else if (auto error = verify_revision(repository, base)) {
    return std::move(error);
  }
  auto listed = git_output(repository, diff_arguments(listing, {base, "--"}));
  if (!listed) return listed.takeError();
  std::vector<std::string> files = split_nul(*listed);
  auto texts = object_texts(repository, base, files);
  if (!texts) return texts.takeError();
  if (!scope.is_staged) {
    // Untracked files are new since any revision: they have no text to read there.
    auto untracked = untracked_files(repository);
    if (!untracked) return untracked.takeError();
    files.insert(files.end(), untracked->begin(), untracked->end());
  }
  BaseTexts result{{}, std::move(*texts)};
  for (const auto& file : files)
    result.changed_files.insert((repository / file).lexically_normal());
  return result;
}

}  // namespace retort
