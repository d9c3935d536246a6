// The free functions of retort/process.hpp that act as the calling process.

#include <stdexcept>
#include <utility>

#include "retort/process.hpp"

namespace retort {
namespace {

detail::Process* calling_process(const char* function) {
  detail::Process* process = detail::current_process();
  if (process == nullptr) {
    throw std::logic_error(
        std::string("retort::") + function +
        " must be called from inside a process; outside one, use a retort::Inbox");
  }
  return process;
}

}  // namespace

Pid self() { return Pid(detail::current_process()); }

bool is_alive(const Pid& pid) {
  return pid && pid.process()->state.load(std::memory_order_acquire) != detail::ProcessState::dead;
}

void link(const Pid& pid) {
  if (pid) detail::link_processes(calling_process("link"), pid.process());
}

MonitorRef monitor(const Pid& pid) {
  detail::Process* watcher = calling_process("monitor");
  if (!pid) return {};
  return detail::monitor_process(watcher, pid.process());
}

void trap_exit(bool is_trapping) { calling_process("trap_exit")->is_trapping_exits = is_trapping; }

void exit(const Pid& pid, ExitReason reason) {
  if (pid) detail::send_exit_signal(pid.process(), self(), reason);
}

void stop(ExitReason reason) {
  calling_process("stop")->stop_request = std::make_unique<ExitReason>(std::move(reason));
}

}  // namespace retort
