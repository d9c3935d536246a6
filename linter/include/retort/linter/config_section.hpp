#pragma once

/// @file
/// The `lint` section (each check's own settings sit under `checks`, validated by the linter when
/// it reads them). Declared here, beside the tool that reads them; core validates a
/// `.retort.yaml` against the sections the command line assembles.

#include "retort/core/config.hpp"

namespace retort::lint {

/// Returns the `lint` section of `.retort.yaml`: its options, defaults and docs.
ConfigSection config_section();

}  // namespace retort::lint
