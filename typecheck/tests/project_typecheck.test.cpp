// `retort typecheck` on small projects of real actors, parsed by Clang with the
// runtime's own headers through a real compilation database: what is warned, what
// is not, and that a warning is never given for a send it cannot be sure of.

#include "retort/typecheck/project_typecheck.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/core/baseline.hpp"
#include "retort/testing/temp_tree.hpp"
#include "retort/typecheck/analysis.hpp"
#include "retort/typecheck/config_section.hpp"

namespace retort::typecheck {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr std::string_view counter_header =
    "#pragma once\n"
    "#include <retort/gen_server.hpp>\n"
    "#include <retort/system.hpp>\n"
    "namespace shop { struct Get {}; struct Add { int amount; }; struct Reset {}; }\n"
    "namespace warehouse { struct Get {}; }\n"
    "class Counter : public retort::GenServer<Counter> {\n"
    " public:\n"
    "  using Protocol = retort::Protocol<retort::Call<shop::Get, int>, retort::Cast<shop::Add>>;\n"
    "  int handle_call(const shop::Get&, retort::From) { return value_; }\n"
    "  void handle_cast(const shop::Add& add) { value_ += add.amount; }\n"
    "  void handle_cast(const shop::Reset&) { value_ = 0; }\n"
    " private:\n"
    "  int value_ = 0;\n"
    "};\n";

// A project whose units all include counter.hpp, with a database that compiles them.
struct ActorProject {
  explicit ActorProject(const std::vector<std::pair<std::string, std::string>>& units) {
    tree.write("include/counter.hpp", counter_header);
    std::vector<std::string> names;
    for (const auto& [name, text] : units) {
      tree.write(name, text);
      names.push_back(name);
    }
    tree.write_compile_database(
        names, {"-std=c++20", "-Iinclude", std::string("-I") + RETORT_RUNTIME_INCLUDE});
  }

  ProjectTypecheck check(const ProjectTypecheckOptions& options = {}) const {
    auto loaded = load_project(tree.root(), {files_config_section(), config_section()});
    EXPECT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
    auto result = run_project_typecheck(*loaded, options);
    EXPECT_TRUE(static_cast<bool>(result)) << llvm::toString(result.takeError());
    EXPECT_EQ(result->units_not_compiling, 0u);
    return std::move(*result);
  }

