#include "belief_structure/path_allocator.hpp"

#include <cstdlib>

#include <gtest/gtest.h>

#include <retort/test_system.hpp>

namespace belief_structure {
namespace {

struct Work {
  retort::Pid allocator;
};

// A job that takes a temporary file and holds it until it dies.
class Job : public retort::GenServer<Job> {
 public:
  using Protocol = retort::Protocol<retort::Call<Work, std::string>>;
  retort::Async<std::string> handle_call(const Work& work, retort::From) {
    co_return co_await retort::async_call<std::string>(work.allocator, Allocate{});
  }
};

std::filesystem::path fresh_directory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "belief-XXXXXX").string();
  return mkdtemp(pattern.data());
}

// On a TestSystem the processes run on this thread when it waits, so "after the
// Down is handled" is "once nothing is left to run": no polling, no sleep.
TEST(PathAllocator, RemovesAFileWhenItsOwnerDies) {
  auto directory = fresh_directory();
  retort::TestSystem system;
  auto allocator = system.spawn<PathAllocator>(directory);
  auto job = system.spawn<Job>();
  std::string path = job.call(Work{allocator.pid()});
  EXPECT_TRUE(std::filesystem::exists(path));
  retort::exit(job.pid(), retort::ExitReason::kill());
  system.run_until_idle();
  EXPECT_FALSE(std::filesystem::exists(path));
  std::filesystem::remove_all(directory);
}

TEST(PathAllocator, RemovesEveryFileWhenShutDown) {
  auto directory = fresh_directory();
  std::string path;
  {
    retort::System system;
    auto allocator = system.spawn<PathAllocator>(directory);
    path = allocator.call(Allocate{});
    EXPECT_TRUE(std::filesystem::exists(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  std::filesystem::remove_all(directory);
}

}  // namespace
}  // namespace belief_structure
