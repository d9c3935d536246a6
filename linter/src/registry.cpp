// The ordered list of checks. Adding a check: its file pair under
// checks/<category>/, its factory in checks/factories.hpp, one line here, and a test
// input under tests/inputs/<category>/.

#include "../checks/factories.hpp"
#include "retort/linter/linter.hpp"

namespace retort::lint {

const std::vector<std::unique_ptr<Check>>& registered_checks() {
  static const std::vector<std::unique_ptr<Check>> checks = [] {
    std::vector<std::unique_ptr<Check>> list;
    list.push_back(make_function_length_check());
    list.push_back(make_parameter_count_check());
    list.push_back(make_line_length_check());
    list.push_back(make_missing_doc_comment_check());
    list.push_back(make_todo_tags_check());
    list.push_back(make_using_namespace_in_header_check());
    list.push_back(make_c_style_cast_check());
    list.push_back(make_raw_new_delete_check());
    list.push_back(make_swallowed_exception_check());
    return list;
  }();
  return checks;
}

const Check* find_check(std::string_view id) {
  for (const auto& check : registered_checks()) {
    if (check->info().id == id) return check.get();
  }
  return nullptr;
}

RuleCatalog lint_rules() {
  RuleCatalog rules;
  for (const auto& check : registered_checks()) {
    rules.push_back({check->info().id, check->info().summary, check->info().explanation});
  }
  rules.push_back(
      {"lint/unused-suppression", "A suppression comment silences nothing.",
       "The finding it was written for is gone; remove the comment so suppressions stay "
       "meaningful."});
  rules.push_back({"lint/parse-error", "The code does not compile, so it could not be linted.",
                   "Clang could not parse this translation unit with the flags of the compilation "
                   "database. Fix the error, or check that compile_commands.json is current."});
  return rules;
}

std::string explain(const Check& check) {
  const CheckInfo& info = check.info();
  std::string text = info.id + "\n\n";
  text += "  Category: " + info.category + "\n";
  text += "  Priority: " + std::string(priority_arrow(info.priority)) + " " +
          std::string(priority_name(info.priority)) + "\n\n";
  text += info.summary + "\n\nWHY IT MATTERS\n\n" + info.explanation + "\n\n";
  return text + configuration_text(info);
}

std::string configuration_text(const CheckInfo& info) {
  std::string text =
      "CONFIGURATION OPTIONS\n\n  In .retort.yaml:\n\n    lint:\n      checks:\n        " +
      info.id + ":\n";
  text += "          enabled: true       # false turns the check off\n";
  text += "          severity: warning   # error, warning or note\n";
  text += "          priority: " + std::string(priority_name(info.priority)) +
          "    # higher, high, normal, low (low shows only with --strict)\n";
  for (const auto& param : info.params) {
    text += "          " + param.name + ": " + param_text(param.default_value) + "  # " +
            param.description;
    if (!param.allowed_values.empty()) {
      text += " One of:";
      for (const auto& value : param.allowed_values) text += " " + value;
      text += ".";
    }
    text += "\n";
  }
  text += "\n  Silence one finding with `// retort: disable-next-line " + info.id +
          "` above it\n"
          "  (or `disable-line` on it, or `disable-begin` ... `disable-end` around a block).\n";
  return text;
}

}  // namespace retort::lint
