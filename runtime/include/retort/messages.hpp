#pragma once

/// @file
/// The messages the runtime itself sends: `Down` (from a monitor) and `Exit` (an
/// exit signal turned into a message for a process that traps exits).

#include "retort/exit_reason.hpp"
#include "retort/pid.hpp"

namespace retort {

/// Sent to a monitoring process when the monitored process ends (or, with reason
/// `noproc`, at once when it had already ended).
struct Down {
  /// The monitor that fired.
  MonitorRef ref;
  /// The process that ended.
  Pid pid;
  /// Why it ended.
  ExitReason reason;
};

/// An exit signal from a linked process, delivered as a message to a process that
/// traps exits.
struct Exit {
  /// The process that sent the signal (usually the linked process that ended).
  Pid from;
  /// Why.
  ExitReason reason;
};

}  // namespace retort
