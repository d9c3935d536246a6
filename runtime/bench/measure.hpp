#pragma once

// Measuring helpers shared by retort_bench.cpp and caf_bench.cpp, so both sides of
// the comparison time and count memory the same way.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <utility>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Resident set size of this process, from /proc/self/statm.
inline long resident_bytes() {
  long pages = 0, resident = 0;
  std::ifstream("/proc/self/statm") >> pages >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

inline int env_or(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::atoi(value) : fallback;
}

// Times `calls` runs of `one_call`; returns the median and 99th percentile in µs.
template <class F>
std::pair<double, double> latency_percentiles(int calls, F&& one_call) {
  std::vector<double> micros;
  micros.reserve(calls);
  for (int i = 0; i < calls; ++i) {
    auto start = Clock::now();
    one_call();
    micros.push_back(seconds_since(start) * 1e6);
  }
  std::sort(micros.begin(), micros.end());
  return {micros[calls / 2], micros[calls * 99 / 100]};
}

// Returns the mean and 99th percentile of `micros`, each call's time in µs.
inline std::pair<double, double> mean_and_p99(std::vector<double> micros) {
  double total = 0;
  for (double m : micros) total += m;
  std::sort(micros.begin(), micros.end());
  return {total / micros.size(), micros[micros.size() * 99 / 100]};
}

}  // namespace bench
