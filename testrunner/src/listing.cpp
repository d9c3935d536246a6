// Listing each GoogleTest binary's cases through --gtest_list_tests with
// --gtest_output=json, which (since GoogleTest 1.10) adds each test's file and line:
// those give tags from comments and `file.cpp:LINE` filters.

#include <unistd.h>

#include <map>

#include <llvm/Support/JSON.h>

#include "listing_record.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/parallel.hpp"
#include "retort/core/process.hpp"
#include "retort/core/text_lines.hpp"
#include "retort/testrunner/discovery.hpp"

namespace retort::testrunner {
namespace {

std::filesystem::path temporary_listing_path() {
  std::string pattern = (std::filesystem::temp_directory_path() / "retort-list-XXXXXX").string();
  int fd = ::mkstemp(pattern.data());
  if (fd >= 0) ::close(fd);
  return pattern;
}

// GoogleTest's own rule (kDisableTestFilter): a suite or test named DISABLED_*,
// or with a /DISABLED_ part (as in My/DISABLED_TypedTestP/0).
bool is_disabled_name(const std::string& name) {
  return name.starts_with("DISABLED_") || name.find("/DISABLED_") != std::string::npos;
}

void add_listed_suite(const llvm::json::Object& suite, std::size_t program,
                      std::vector<TestCase>& tests) {
  auto suite_name = suite.getString("name").value_or("").str();
  const auto* cases = suite.getArray("testsuite");
  if (!cases) return;
  for (const auto& entry : *cases) {
    const auto* listed = entry.getAsObject();
    if (!listed) continue;
    TestCase test;
    test.program = program;
    test.suite = suite_name;
    test.name = listed->getString("name").value_or("").str();
    test.type_param = listed->getString("type_param").value_or("").str();
    test.value_param = listed->getString("value_param").value_or("").str();
    test.file = listed->getString("file").value_or("").str();
    test.line = static_cast<int>(listed->getInteger("line").value_or(0));
    test.is_disabled = is_disabled_name(suite_name) || is_disabled_name(test.name);
    tests.push_back(std::move(test));
  }
}

// One program's tests, or why it could not be listed (parallel_map needs a
// default-constructible result, which llvm::Expected is not).
struct Listing {
  std::vector<TestCase> tests;
  std::string error;
};

CacheKey listing_key(const TestProgram& program) {
  auto key = file_stamp_key(program.command.front()).add("gtest-listing-record");
  key.add(program.working_directory.string());
  for (const auto& part : program.command) key.add(part);
  for (const auto& part : program.environment) key.add(part);
  return key;
}

Listing parse_listing(const TestProgram& program, std::size_t index, const std::string& text) {
  auto document = llvm::json::parse(text);
  if (!document || !document->getAsObject())
    return {{}, program.display_name + ": its test listing is not a JSON object"};
  Listing result;
  if (const auto* suites = document->getAsObject()->getArray("testsuites"))
    for (const auto& suite : *suites)
      if (const auto* object = suite.getAsObject()) add_listed_suite(*object, index, result.tests);
  return result;
}

// Asks the binary for its tests; returns GoogleTest's JSON listing.
Listing list_gtest_program(const TestProgram& program, std::size_t index) {
  auto listing_path = temporary_listing_path();
  auto argv = program.command;
  argv.push_back("--gtest_list_tests");
  argv.push_back("--gtest_output=json:" + listing_path.string());
  ProcessOptions options;
  options.working_directory = program.working_directory;
  options.extra_environment = program.environment;
  auto listed = run_process(argv, options);
  auto listing = read_file(listing_path);
  std::filesystem::remove(listing_path);
  if (!listed) {
    if (!listing) llvm::consumeError(listing.takeError());
    return {{}, program.display_name + ": " + llvm::toString(listed.takeError())};
  }
  if (listed->exit_code != 0 || !listing) {
    if (!listing) llvm::consumeError(listing.takeError());
    // GoogleTest before 1.10 writes no JSON listing; some mains reject the flags.
    return {{},
            program.display_name + ": --gtest_list_tests failed (exit " +
                std::to_string(listed->exit_code) + ")"};
  }
  return parse_listing(program, index, *listing);
}

Listing list_gtest_program_cached(const TestProgram& program, std::size_t index,
                                  const ResultCache* cache) {
  auto key = listing_key(program);
  if (cache)
    if (auto stored = cache->load(key))
      if (auto tests = detail::decode_listing(*stored, index)) {
        for (auto& test : *tests)
          test.is_disabled = is_disabled_name(test.suite) || is_disabled_name(test.name);
        return {std::move(*tests), ""};
      }
  auto listing = list_gtest_program(program, index);
  if (cache && listing.error.empty()) cache->store(key, detail::encode_listing(listing.tests));
  return listing;
}

TestCase plain_command_test(const TestProgram& program, std::size_t index) {
  TestCase test;
  test.program = index;
  test.name = program.display_name;
  return test;
}

struct SourceText {
  std::string text;
  std::vector<std::string_view> lines;
};

void read_tags(std::vector<TestCase>& tests) {
  std::map<std::filesystem::path, SourceText> sources;
  for (auto& test : tests) {
    if (test.file.empty() || test.line <= 0) continue;
    auto [place, is_new] = sources.try_emplace(test.file);
    if (is_new) {
      auto text = read_file(test.file);
      if (text)
        place->second.text = std::move(*text);
      else
        llvm::consumeError(text.takeError());
      place->second.lines = split_lines(place->second.text);
    }
    test.tags = tags_above(place->second.lines, test.line);
  }
}

// GoogleTest reads flags from the environment too: a user's `GTEST_BRIEF=1`,
// `GTEST_COLOR=yes`, a shard, a filter or a flag file would change what a program
// prints or runs, and its output is what its tests are judged by. Each is set, after
// the project's own environment for the test, to what the parser reads (full output,
// no colour, times) or to GoogleTest's default; retort selects, shards and repeats
// tests itself.
void override_gtest_environment(TestProgram& program) {
  for (const char* setting :
       {"GTEST_BRIEF=0", "GTEST_COLOR=no", "GTEST_PRINT_TIME=1", "GTEST_OUTPUT=", "GTEST_FILTER=*",
        "GTEST_REPEAT=1", "GTEST_SHUFFLE=0", "GTEST_FAIL_FAST=0", "GTEST_BREAK_ON_FAILURE=0",
        "GTEST_THROW_ON_FAILURE=0", "GTEST_CATCH_EXCEPTIONS=1", "GTEST_ALSO_RUN_DISABLED_TESTS=0",
        "GTEST_TOTAL_SHARDS=-1", "GTEST_SHARD_INDEX=-1",
        "GTEST_FLAGFILE=", "GTEST_STREAM_RESULT_TO="})
    program.environment.emplace_back(setting);
}

}  // namespace

TestInventory list_tests(std::vector<TestProgram> programs, unsigned jobs,
                         const ResultCache* cache) {
  for (auto& program : programs)
    if (program.is_gtest) override_gtest_environment(program);
  std::vector<std::size_t> indices(programs.size());
  for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = i;
  auto listings = parallel_map(indices, jobs, [&](std::size_t index) {
    if (!programs[index].is_gtest) return Listing{{plain_command_test(programs[index], index)}, ""};
    return list_gtest_program_cached(programs[index], index, cache);
  });
  TestInventory inventory;
  for (std::size_t index = 0; index < listings.size(); ++index) {
    auto& listing = listings[index];
    if (!listing.error.empty()) {
      inventory.warnings.push_back(listing.error + "; running it as one test");
      programs[index].is_gtest = false;
      listing.tests = {plain_command_test(programs[index], index)};
    }
    for (auto& test : listing.tests) inventory.tests.push_back(std::move(test));
  }
  inventory.programs = std::move(programs);
  read_tags(inventory.tests);
  return inventory;
}

}  // namespace retort::testrunner