  testing::TempTree tree;
};

std::vector<std::string> places(const ProjectTypecheck& result) {
  std::vector<std::string> found;
  for (const auto& w : result.warnings)
    found.push_back(w.check_id + " " + w.range.file + ":" + std::to_string(w.range.begin.line));
  return found;
}

std::string unit(const std::string& body) {
  return "#include \"counter.hpp\"\n#include <retort/process.hpp>\nvoid run(retort::System& "
         "system) {\n  auto counter = system.spawn<Counter>();\n" +
         body + "}\n";
}

TEST(Typecheck, WellTypedSendsThroughAliasesGiveNoWarning) {
  ActorProject project(
      {{"src/main.cpp", unit("  using Fetch = shop::Get;\n"
                             "  int value = retort::call<int>(counter.pid(), "
                             "Fetch{});\n"
                             "  retort::cast(counter.pid(), shop::Add{value});\n")}});
  auto result = project.check();
  EXPECT_THAT(places(result), ElementsAre("protocol-mismatch include/counter.hpp:11"));
  EXPECT_EQ(result.actors, 1u);
  EXPECT_EQ(result.sends, 2u);
  EXPECT_EQ(result.unresolved_sends, 0u);
}

TEST(Typecheck, AWrongCategoryAnotherNamespacesTypeAndAWrongReplyAreWarned) {
  ActorProject project(
      {{"src/main.cpp", unit("  retort::cast(counter.pid(), shop::Get{});\n"
                             "  retort::call<int>(counter.pid(), warehouse::Get{});\n"
                             "  long value = retort::call<long>(counter.pid(), shop::Get{});\n"
                             "  retort::send(counter.pid(), shop::Add{1});\n")}});
  auto result = project.check();
  EXPECT_THAT(
      places(result),
      ElementsAre("unreachable-handler include/counter.hpp:8",
                  "protocol-mismatch include/counter.hpp:11", "unhandled-message src/main.cpp:5",
                  "unhandled-message src/main.cpp:6", "reply-type-mismatch src/main.cpp:7",
                  "unhandled-message src/main.cpp:8"));
  // Nothing casts Add: the send of one is an info.
  EXPECT_THAT(result.warnings[0].message, HasSubstr("cast of shop::Add is in Counter's Protocol"));
  EXPECT_THAT(result.warnings[2].message,
              HasSubstr("cast of shop::Get to Counter (a Ref<Counter>'s pid())"));
  EXPECT_THAT(result.warnings[4].message, HasSubstr("whose Call replies with int"));
}

TEST(Typecheck, APidOfUnknownOriginIsNotCheckedAndAHeadersActorIsWarnedOnce) {
  std::string elsewhere =
      "#include \"counter.hpp\"\n#include <retort/process.hpp>\n"
      "void poke(const retort::Pid& someone) { retort::cast(someone, shop::Get{}); }\n";
  ActorProject project({{"src/a.cpp", elsewhere}, {"src/b.cpp", unit("")}});
  auto result = project.check();
  // Counter is spawned and sent nothing it takes (the unknown pid is sent a Get by
  // cast, which no actor's Protocol has).
  EXPECT_THAT(places(result), ElementsAre("never-receives include/counter.hpp:6",
                                          "protocol-mismatch include/counter.hpp:11"));
  EXPECT_EQ(result.warnings[0].priority, Priority::low);
  EXPECT_EQ(result.units_checked, 2u);
  EXPECT_EQ(result.unresolved_sends, 1u);
  // Asked for, the unchecked send is a note, which does not fail the run by itself.
  auto noted = project.check({.reports_unresolved_targets = true});
  EXPECT_THAT(places(noted), ElementsAre("never-receives include/counter.hpp:6",
                                         "protocol-mismatch include/counter.hpp:11",
                                         "unresolved-target src/a.cpp:3"));
  EXPECT_EQ(noted.warnings[2].severity, Severity::note);
  EXPECT_THAT(noted.warnings[2].message, HasSubstr("the parameter 'someone' of poke()"));
}

TEST(Typecheck, AWarmRunParsesOnlyTheUnitsAnEditTouchedAndWarnsAlike) {
  ActorProject project({{"src/a.cpp", unit("  retort::cast(counter.pid(), shop::Get{});\n")},
                        {"src/b.cpp", "#include <retort/process.hpp>\nvoid idle() {}\n"}});
  auto cold = project.check();
  EXPECT_EQ(cold.units_cached, 0u);
  auto warm = project.check();
  EXPECT_EQ(warm.units_cached, 2u);
  EXPECT_EQ(places(warm), places(cold));
  EXPECT_THAT(places(warm), ElementsAre("never-receives include/counter.hpp:6",
                                        "protocol-mismatch include/counter.hpp:11",
                                        "unhandled-message src/a.cpp:5"));
  EXPECT_EQ(warm.warnings[2].message, cold.warnings[2].message);
  // Counter learns Cast<Get>: a.cpp, which includes its header, is parsed again.
  std::string header(counter_header);
  std::string entries = "retort::Cast<shop::Add>>";
  header.replace(header.find(entries), entries.size(),
                 "retort::Cast<shop::Add>, retort::Cast<shop::Get>>");
  std::string reset = "  void handle_cast(const shop::Reset&)";
  header.replace(header.find(reset), 0, "  void handle_cast(const shop::Get&) {}\n");
  project.tree.write("include/counter.hpp", header);
  auto edited = project.check();
  EXPECT_EQ(edited.units_cached, 1u);
  // The cast of Get is now Counter's; its Call<Get> and Cast<Add> are sent by nothing.
  EXPECT_THAT(places(edited), ElementsAre("unreachable-handler include/counter.hpp:8",
                                          "unreachable-handler include/counter.hpp:8",
                                          "protocol-mismatch include/counter.hpp:12"));
  EXPECT_EQ(project.check({.is_cache_disabled = true}).units_cached, 0u);
}

TEST(Typecheck, AUnitThatDoesNotCompileIsAFindingAndTheOthersAreStillChecked) {
  ActorProject project(
      {{"src/broken.cpp", "#include \"counter.hpp\"\nvoid broken() { undeclared(); }\n"},
       {"src/main.cpp", unit("  retort::cast(counter.pid(), shop::Get{});\n")}});
  auto loaded = load_project(project.tree.root(), {files_config_section(), config_section()});
  ASSERT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
  auto result = run_project_typecheck(*loaded, {});
  ASSERT_TRUE(static_cast<bool>(result)) << llvm::toString(result.takeError());
  EXPECT_EQ(result->units_not_compiling, 1u);
  // No never-receives or unreachable-handler: a unit's sends may be missing.
  EXPECT_THAT(places(*result),
              ElementsAre("protocol-mismatch include/counter.hpp:11",
                          "parse-error src/broken.cpp:2", "unhandled-message src/main.cpp:5"));
  EXPECT_EQ(result->warnings[1].severity, Severity::error);
  EXPECT_EQ(result->exit_code(), 1);
}

// Counter's header without its Cast<Add> entry: sends of Add in files nobody touched
// become wrong, and its handle_cast(Add) is routed by no entry.
std::string header_without_add() {
  std::string header(counter_header);
  std::string entries = ", retort::Cast<shop::Add>>";
  header.replace(header.find(entries), entries.size(), ">");
  return header;
}

TEST(Typecheck, SinceARevisionReportsTheWarningsTheChangeBroughtInFilesItDidNotTouch) {
  ActorProject project({{"src/a.cpp", unit("  retort::cast(counter.pid(), shop::Add{1});\n")},
                        {"src/b.cpp", "#include <retort/process.hpp>\nvoid idle() {}\n"}});
  project.tree.write(".gitignore", ".retort/\n");
  project.tree.init_git_repository();
  // Already there before: handle_cast(Reset) has no entry.
  EXPECT_THAT(places(project.check()), ElementsAre("unreachable-handler include/counter.hpp:8",
                                                   "protocol-mismatch include/counter.hpp:11"));
  EXPECT_THAT(places(project.check({.changes = {.since = "HEAD"}})), IsEmpty());

  project.tree.write("include/counter.hpp", header_without_add());
  auto changed = project.check({.changes = {.since = "HEAD"}});
  // Counter's one entry left, Call<Get>, was unreachable before; now it receives nothing.
  EXPECT_THAT(places(changed), ElementsAre("never-receives include/counter.hpp:6",
                                           "protocol-mismatch include/counter.hpp:10",
                                           "unhandled-message src/a.cpp:5"));
  // The earlier program's summaries are cached apart: neither version evicts the other.
  auto again = project.check({.changes = {.since = "HEAD"}});
  EXPECT_EQ(again.units_cached, 2u);
  EXPECT_EQ(places(again), places(changed));
}

TEST(Typecheck, StagedJudgesTheIndexAgainstHeadWhateverTheWorkingTreeHolds) {
  ActorProject project({{"src/a.cpp", unit("  retort::cast(counter.pid(), shop::Add{1});\n")}});
  project.tree.write(".gitignore", ".retort/\n");
  project.tree.init_git_repository();
  project.tree.write("include/counter.hpp", header_without_add());
  project.tree.git({"add", "include/counter.hpp"});
  // An unstaged edit that would hide the wrong send: the commit still has it.
  project.tree.write("src/a.cpp", unit("  retort::call<int>(counter.pid(), shop::Get{});\n"));
  auto staged = project.check({.changes = {.is_staged = true}});
  EXPECT_THAT(places(staged), ElementsAre("never-receives include/counter.hpp:6",
                                          "protocol-mismatch include/counter.hpp:10",
                                          "unhandled-message src/a.cpp:5"));
  EXPECT_THAT(staged.warnings[2].message, HasSubstr("shop::Add"));
  // The working tree's own change, judged since HEAD, brings the same protocol-mismatch
  // and no wrong send.
  EXPECT_THAT(places(project.check({.changes = {.since = "HEAD"}})),
              ElementsAre("protocol-mismatch include/counter.hpp:10"));
}

TEST(Typecheck, ABaselineHidesTheWarningsItRecordsAndANewOneIsStillReported) {
  ActorProject project({{"src/a.cpp", unit("  retort::cast(counter.pid(), shop::Get{});\n")}});
  auto legacy = project.check();
  ASSERT_EQ(legacy.warnings.size(), 3u);
  auto path = project.tree.root() / "typecheck-baseline.json";
  ASSERT_FALSE(
      static_cast<bool>(Baseline::write(path, "typecheck", legacy.warnings, project.tree.root())));
  EXPECT_THAT(places(project.check({.baseline = path})), IsEmpty());
  project.tree.write("src/a.cpp", unit("  retort::cast(counter.pid(), shop::Get{});\n"
                                       "  retort::send(counter.pid(), shop::Reset{});\n"));
  EXPECT_THAT(places(project.check({.baseline = path})),
              ElementsAre("unhandled-message src/a.cpp:6"));
  project.tree.write(".retort.yaml", "typecheck:\n  baseline: typecheck-baseline.json\n");
  EXPECT_THAT(places(project.check()), ElementsAre("unhandled-message src/a.cpp:6"));
  project.tree.write("typecheck-baseline.json", "{\"schema\": 7}");
  auto loaded = load_project(project.tree.root(), {files_config_section(), config_section()});
  ASSERT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
  auto broken = run_project_typecheck(*loaded, {});
  ASSERT_FALSE(static_cast<bool>(broken));
  EXPECT_THAT(llvm::toString(broken.takeError()), HasSubstr("typecheck-baseline.json"));
}

TEST(Typecheck, EveryWarningIsExplained) {
  for (const auto& rule : typecheck_rules()) {
    EXPECT_THAT(explain_warning(rule.id), HasSubstr("```cpp")) << rule.id;
    EXPECT_THAT(explain_warning(rule.id), HasSubstr("Fix:")) << rule.id;
  }
  EXPECT_EQ(explain_warning("no-such-warning"), "");
}

}  // namespace
}  // namespace retort::typecheck
