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

void stop(ExitReason reason) { calling_process("stop")->stop_request = std::move(reason); }

std::string ExitReason::to_string() const {
  switch (kind_) {
    case Kind::normal:
      return "normal";
    case Kind::shutdown:
      return "shutdown";
    case Kind::kill:
      return "kill";
    case Kind::killed:
      return "killed";
    case Kind::noproc:
      return "noproc";
    case Kind::timeout:
      return "timeout";
    case Kind::error:
      return "error: " + description_;
  }
  return "unknown";
}

Pid::Pid(detail::Process* process) : process_(process) {
  if (process_ != nullptr) process_->retain();
}
Pid::Pid(const Pid& other) : Pid(other.process_) {}
Pid::Pid(Pid&& other) noexcept : process_(std::exchange(other.process_, nullptr)) {}
Pid& Pid::operator=(Pid other) noexcept {
  std::swap(process_, other.process_);
  return *this;
}
Pid::~Pid() {
  if (process_ != nullptr) process_->release();
}
std::uint64_t Pid::id() const { return process_ != nullptr ? process_->id : 0; }
std::string Pid::to_string() const { return "<0." + std::to_string(id()) + ".0>"; }

}  // namespace retort
