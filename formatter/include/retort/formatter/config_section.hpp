#pragma once

/// @file
/// The `format` section: the house style's settings. Declared here, beside the tool that reads
/// them; core validates a
/// `.retort.yaml` against the sections the command line assembles.

#include "retort/core/config.hpp"

namespace retort::format {

/// Returns the `format` section of `.retort.yaml`: its options, defaults and docs.
ConfigSection config_section();

}  // namespace retort::format
