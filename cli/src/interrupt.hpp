#pragma once

// Ctrl-C (SIGINT) and SIGTERM while a command runs: the test runner stops every child
// process group it started, and the gate starts no further step, instead of retort
// dying with its children left behind.

namespace retort::cli {

/// Listens for SIGINT and SIGTERM while alive. Guards nest: the outermost one (the
/// gate's, or a lone `retort test`'s) forgets an earlier interrupt, installs the
/// handler and restores the previous one when it ends.
class InterruptGuard {
 public:
  /// Starts listening, unless an outer guard already does.
  InterruptGuard();
  /// Stops listening when this is the outermost guard.
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

/// Returns true once SIGINT or SIGTERM arrived under a guard.
bool is_interrupted();

}  // namespace retort::cli
