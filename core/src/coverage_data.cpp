#include "retort/core/coverage_data.hpp"

#include <cmath>
#include <cstdio>

namespace retort {

void FileCoverage::merge(const FileCoverage& other) {
  for (const auto& [line, count] : other.lines) lines[line] += count;
  for (const auto& [name, hits] : other.functions) {
    auto [it, is_new] = functions.try_emplace(name, hits);
    if (!is_new) it->second.count += hits.count;
  }
  for (const auto& [id, taken] : other.branches) add_branch(id, taken);
}

void FileCoverage::add_branch(const BranchId& id, std::optional<std::uint64_t> taken) {
  auto [it, is_new] = branches.try_emplace(id, taken);
  if (!is_new && taken) it->second = it->second.value_or(0) + *taken;
}

void CoverageData::merge(const CoverageData& other) {
  for (const auto& [path, file] : other.files) files[path].merge(file);
}

Counts& Counts::operator+=(const Counts& other) {
  found += other.found;
  hit += other.hit;
  return *this;
}

Totals& Totals::operator+=(const Totals& other) {
  lines += other.lines;
  functions += other.functions;
  branches += other.branches;
  return *this;
}

bool is_compiler_generated_function(std::string_view mangled_name, std::string_view name) {
  return mangled_name.starts_with("_GLOBAL__") || name.starts_with("__");
}

Totals totals_of(const FileCoverage& file) {
  Totals totals;
  for (const auto& [line, count] : file.lines) {
    ++totals.lines.found;
    if (count > 0) ++totals.lines.hit;
  }
  for (const auto& [name, hits] : file.functions) {
    ++totals.functions.found;
    if (hits.count > 0) ++totals.functions.hit;
  }
  for (const auto& [id, taken] : file.branches) {
    ++totals.branches.found;
    if (taken.value_or(0) > 0) ++totals.branches.hit;
  }
  return totals;
}

Totals totals_of(const CoverageData& data) {
  Totals totals;
  for (const auto& [path, file] : data.files) totals += totals_of(file);
  return totals;
}

}  // namespace retort
