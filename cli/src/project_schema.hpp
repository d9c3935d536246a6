#pragma once

// The schema every command loads `.retort.yaml` with.

#include "retort/core/config.hpp"

namespace retort::cli {

/// Returns every section of `.retort.yaml`: core's and each tool's own.
const ConfigSchema& project_schema();

}  // namespace retort::cli
