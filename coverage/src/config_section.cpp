#include "retort/coverage/config_section.hpp"

namespace retort::coverage {

// One declaration per option: a table to read down, not steps to name.
// retort: disable-next-line readability/function-length
ConfigSection config_section() {
  using Strings = std::vector<std::string>;
  return {
      "cover",
      {
          {.name = "build_directory",
           .type = OptionType::string,
           .default_value = std::string("build/coverage"),
           .description = "The build configured with --coverage (the `coverage` preset) whose "
                          "tests `retort cover` runs and whose .gcda data it reads."},
          {.name = "skip_files",
           .type = OptionType::string_list,
           .default_value = Strings{},
           .description = "Globs (relative to the project root) of files left out of every "
                          "coverage report, e.g. **/tests/** or third_party/**."},
          {.name = "branches",
           .type = OptionType::boolean,
           .default_value = false,
           .description =
               "Also collect and report branch coverage (as `retort cover --branches`)."},
          {.name = "exclude_throw_branches",
           .type = OptionType::boolean,
           .default_value = true,
           .description = "Leave out branches that exist only for exception unwinding, as "
                          "gcovr's --exclude-throw-branches."},
          {.name = "minimum",
           .type = OptionType::integer,
           .default_value = std::int64_t{0},
           .minimum = 0,
           .maximum = 100,
           .description = "Exit 1 when line coverage is below this percentage (as "
                          "`retort cover --minimum`); a change (--since, --staged) is judged by "
                          "minimum_diff instead."},
          {.name = "minimum_diff",
           .type = OptionType::integer,
           .default_value = std::int64_t{0},
           .minimum = 0,
           .maximum = 100,
           .description = "With --since or --staged: exit 1 when the changed code lines' coverage "
                          "is below this percentage."},
          {.name = "gcov",
           .type = OptionType::string,
           .default_value = std::string("gcov"),
           .description = "The gcov executable matching the compiler that built the coverage "
                          "build, e.g. gcov-12."},
          {.name = "llvm_profdata",
           .type = OptionType::string,
           .default_value = std::string("llvm-profdata-16"),
           .description = "For a Clang source-based coverage build: the llvm-profdata matching "
                          "the Clang that built it."},
          {.name = "llvm_cov",
           .type = OptionType::string,
           .default_value = std::string("llvm-cov-16"),
           .description = "For a Clang source-based coverage build: the llvm-cov matching the "
                          "Clang that built it."},
      }};
}

}  // namespace retort::coverage
