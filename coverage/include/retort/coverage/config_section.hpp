#pragma once

/// @file
/// The `cover` section: the coverage build, reports and gates. Declared here, beside the tool that
/// reads them; core validates a
/// `.retort.yaml` against the sections the command line assembles.

#include "retort/core/config.hpp"

namespace retort::coverage {

/// Returns the `cover` section of `.retort.yaml`: its options, defaults and docs.
ConfigSection config_section();

}  // namespace retort::coverage
