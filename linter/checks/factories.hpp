#pragma once

// One factory per check; the registry (src/registry.cpp) lists them in order.

#include <memory>

#include "retort/linter/check.hpp"

namespace retort::lint {

std::unique_ptr<Check> make_function_length_check();
std::unique_ptr<Check> make_parameter_count_check();
std::unique_ptr<Check> make_line_length_check();
std::unique_ptr<Check> make_missing_doc_comment_check();
std::unique_ptr<Check> make_todo_tags_check();
std::unique_ptr<Check> make_using_namespace_in_header_check();
std::unique_ptr<Check> make_c_style_cast_check();
std::unique_ptr<Check> make_raw_new_delete_check();
std::unique_ptr<Check> make_swallowed_exception_check();

}  // namespace retort::lint
