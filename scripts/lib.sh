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
