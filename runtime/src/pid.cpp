#include "retort/pid.hpp"

#include <utility>

#include "retort/detail/process.hpp"

namespace retort {

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
