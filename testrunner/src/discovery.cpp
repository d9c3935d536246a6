#include "retort/testrunner/discovery.hpp"

#include <unistd.h>

#include <map>
#include <set>
#include <sstream>

#include <llvm/Support/JSON.h>

#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/parallel.hpp"
#include "retort/core/process.hpp"
#include "retort/core/source_files.hpp"
#include "retort/core/text_lines.hpp"

namespace retort::testrunner {
namespace {

std::vector<std::string> string_values(const llvm::json::Value* value) {
  std::vector<std::string> strings;
  if (!value) return strings;
  if (auto text = value->getAsString()) strings.emplace_back(*text);
  if (auto array = value->getAsArray())
    for (const auto& item : *array)
      if (auto text = item.getAsString()) strings.emplace_back(*text);
  return strings;
}

// CTest's properties of one test, as the runner uses them.
void apply_ctest_properties(const llvm::json::Array* properties, TestProgram& program) {
  if (!properties) return;
  for (const auto& entry : *properties) {
    const auto* property = entry.getAsObject();
    if (!property) continue;
    auto name = property->getString("name").value_or("");
    const auto* value = property->get("value");
    if (name == "WORKING_DIRECTORY") {
      if (auto text = value->getAsString()) program.working_directory = text->str();
    } else if (name == "ENVIRONMENT") {
      program.environment = string_values(value);
    } else if (name == "PASS_REGULAR_EXPRESSION") {
      program.pass_patterns = string_values(value);
    } else if (name == "WILL_FAIL") {
      program.is_expected_to_fail = value->getAsBoolean().value_or(false);
    } else if (name == "RUN_SERIAL") {
      program.is_serial = value->getAsBoolean().value_or(false);
    } else if (name == "RESOURCE_LOCK") {
      program.resource_locks = string_values(value);
    } else if (name == "FIXTURES_SETUP") {
      program.fixtures_setup = string_values(value);
    } else if (name == "FIXTURES_REQUIRED") {
      program.fixtures_required = string_values(value);
    } else if (name == "FIXTURES_CLEANUP") {
      program.fixtures_cleanup = string_values(value);
    } else if (name == "DEPENDS") {
      program.depends = string_values(value);
    } else if (name == "TIMEOUT") {
      if (auto seconds = value->getAsNumber())
        program.timeout = std::chrono::milliseconds(static_cast<long>(*seconds * 1000));
    }
  }
}

std::vector<std::string> without_gtest_flags(std::vector<std::string> command) {
  std::erase_if(command,
                [](const std::string& argument) { return argument.starts_with("--gtest_"); });
  return command;
}

// What discovery knows of each executable: gtest_discover_tests names the same
// binary in one CTest test per case, so each is read once and becomes one program.
struct SeenBinaries {
  const ResultCache* cache = nullptr;
  std::map<std::string, bool> is_gtest;
  std::set<std::string> added;

