#include "retort/core/line_regex.hpp"

namespace retort {

bool search_line(const std::string& line, const std::regex& pattern) {
  return line.size() <= max_regex_line && std::regex_search(line, pattern);
}

bool search_line(const std::string& line, std::smatch& match, const std::regex& pattern) {
  if (line.size() > max_regex_line) {
    match = std::smatch();
    return false;
  }
  return std::regex_search(line, match, pattern);
}

bool match_line(const std::string& line, const std::regex& pattern) {
  return line.size() <= max_regex_line && std::regex_match(line, pattern);
}

}  // namespace retort
