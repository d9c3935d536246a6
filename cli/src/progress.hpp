#pragma once

// How a long run says how far it is: on stderr, after the first three seconds, every
// two seconds; on a terminal one line rewritten, elsewhere a line each. Shared by the
// commands whose tool reports progress (format's files, lint's translation units).

#include <cstddef>
#include <functional>
#include <string>

namespace retort::cli {

/// Returns a callback for a tool's `on_progress(done, total)` that prints
/// `<tool>: <done>/<total> <what>`, e.g. `lint: 40/103 translation units`.
std::function<void(std::size_t, std::size_t)> progress_printer(std::string tool, std::string what);

}  // namespace retort::cli
