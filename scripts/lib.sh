# Shared by scripts/demo and scripts/test: timed phases and the release build.
# Sourced, not run.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
phase_summary=()

# run_phase NAME COMMAND...: runs COMMAND, prints how long it took, and remembers it
# for print_phase_summary. Stops the script when COMMAND fails.
run_phase() {
  local name=$1
  shift
  local started=$SECONDS
  echo "==> $name"
  if ! "$@"; then
    echo "==> $name failed after $((SECONDS - started)) s" >&2
    exit 1
  fi
  phase_summary+=("$name $((SECONDS - started)) s")
  echo "==> $name took $((SECONDS - started)) s"
}

print_phase_summary() {
  local joined
  joined=$(printf '%s; ' "${phase_summary[@]}")
  echo "phases: ${joined%; }"
}

configure_release() {
  cmake --preset release -S "$repo_root" >/dev/null
}

# Two cores here and in CI; Ninja uses them all by default.
build_release() {
  cmake --build "$repo_root/build/release" "$@"
}

# The runtime's tests under AddressSanitizer and ThreadSanitizer. Only the runtime
# is built in these trees: it does not depend on Clang, so this stays cheap.
run_runtime_tests_under_sanitizers() {
  local preset
  for preset in asan tsan; do
    cmake --preset "$preset" -S "$repo_root" >/dev/null || return 1
    cmake --build "$repo_root/build/$preset" --target retort_runtime_tests || return 1
    echo "-- runtime tests under $preset"
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" ASAN_OPTIONS="detect_leaks=1" \
      "$repo_root/build/$preset/runtime/retort_runtime_tests" --gtest_brief=1 || return 1
  done
}

# median_seconds N COMMAND...: runs COMMAND N times (N odd) and prints the median
# wall-clock time in seconds; benchmarks use it for every peer alike.
median_seconds() {
  local runs=$1
  shift
  local times=() start
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    "$@"
    times+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}
