#pragma once

/// @file
/// `retort::Pid`: an untyped, copyable handle to a process, like an Erlang pid.
/// Sending to a dead process's pid is allowed and does nothing.

#include <compare>
#include <cstdint>
#include <functional>
#include <string>

namespace retort {

namespace detail {
class Process;
}

/// An untyped, copyable handle to a process. `send`, `cast` and `call` accept any
/// message through it; `Ref<Actor>` is the typed handle.
class Pid {
 public:
  /// A pid that names no process.
  Pid() = default;
  /// Takes a reference to `process` (the runtime's constructor).
  explicit Pid(detail::Process* process);
  Pid(const Pid& other);
  Pid(Pid&& other) noexcept;
  Pid& operator=(Pid other) noexcept;
  ~Pid();

  /// Returns the process's unique number (never reused within a system).
  std::uint64_t id() const;
  /// Returns true when this pid names a process (alive or not).
  explicit operator bool() const { return process_ != nullptr; }
  /// Returns the pid as Erlang prints one, e.g. `<0.42.0>`.
  std::string to_string() const;

  /// Returns true when both name the same process.
  friend bool operator==(const Pid& a, const Pid& b) { return a.process_ == b.process_; }
  /// Orders pids by their process number, for use as map keys.
  friend bool operator<(const Pid& a, const Pid& b) { return a.id() < b.id(); }

  /// Returns the process control block (runtime internals only).
  detail::Process* process() const { return process_; }

 private:
  detail::Process* process_ = nullptr;
};

/// Identifies one monitor, so `demonitor` and `Down` messages can name it.
struct MonitorRef {
  /// A number unique within the system.
  std::uint64_t value = 0;
  /// Returns true when both name the same monitor.
  bool operator==(const MonitorRef&) const = default;
};

}  // namespace retort

template <>
struct std::hash<retort::Pid> {
  std::size_t operator()(const retort::Pid& pid) const noexcept {
    return std::hash<std::uint64_t>{}(pid.id());
  }
};
