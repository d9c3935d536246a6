#pragma once

/// @file
/// Error kinds that decide a command's exit code: a `UsageError` exits with
/// `exit_usage` (2), any other `llvm::Error` with `exit_internal` (3).

#include <string>

#include <llvm/Support/Error.h>

namespace retort {

/// A mistake in what the user asked for: a missing path, a bad revision, a bad
/// `.retort.yaml`. Its message already names the file, line and what was expected.
class UsageError : public llvm::ErrorInfo<UsageError> {
 public:
  /// Identifies the class for `llvm::isa`-style checks.
  static char ID;

  /// Makes an error that prints `message` as it is.
  explicit UsageError(std::string message) : message_(std::move(message)) {}

  /// Writes the message to `out`.
  void log(llvm::raw_ostream& out) const override { out << message_; }

  /// Returns `llvm::inconvertibleErrorCode()`: usage errors map to no errno.
  std::error_code convertToErrorCode() const override { return llvm::inconvertibleErrorCode(); }

 private:
  std::string message_;
};

/// Returns a `UsageError` carrying `message`.
inline llvm::Error usage_error(std::string message) {
  return llvm::make_error<UsageError>(std::move(message));
}

/// Returns an internal error carrying `message`.
inline llvm::Error internal_error(const std::string& message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// Consumes `error` and returns the exit code it stands for (2 for a `UsageError`,
/// 3 otherwise), after writing its message to `out` prefixed with `retort: error: `.
int report_error(llvm::Error error, llvm::raw_ostream& out);

}  // namespace retort
