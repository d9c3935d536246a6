#pragma once

#include <string>
#include <vector>

namespace belief_structure {

/// Returns the Hex package name for the Elixir package `name`: `name` with `_ex`
/// appended, unless it already ends in `_ex`.
///
/// ```cpp
/// belief_structure::hexify("plug");     // "plug_ex"
/// belief_structure::hexify("plug_ex");  // "plug_ex"
/// ```
std::string hexify(const std::string& name);

/// Turns package names into Hex names, remembering how many it converted.
class Hexify {
 public:
  /// Returns `names`, each passed through `hexify`.
  std::vector<std::string>   convert(const std::vector<std::string> &names);

  /// Returns how many names `convert` has changed so far.
  int converted_count() const { return converted_count_; }

 private:
  int converted_count_ = 0;
};

}  // namespace belief_structure
