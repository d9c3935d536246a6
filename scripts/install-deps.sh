#!/usr/bin/env bash
# Installs the Debian 12 packages that retort's build and tests need, and nothing else.
# Does nothing when every package is already present. Benchmark peers (clang-format-16,
# hyperfine, ...) are installed by the benchmark scripts that use them, via --peers.
#
# Usage: scripts/install-deps.sh [--peers PKG...]
set -euo pipefail

build_packages=(
  cmake ninja-build ccache g++ git pkg-config
  llvm-16-dev libclang-16-dev libclang-cpp16-dev clang-16 libclang-rt-16-dev llvm-16 libzstd-dev
  libyaml-cpp-dev libcli11-dev libgtest-dev libgmock-dev
  libcmark-gfm-dev libbenchmark-dev lcov
  libfmt-dev googletest
  gcovr chromium doxygen python3 clang-format-14
)

packages=("${build_packages[@]}")
if [[ "${1:-}" == "--peers" ]]; then
  shift
  packages=("$@")
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: missing packages (${missing[*]}) and not root; install them or run as root" >&2
    exit 1
  fi
  sudo_cmd=(sudo)
fi

# A fresh machine starts with empty package lists; refresh when a package is unknown.
needs_update=0
for package in "${missing[@]}"; do
  if ! apt-cache show "$package" >/dev/null 2>&1; then needs_update=1; fi
done
if [[ $needs_update -eq 1 ]]; then
  "${sudo_cmd[@]}" apt-get update -qq
fi

for package in "${missing[@]}"; do
  if ! apt-cache show "$package" >/dev/null 2>&1; then
    echo "install-deps: package '$package' cannot be found in the configured Debian sources" >&2
    exit 1
  fi
done

if ! DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/retort-install-deps.log 2>&1; then
  echo "install-deps: apt-get install failed for: ${missing[*]} (log: /tmp/retort-install-deps.log)" >&2
  tail -n 20 /tmp/retort-install-deps.log >&2
  exit 1
fi
