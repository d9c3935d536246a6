#include "retort/test_system.hpp"

#include <stdexcept>
#include <string>

#include "retort/detail/scheduler.hpp"
#include "retort/detail/timer_service.hpp"

namespace retort {
namespace {

constexpr std::size_t most_messages_until_idle = 10'000'000;

}  // namespace

TestSystem::TestSystem() : System(SystemOptions{.is_deterministic = true}), start_(now()) {}

bool TestSystem::run_once() { return scheduler().run_one(); }

std::size_t TestSystem::run_until_idle() {
  std::size_t ran = 0;
  while (run_once()) {
    if (++ran == most_messages_until_idle)
      throw std::runtime_error("retort::TestSystem: still running after " + std::to_string(ran) +
                               " messages; does a process message itself forever?");
  }
  return ran;
}

void TestSystem::advance(std::chrono::milliseconds duration) {
  auto until = now() + duration;
  run_until_idle();
  while (timers().fire_next(until)) run_until_idle();
  timers().advance_to(until);
}

std::chrono::milliseconds TestSystem::elapsed() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(now() - start_);
}

}  // namespace retort
