#pragma once

// Busy-waiting for a little while before sleeping, as the BEAM's schedulers do
// (`+sbwt`): a thread that sleeps on a futex as soon as it runs out of work pays a
// wake-up for the next message (on a virtual machine whose idle vCPUs halt, 30 us),
// while the round trip it waits for takes about 2 us.

#include <chrono>

namespace retort::detail {

// Tells the CPU this is a spin loop (lets the sibling hyper-thread run, saves power).
inline void spin_pause() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// Returns true as soon as `is_ready()` holds, false once `limit` has passed
// without it.
template <class Ready>
bool spin_until(Ready is_ready, std::chrono::microseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (true) {
    // The clock is read every 64 polls: a read costs as much as many polls.
    for (int poll = 0; poll < 64; ++poll) {
      if (is_ready()) return true;
      spin_pause();
    }
    if (std::chrono::steady_clock::now() >= deadline) return false;
  }
}

}  // namespace retort::detail
