#pragma once

/// @file
/// The `doc` section: what is public API and how `doc-grade` gates it. Declared here, beside the
/// tool that reads them; core validates a
/// `.retort.yaml` against the sections the command line assembles.

#include "retort/core/config.hpp"

namespace retort::doc {

/// Returns the `doc` section of `.retort.yaml`: its options, defaults and docs.
ConfigSection config_section();

}  // namespace retort::doc
