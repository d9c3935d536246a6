#pragma once

/// @file
/// The `typecheck` section of `.retort.yaml`, declared beside the tool that reads it.

#include "retort/core/config.hpp"

namespace retort::typecheck {

/// Returns the `typecheck` section: its options, defaults and docs.
ConfigSection config_section();

}  // namespace retort::typecheck
