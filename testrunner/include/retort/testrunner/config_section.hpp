#pragma once

/// @file
/// The `test` section: which tests run and how. Declared here, beside the tool that reads them;
/// core validates a
/// `.retort.yaml` against the sections the command line assembles.

#include "retort/core/config.hpp"

namespace retort::testrunner {

/// Returns the `test` section of `.retort.yaml`: its options, defaults and docs.
ConfigSection config_section();

}  // namespace retort::testrunner
