#include "belief_structure/hexify.hpp"

namespace belief_structure {

namespace {
constexpr const char* hex_suffix = "_ex";
bool ends_with(const std::string& text, const std::string& suffix)
{
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}

std::string hexify(const std::string& name) {
    if (ends_with(name, hex_suffix)) return name;
    return name + hex_suffix;
}

// TODO: remember names converted before
std::vector<std::string> Hexify::convert(const std::vector<std::string>& names) {
  std::vector<std::string> result;
  for (const auto & name : names) {
    std::string hex_name = hexify(name);
    if (hex_name != name) { converted_count_ += (int)1; }
    result.push_back(hex_name);
  }
  return result;
}

}  // namespace belief_structure
