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
std::unique_ptr<Check> make_cyclomatic_complexity_check();
std::unique_ptr<Check> make_cognitive_complexity_check();
std::unique_ptr<Check> make_nesting_depth_check();
std::unique_ptr<Check> make_duplicated_block_check();
std::unique_ptr<Check> make_negated_condition_check();
std::unique_ptr<Check> make_mergeable_ifs_check();
std::unique_ptr<Check> make_long_switch_check();
std::unique_ptr<Check> make_io_with_computation_check();
std::unique_ptr<Check> make_debug_output_check();
std::unique_ptr<Check> make_ignored_result_check();
std::unique_ptr<Check> make_header_guard_style_check();
std::unique_ptr<Check> make_const_placement_check();
std::unique_ptr<Check> make_type_alias_style_check();
std::unique_ptr<Check> make_naming_convention_check();
std::unique_ptr<Check> make_alias_usage_check();
std::unique_ptr<Check> make_magic_number_check();
std::unique_ptr<Check> make_bool_argument_check();
std::unique_ptr<Check> make_actor_stateless_server_check();
std::unique_ptr<Check> make_actor_blocking_handler_check();
std::unique_ptr<Check> make_actor_catch_all_in_handler_check();
std::unique_ptr<Check> make_actor_call_to_self_check();
std::unique_ptr<Check> make_actor_trap_exit_without_terminate_check();
std::unique_ptr<Check> make_actor_unsupervised_spawn_check();
std::unique_ptr<Check> make_actor_shared_mutable_message_check();

}  // namespace retort::lint
