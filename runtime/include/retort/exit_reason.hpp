#pragma once

/// @file
/// Why a process ended, with OTP's meanings: `normal`, `shutdown`, `kill` (the
/// untrappable signal), `killed` (what linked processes see), `noproc`, `timeout`,
/// and errors carrying a description.

#include <string>

namespace retort {

/// Why a process ended, or why a call failed.
class ExitReason {
 public:
  /// The kinds of reason OTP distinguishes.
  enum class Kind { normal, shutdown, kill, killed, noproc, timeout, error };

  /// Returns the reason of a process that finished its work.
  static ExitReason normal() { return ExitReason(Kind::normal, ""); }
  /// Returns the reason a supervisor or the system stops a process with.
  static ExitReason shutdown() { return ExitReason(Kind::shutdown, ""); }
  /// Returns the untrappable exit signal; its target ends with `killed`.
  static ExitReason kill() { return ExitReason(Kind::kill, ""); }
  /// Returns the reason of a process ended by `kill`.
  static ExitReason killed() { return ExitReason(Kind::killed, ""); }
  /// Returns the reason for a process that does not exist (or no longer does).
  static ExitReason noproc() { return ExitReason(Kind::noproc, ""); }
  /// Returns the reason of a call that got no reply in time.
  static ExitReason timeout() { return ExitReason(Kind::timeout, ""); }
  /// Returns an error reason carrying `description` (e.g. an exception's message).
  static ExitReason error(std::string description) {
    return ExitReason(Kind::error, std::move(description));
  }

  /// Returns which kind of reason this is.
  Kind kind() const { return kind_; }
  /// Returns the description of an `error` reason; empty for the others.
  const std::string& description() const { return description_; }
  /// Returns true for `normal`, which non-trapping linked processes ignore.
  bool is_normal() const { return kind_ == Kind::normal; }
  /// Returns the reason as text, e.g. `normal` or `error: division by zero`.
  std::string to_string() const;

  /// Returns true when both have the same kind and description.
  bool operator==(const ExitReason&) const = default;

 private:
  ExitReason(Kind kind, std::string description)
      : kind_(kind), description_(std::move(description)) {}
  Kind kind_;
  std::string description_;
};

}  // namespace retort
