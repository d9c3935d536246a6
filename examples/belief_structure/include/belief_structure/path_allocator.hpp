#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <retort/runtime.hpp>

namespace belief_structure {

/// Asks for a fresh temporary path; the reply is the path.
struct Allocate {};

/// Hands a path back; its file is removed.
struct Release {
  std::string path;
};

/// Hands out temporary files and removes them when their owners die, as in
/// *Adopting Elixir*, chapter 5: it monitors each caller, removes the caller's files
/// on `Down`, and removes every file it still holds in `terminate`.
class PathAllocator : public retort::GenServer<PathAllocator> {
 public:
  using Protocol = retort::Protocol<retort::Call<Allocate, std::string>, retort::Cast<Release>,
                                    retort::Info<retort::Down>>;

  /// Starts allocating files under `directory`, which must exist.
  explicit PathAllocator(std::filesystem::path directory);

  /// Creates an empty file and returns its path; the calling process owns it.
  std::string handle_call(const Allocate&, retort::From from);
  /// Removes the file at `release.path`.
  void handle_cast(const Release& release);
  /// The owner of some files died: removes them.
  void handle_info(const retort::Down& down);
  /// Removes every file still allocated.
  void terminate(const retort::ExitReason&);

 private:
  std::filesystem::path directory_;
  std::multimap<std::uint64_t, std::string> paths_by_owner_;
  std::map<std::uint64_t, std::uint64_t> monitor_by_owner_;
  std::uint64_t next_file_ = 0;
};

}  // namespace belief_structure
