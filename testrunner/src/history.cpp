#include "retort/testrunner/history.hpp"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/xxhash.h>

#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/testrunner/runner.hpp"

namespace retort::testrunner {
namespace {

constexpr int history_format_version = 1;

// A time in microseconds under `key_us`, or in milliseconds under `key_ms` as
// histories written before microseconds were.
std::optional<std::chrono::microseconds> read_time(const llvm::json::Object& object,
                                                   llvm::StringRef key_us, llvm::StringRef key_ms) {
  if (auto micro = object.getInteger(key_us)) return std::chrono::microseconds(*micro);
  if (auto milli = object.getInteger(key_ms)) return std::chrono::milliseconds(*milli);
  return std::nullopt;
}

llvm::Error malformed(const std::filesystem::path& file, const std::string& why) {
  return usage_error(file.string() + ": not a retort test history (" + why + ")");
}

}  // namespace

llvm::Expected<History> History::load(const std::filesystem::path& file) {
  History history;
  if (!std::filesystem::exists(file)) return history;
  auto text = read_file(file);
  if (!text) return text.takeError();
  auto document = llvm::json::parse(*text);
  if (!document) return malformed(file, llvm::toString(document.takeError()));
  const auto* root = document->getAsObject();
  if (!root || root->getInteger("version") != history_format_version)
    return malformed(file, "expected an object with \"version\": 1");
  if (const auto* tests = root->getObject("tests")) {
    for (const auto& [id, value] : *tests) {
      const auto* entry = value.getAsObject();
      auto status =
          entry ? parse_status_key(entry->getString("status").value_or("")) : std::nullopt;
      if (!status) return malformed(file, "test '" + id.str() + "' has no valid status");
      auto duration = read_time(*entry, "us", "ms").value_or(std::chrono::microseconds(0));
      history.tests_[id.str()] = {duration, *status};
    }
  }
  if (const auto* green = root->getObject("green"))
    for (const auto& [program, value] : *green)
      if (auto fingerprint = value.getAsString())
        history.green_[program.str()] = fingerprint->str();
  if (const auto* startup = root->getObject("startup_us"))
    for (const auto& [program, value] : *startup)
      if (auto micro = value.getAsInteger())
        history.startup_[program.str()] = std::chrono::microseconds(*micro);
  return history;
}

llvm::Error History::save(const std::filesystem::path& file) const {
  llvm::json::Object tests;
  for (const auto& [id, record] : tests_)
    tests[id] = llvm::json::Object{{"us", record.duration.count()},
                                   {"status", std::string(status_key(record.status))}};
  llvm::json::Object green;
  for (const auto& [program, fingerprint] : green_) green[program] = fingerprint;
  llvm::json::Object startup;
  for (const auto& [program, time] : startup_) startup[program] = time.count();
  llvm::json::Value document(llvm::json::Object{{"version", history_format_version},
                                                {"tests", std::move(tests)},
                                                {"green", std::move(green)},
                                                {"startup_us", std::move(startup)}});
  create_state_directory(file.parent_path());
  return write_file_atomically(file, llvm::formatv("{0:2}", document).str() + "\n");
}

std::optional<TestRecord> History::find(const std::string& id) const {
  auto found = tests_.find(id);
  if (found == tests_.end()) return std::nullopt;
  return found->second;
}

std::optional<std::string> History::green_fingerprint(const std::string& program) const {
  auto found = green_.find(program);
  if (found == green_.end()) return std::nullopt;
  return found->second;
}

std::optional<std::chrono::microseconds> History::startup(const std::string& program) const {
  auto found = startup_.find(program);
  if (found == startup_.end()) return std::nullopt;
  return found->second;
}

std::string test_id(const TestProgram& program, const TestCase& test) {
  return program.display_name + "::" + test.full_name();
}

std::optional<std::uint64_t> ExecutableHashes::of(const std::filesystem::path& path) {
  auto [place, is_new] = hashes_.try_emplace(path);
  if (!is_new) return place->second;
  // Mapped, not read: a test program can be tens of megabytes.
  auto contents = llvm::MemoryBuffer::getFile(path.string(), /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
  if (!contents) return std::nullopt;
  place->second = llvm::xxHash64((*contents)->getBuffer());
  return place->second;
}

std::string program_fingerprint(const TestProgram& program, ExecutableHashes& hashes) {
  auto executable = hashes.of(program.command.front());
  if (!executable) return "";
  std::string command;
  for (const auto& argument : program.command) command += argument + '\0';
  std::uint64_t hash = *executable ^ (llvm::xxHash64(command) * 31);
  return llvm::utohexstr(hash);
}

void record_outcome(History& history, const TestInventory& inventory, const RunOutcome& outcome) {
  auto programs = inventory.programs.size();
  std::vector<bool> is_green(programs, true);
  std::vector<std::size_t> ran(programs, 0), runnable(programs, 0);
  for (const auto& test : inventory.tests) runnable[test.program] += !test.is_disabled;
  for (const auto& result : outcome.results) {
    const auto& test = inventory.tests[result.test];
    if (result.status == TestStatus::not_run || test.is_disabled) continue;
    history.record(test_id(inventory.programs[test.program], test),
                   {result.last().duration, result.status});
    ++ran[test.program];
    if (is_failure(result.status)) is_green[test.program] = false;
  }
  for (const auto& [program, time] : outcome.startup)
    history.set_startup(inventory.programs[program].display_name, time);
  ExecutableHashes hashes;
  for (std::size_t p = 0; p < programs; ++p)
    if (is_green[p] && ran[p] == runnable[p] && ran[p] > 0)
      history.set_green_fingerprint(inventory.programs[p].display_name,
                                    program_fingerprint(inventory.programs[p], hashes));
}

}  // namespace retort::testrunner
