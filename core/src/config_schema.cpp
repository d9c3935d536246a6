// The schema of .retort.yaml: every option, its type, default and description,
// declared once. Loading, validation errors and docs all read this table.

#include "retort/core/config.hpp"

namespace retort {

const std::vector<std::string>& config_sections() {
  static const std::vector<std::string> sections{"files", "format", "lint",  "typecheck",
                                                 "doc",   "test",   "cover", "ensure_consistency"};
  return sections;
}

const std::vector<OptionSpec>& config_schema() {
  using Strings = std::vector<std::string>;
  static const std::vector<OptionSpec> schema{
      {.section = "files",
       .name = "include",
       .type = OptionType::string_list,
       .default_value = Strings{},
       .description = "Globs (relative to the project root) of the files to work on; "
                      "empty means every C++ file git knows of."},
      {.section = "files",
       .name = "exclude",
       .type = OptionType::string_list,
       .default_value = Strings{},
       .description = "Globs (relative to the project root) of files to leave alone, "
                      "e.g. third_party/** or **/*.pb.h."},
      {.section = "files",
       .name = "vendored",
       .type = OptionType::string_list,
       .default_value = Strings{"auto"},
       .description = "Folders (or globs of folders) of vendored code that no tool touches. "
                      "`auto` stands for the folders found: third_party/, vendor/, "
                      "external/, extern/ and nested projects with their own licence and "
                      "build. `[]` works on vendored code too."},
      {.section = "format",
       .name = "line_length",
       .type = OptionType::integer,
       .default_value = std::int64_t{100},
       .minimum = 40,
       .maximum = 200,
       .description = "The column limit of the house style."},
      {.section = "format",
       .name = "style",
       .type = OptionType::string,
       .default_value = std::string("retort"),
       .allowed_values = {"retort", "file"},
       .description = "`retort` is the house style; `file` honours the nearest "
                      ".clang-format while a team adopts retort."},
      {.section = "format",
       .name = "max_file_kb",
       .type = OptionType::integer,
       .default_value = std::int64_t{2048},
       .minimum = 1,
       .maximum = 1048576,
       .description = "Files larger than this many KiB (usually generated code) are "
                      "skipped with a warning."},
      {.section = "lint",
       .name = "checks",
       .type = OptionType::tree,
       .default_value = ConfigTree{.is_mapping = true},
       .description = "Per-check settings by id: `enabled`, `severity` (error, warning, "
                      "note), `priority` (higher, high, normal, low) and the check's own "
                      "params, e.g. `readability/function-length: {max_lines: 60}`."},
      {.section = "lint",
       .name = "strict",
       .type = OptionType::boolean,
       .default_value = false,
       .description = "Also report low-priority findings (as `retort lint --strict`)."},
      {.section = "lint",
       .name = "baseline",
       .type = OptionType::string,
       .default_value = std::string(),
       .description = "A baseline file (written by `retort lint --write-baseline`): the "
                      "findings it lists are not reported, so only new ones gate."},
      {.section = "test",
       .name = "binaries",
       .type = OptionType::string_list,
       .default_value = Strings{},
       .description = "Globs (relative to the project root) of GoogleTest executables, "
                      "e.g. build/**/*_test; empty means every test CTest knows in "
                      "test.build_directory."},
      {.section = "test",
       .name = "build_directory",
       .type = OptionType::string,
       .default_value = std::string("build"),
       .description = "The CMake build directory whose CTest tests `retort test` runs."},
      {.section = "test",
       .name = "timeout",
       .type = OptionType::integer,
       .default_value = std::int64_t{60},
       .minimum = 1,
       .maximum = 86400,
       .description = "Seconds one test may run before it is stopped and reported TIMEOUT."},
      {.section = "test",
       .name = "retries",
       .type = OptionType::integer,
       .default_value = std::int64_t{0},
       .minimum = 0,
       .maximum = 100,
       .description = "Runs a failing test up to this many more times; one that then "
                      "passes is reported FLAKY."},
      {.section = "test",
       .name = "serial",
       .type = OptionType::string_list,
       .default_value = Strings{},
       .description = "Globs of suite names that never run at the same time as each other "
                      "(as ExUnit's async: false); a `// retort: tags serial` comment does "
                      "the same for one suite."},
      {.section = "test",
       .name = "one_process",
       .type = OptionType::string_list,
       .default_value = Strings{},
       .description = "Globs of suite names whose tests share one process, so costly "
                      "set-up is paid once, or of test programs (paths as retort shows "
                      "them) whose tests all share one; a `// retort: tags one-process` "
                      "comment does the same for one suite."},
      {.section = "test",
       .name = "isolate",
       .type = OptionType::boolean,
       .default_value = false,
       .description = "One process per test (as `retort test --isolate`); false runs a "
                      "program's tests in a few processes (batches) and any that does not "
                      "pass there, or never starts, runs again alone, which decides."},
      {.section = "test",
       .name = "fork_server",
       .type = OptionType::boolean,
       .default_value = true,
       .description = "Fork each test of a GoogleTest program from the program stopped where "
                      "main begins (start-up paid once, still one process per test); false "
                      "starts every test with exec, as `retort test --no-fork-server`."},
      {.section = "cover",
       .name = "build_directory",
       .type = OptionType::string,
       .default_value = std::string("build/coverage"),
       .description = "The build configured with --coverage (the `coverage` preset) whose "
                      "tests `retort cover` runs and whose .gcda data it reads."},
      {.section = "cover",
       .name = "skip_files",
       .type = OptionType::string_list,
       .default_value = Strings{},
       .description = "Globs (relative to the project root) of files left out of every "
                      "coverage report, e.g. **/tests/** or third_party/**."},
      {.section = "cover",
       .name = "branches",
       .type = OptionType::boolean,
       .default_value = false,
       .description = "Also collect and report branch coverage (as `retort cover --branches`)."},
      {.section = "cover",
       .name = "exclude_throw_branches",
       .type = OptionType::boolean,
       .default_value = true,
       .description = "Leave out branches that exist only for exception unwinding, as "
                      "gcovr's --exclude-throw-branches."},
      {.section = "cover",
       .name = "minimum",
       .type = OptionType::integer,
       .default_value = std::int64_t{0},
       .minimum = 0,
       .maximum = 100,
       .description = "Exit 1 when line coverage is below this percentage (as "
                      "`retort cover --minimum`)."},
      {.section = "cover",
       .name = "minimum_diff",
       .type = OptionType::integer,
       .default_value = std::int64_t{0},
       .minimum = 0,
       .maximum = 100,
       .description = "With --since: exit 1 when the changed code lines' coverage is below "
                      "this percentage."},
      {.section = "cover",
       .name = "gcov",
       .type = OptionType::string,
       .default_value = std::string("gcov"),
       .description = "The gcov executable matching the compiler that built the coverage "
                      "build, e.g. gcov-12."},
      {.section = "cover",
       .name = "llvm_profdata",
       .type = OptionType::string,
       .default_value = std::string("llvm-profdata-16"),
       .description = "For a Clang source-based coverage build: the llvm-profdata matching "
                      "the Clang that built it."},
      {.section = "cover",
       .name = "llvm_cov",
       .type = OptionType::string,
       .default_value = std::string("llvm-cov-16"),
       .description = "For a Clang source-based coverage build: the llvm-cov matching the "
                      "Clang that built it."},
      {.section = "doc",
       .name = "min_grade",
       .type = OptionType::string,
       .default_value = std::string("none"),
       .allowed_values = {"none", "A", "B", "C"},
       .description = "`retort doc-grade` exits 1 when a public symbol is graded below this "
                      "(as --min-grade); none gates nothing."},
      {.section = "doc",
       .name = "fail_under",
       .type = OptionType::integer,
       .default_value = std::int64_t{0},
       .minimum = 0,
       .maximum = 100,
       .description = "`retort doc-grade` exits 1 when fewer than this percentage of public "
                      "symbols are graded B or better (as --fail-under)."},
      {.section = "doc",
       .name = "internal_namespaces",
       .type = OptionType::string_list,
       .default_value = Strings{"detail", "internal"},
       .description = "Namespaces whose contents are not public API: never graded."},
      {.section = "doc",
       .name = "exclude",
       .type = OptionType::string_list,
       .default_value = Strings{},
       .description = "Globs (relative to the project root) of headers that are not public "
                      "API, e.g. **/src/** for private headers beside the sources."},
      {.section = "doc",
       .name = "flags",
       .type = OptionType::string_list,
       .default_value = Strings{"-std=c++20"},
       .description = "Compiler arguments for headers when the project has no "
                      "compile_commands.json; include/ and the project root are always on "
                      "the include path then."},
      {.section = "ensure_consistency",
       .name = "steps",
       .type = OptionType::string_list,
       .default_value = Strings{"format"},
       .allowed_values = {"format", "lint", "doc-grade", "test", "cover"},
       .description = "The steps `retort ensure-consistency` runs, in order."},
  };
  return schema;
}

}  // namespace retort
