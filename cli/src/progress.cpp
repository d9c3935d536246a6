#include "progress.hpp"

#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace retort::cli {

std::function<void(std::size_t, std::size_t)> progress_printer(std::string tool, std::string what) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  auto last = std::make_shared<Clock::time_point>(start);
  bool is_terminal = ::isatty(STDERR_FILENO) != 0;
  return [start, last, is_terminal, tool, what](std::size_t done, std::size_t total) {
    auto now = Clock::now();
    bool is_last = done == total;
    if (now - start < std::chrono::seconds(3) ||
        (now - *last < std::chrono::seconds(2) && !is_last))
      return;
    *last = now;
    std::cerr << (is_terminal ? "\r" : "") << tool << ": " << done << "/" << total << " " << what
              << (is_terminal && !is_last ? "" : "\n") << std::flush;
  };
}

}  // namespace retort::cli
