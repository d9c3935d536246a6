#include "interrupt.hpp"

#include <csignal>

#include <atomic>

#include "retort/testrunner/runner.hpp"

namespace retort::cli {
namespace {

volatile std::sig_atomic_t was_interrupted = 0;
// Guards alive; only the main thread and the gate's step threads make them, and the
// outermost one outlives the others.
std::atomic<int> guard_depth{0};
struct sigaction previous_int {};
struct sigaction previous_term {};

extern "C" void on_interrupt(int) {
  was_interrupted = 1;
  testrunner::request_interrupt();
}

}  // namespace

InterruptGuard::InterruptGuard() {
  if (guard_depth.fetch_add(1) != 0) return;
  was_interrupted = 0;
  testrunner::clear_interrupt();
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, &previous_int);
  ::sigaction(SIGTERM, &action, &previous_term);
}

InterruptGuard::~InterruptGuard() {
  if (guard_depth.fetch_sub(1) != 1) return;
  ::sigaction(SIGINT, &previous_int, nullptr);
  ::sigaction(SIGTERM, &previous_term, nullptr);
}

bool is_interrupted() { return was_interrupted != 0; }

}  // namespace retort::cli
