#include "belief_structure/path_allocator.hpp"

#include <fstream>

namespace belief_structure {

PathAllocator::PathAllocator(std::filesystem::path directory) : directory_(std::move(directory)) {
  retort::trap_exit(true);  // so terminate runs when the supervisor shuts us down
}

std::string PathAllocator::handle_call(const Allocate&, retort::From from) {
  std::string path = (directory_ / ("belief-" + std::to_string(++next_file_))).string();
  std::ofstream{path};
  std::uint64_t owner = from.caller().id();
  if (from.caller() && monitor_by_owner_.count(owner) == 0) {
    monitor_by_owner_[owner] = retort::monitor(from.caller()).value;
  }
  paths_by_owner_.emplace(owner, path);
  return path;
}

void PathAllocator::handle_cast(const Release& release) {
  std::erase_if(paths_by_owner_, [&](const auto& entry) { return entry.second == release.path; });
  std::filesystem::remove(release.path);
}

void PathAllocator::handle_info(const retort::Down& down) {
  auto [first, last] = paths_by_owner_.equal_range(down.pid.id());
  for (auto it = first; it != last; ++it) std::filesystem::remove(it->second);
  paths_by_owner_.erase(first, last);
  monitor_by_owner_.erase(down.pid.id());
}

void PathAllocator::terminate(const retort::ExitReason&) {
  for (const auto& [owner, path] : paths_by_owner_) std::filesystem::remove(path);
  paths_by_owner_.clear();
}

}  // namespace belief_structure
