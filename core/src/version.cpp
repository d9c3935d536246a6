#include "retort/core/version.hpp"

namespace retort {

std::string_view version() { return RETORT_VERSION; }

}  // namespace retort
