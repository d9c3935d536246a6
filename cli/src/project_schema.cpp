// Every section of .retort.yaml a command validates, in the order the docs list them:
// core's `files` and each tool's own; `ensure_consistency` is the gate's, here.

#include "project_schema.hpp"

#include "retort/coverage/config_section.hpp"
#include "retort/docgen/config_section.hpp"
#include "retort/formatter/config_section.hpp"
#include "retort/linter/config_section.hpp"
#include "retort/testrunner/config_section.hpp"
#include "retort/typecheck/config_section.hpp"

namespace retort::cli {
namespace {

ConfigSection ensure_consistency_section() {
  using Strings = std::vector<std::string>;
  return {"ensure_consistency",
          {
              {.name = "steps",
               .type = OptionType::string_list,
               .default_value = Strings{"format"},
               .allowed_values = {"format", "lint", "typecheck", "doc-grade", "test", "cover"},
               .description = "The steps `retort ensure-consistency` runs, in order."},
          }};
}

}  // namespace

const ConfigSchema& project_schema() {
  static const ConfigSchema schema{files_config_section(),     format::config_section(),
                                   lint::config_section(),     typecheck::config_section(),
                                   doc::config_section(),      testrunner::config_section(),
                                   coverage::config_section(), ensure_consistency_section()};
  return schema;
}

}  // namespace retort::cli
