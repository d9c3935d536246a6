#include "retort/core/errors.hpp"

#include "retort/core/exit_codes.hpp"

namespace retort {

char UsageError::ID = 0;

int report_error(llvm::Error error, llvm::raw_ostream& out) {
  int exit_code = exit_internal;
  llvm::handleAllErrors(
      std::move(error),
      [&](const UsageError& usage) {
        exit_code = exit_usage;
        out << "retort: error: ";
        usage.log(out);
        out << "\n";
      },
      [&](const llvm::ErrorInfoBase& other) {
        out << "retort: internal error: " << other.message() << "\n";
      });
  return exit_code;
}

}  // namespace retort
