#pragma once

// A readable name for each message type, for exit reasons such as
// "unhandled message: belief_structure::Allocate", and a unique tag per type that
// compares by address (cheaper than std::type_index in the dispatch loop).

#include <string_view>

namespace retort::detail {

template <class T>
constexpr std::string_view type_name() {
  std::string_view function = __PRETTY_FUNCTION__;
  auto start = function.find("T = ") + 4;
  auto end = function.find_first_of(";]", start);
  return function.substr(start, end - start);
}

struct TypeTag {
  std::string_view name;
};

template <class T>
const TypeTag* type_tag() {
  static const TypeTag tag{type_name<T>()};
  return &tag;
}

}  // namespace retort::detail
