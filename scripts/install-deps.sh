#!/usr/bin/env bash
# Installs the Debian 12 packages Paratrace needs to build, test and run.
# Idempotent: does nothing when everything is already installed.
#   scripts/install-deps.sh          build + test + run dependencies
#   scripts/install-deps.sh --dev    also PyTorch (python3-torch) and OpenBLAS for
#                                    regenerating fixtures and running benchmarks, and
#                                    GNU time (bench_graphview reads dot's peak memory)
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libeigen3-dev nlohmann-json3-dev libopenblas-dev libbenchmark-dev
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl1-mesa-dev
  libgraphviz-dev graphviz
  xvfb xauth
)
if [[ "${1:-}" == "--dev" ]]; then
  packages+=(python3-torch libopenblas0-pthread imagemagick time)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  as_root=(sudo)
fi
echo "Installing: ${missing[*]}"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
