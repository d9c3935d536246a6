#include "retort/exit_reason.hpp"

namespace retort {

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

}  // namespace retort
