#include "retort/testrunner/config_section.hpp"

namespace retort::testrunner {

// One declaration per option: a table to read down, not steps to name.
// retort: disable-next-line readability/function-length
ConfigSection config_section() {
  using Strings = std::vector<std::string>;
  return {
      "test",
      {
          {.name = "binaries",
           .type = OptionType::string_list,
           .default_value = Strings{},
           .description = "Globs (relative to the project root) of GoogleTest executables, "
                          "e.g. build/**/*_test; empty means every test CTest knows in "
                          "test.build_directory."},
          {.name = "build_directory",
           .type = OptionType::string,
           .default_value = std::string("build"),
           .description = "The CMake build directory whose CTest tests `retort test` runs."},
          {.name = "timeout",
           .type = OptionType::integer,
           .default_value = std::int64_t{60},
           .minimum = 1,
           .maximum = 86400,
           .description = "Seconds one test may run before it is stopped and reported TIMEOUT."},
          {.name = "retries",
           .type = OptionType::integer,
           .default_value = std::int64_t{0},
           .minimum = 0,
           .maximum = 100,
           .description = "Runs a failing test up to this many more times; one that then "
                          "passes is reported FLAKY."},
          {.name = "serial",
           .type = OptionType::string_list,
           .default_value = Strings{},
           .description = "Globs of suite names that never run at the same time as each other "
                          "(as ExUnit's async: false); a `// retort: tags serial` comment does "
                          "the same for one suite."},
          {.name = "one_process",
           .type = OptionType::string_list,
           .default_value = Strings{},
           .description = "Globs of suite names whose tests share one process, so costly "
                          "set-up is paid once, or of test programs (paths as retort shows "
                          "them) whose tests all share one; a `// retort: tags one-process` "
                          "comment does the same for one suite."},
          {.name = "isolate",
           .type = OptionType::boolean,
           .default_value = false,
           .description = "One process per test (as `retort test --isolate`); false runs a "
                          "program's tests in a few processes (batches) and any that does not "
                          "pass there, or never starts, runs again alone, which decides."},
          {.name = "fork_server",
           .type = OptionType::boolean,
           .default_value = true,
           .description = "Fork each test of a GoogleTest program from the program stopped where "
                          "main begins (start-up paid once, still one process per test); false "
                          "starts every test with exec, as `retort test --no-fork-server`."},
      }};
}

}  // namespace retort::testrunner