  bool is_gtest_binary_cached(const std::string& path) {
    auto [known, is_new] = is_gtest.try_emplace(path, false);
    if (!is_new) return known->second;
    auto key = file_stamp_key(path).add("is-gtest");
    auto stored = cache ? cache->load(key) : std::nullopt;
    known->second = stored ? *stored == "1" : is_gtest_binary(path);
    if (cache && !stored) cache->store(key, known->second ? "1" : "0");
    return known->second;
  }
};

void add_ctest_test(const llvm::json::Object& test, const std::filesystem::path& project_root,
                    std::vector<TestProgram>& programs, SeenBinaries& seen) {
  auto command = string_values(test.get("command"));
  if (command.empty()) return;  // a test whose executable CTest cannot find
  TestProgram program;
  program.command = without_gtest_flags(command);
  program.ctest_name = test.getString("name").value_or("").str();
  apply_ctest_properties(test.getArray("properties"), program);
  // A GoogleTest binary run with arguments of its own is a command (a test of the
  // binary's command line, not of its test cases).
  bool has_own_arguments = program.command.size() > 1;
  if (!has_own_arguments && seen.is_gtest_binary_cached(command.front())) {
    if (!seen.added.insert(command.front()).second) return;
    program.display_name = display_path(command.front(), project_root);
    // CTest's TIMEOUT stays: the build set it for this binary's tests.
    program.pass_patterns.clear();
  } else {
    program.is_gtest = false;
    program.command = command;
    program.display_name = test.getString("name").value_or("").str();
  }
  programs.push_back(std::move(program));
}

bool is_executable_file(const std::filesystem::directory_entry& entry) {
  return entry.is_regular_file() && ::access(entry.path().c_str(), X_OK) == 0;
}

}  // namespace

bool is_gtest_binary(const std::filesystem::path& executable) {
  auto contents = read_file(executable);
  if (!contents) {
    llvm::consumeError(contents.takeError());
    return false;
  }
  if (!contents->starts_with("\x7f"
                             "ELF"))
    return false;
  // Linked statically, GoogleTest's banner is in the binary; linked to libgtest.so,
  // the binary still names GoogleTest's symbols.
  return contents->find("[==========] ") != std::string::npos ||
         contents->find("_ZN7testing8internal") != std::string::npos;
}

CacheKey file_stamp_key(const std::filesystem::path& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  auto modified = std::filesystem::last_write_time(path, error).time_since_epoch().count();
  return CacheKey().add(path.string()).add(std::to_string(size)).add(std::to_string(modified));
}

llvm::Expected<std::vector<TestProgram>> programs_from_ctest(
    const std::filesystem::path& build_directory, const std::filesystem::path& project_root,
    const ResultCache* cache) {
  if (!std::filesystem::exists(build_directory / "CTestTestfile.cmake"))
    return usage_error(build_directory.string() +
                       ": no CTestTestfile.cmake here; configure the build with "
                       "enable_testing(), pass --build-dir DIR, or list test binaries "
                       "under test.binaries in .retort.yaml");
  ProcessOptions options;
  options.working_directory = build_directory;
  auto listed = run_process({"ctest", "--show-only=json-v1"}, options);
  if (!listed) return listed.takeError();
  if (listed->exit_code != 0)
    return usage_error(build_directory.string() + ": ctest --show-only=json-v1 failed:\n" +
                       listed->standard_error);
  auto document = llvm::json::parse(listed->standard_output);
  if (!document) return document.takeError();
  std::vector<TestProgram> programs;
  SeenBinaries seen;
  seen.cache = cache;
  if (const auto* tests = document->getAsObject()->getArray("tests"))
    for (const auto& test : *tests)
      if (const auto* object = test.getAsObject())
        add_ctest_test(*object, project_root, programs, seen);
  return programs;
}

std::vector<TestProgram> programs_from_globs(const std::filesystem::path& project_root,
                                             const std::vector<std::string>& globs) {
  std::vector<TestProgram> programs;
  std::error_code error;
  std::filesystem::recursive_directory_iterator walk(project_root, error), end;
  for (; !error && walk != end; walk.increment(error)) {
    const auto& entry = *walk;
    if (entry.path().filename().string().starts_with(".")) {
      if (entry.is_directory()) walk.disable_recursion_pending();
      continue;
    }
    auto relative = entry.path().lexically_relative(project_root).string();
    if (!is_executable_file(entry) || !matches_any_glob(relative, globs)) continue;
    TestProgram program;
    program.display_name = relative;
    program.command = {entry.path().string()};
    program.working_directory = entry.path().parent_path();
    programs.push_back(std::move(program));
  }
  std::sort(programs.begin(), programs.end(),
            [](const auto& a, const auto& b) { return a.display_name < b.display_name; });
  return programs;
}

std::vector<std::string> tags_above(const std::vector<std::string_view>& lines, int line) {
  std::vector<std::string> tags;
  for (int index = line - 2; index >= 0 && index < static_cast<int>(lines.size()); --index) {
    auto text = lines[index];
    text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
    if (!text.starts_with("//")) break;
    auto marker = text.find("retort: tags");
    if (marker == std::string_view::npos) continue;
    std::string words(text.substr(marker + 12));
    std::replace(words.begin(), words.end(), ',', ' ');
    std::istringstream in(words);
    for (std::string tag; in >> tag;) tags.push_back(tag);
  }
  return tags;
}

std::vector<std::string> tags_above(std::string_view source, int line) {
  return tags_above(split_lines(source), line);
}

}  // namespace retort::testrunner
