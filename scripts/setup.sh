#!/usr/bin/env bash
# Installs what Shiftwright drives (Verilator, Yosys, nextpnr-ice40 for iCE40 timing, a C++ toolchain for Verilator's models,
# zlib for FST waveforms) from Debian's packages when any of it is missing. Says what it does.
set -euo pipefail

need=()
command -v verilator >/dev/null 2>&1 || need+=(verilator)
command -v yosys >/dev/null 2>&1 || need+=(yosys)
command -v nextpnr-ice40 >/dev/null 2>&1 || need+=(nextpnr-ice40)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)

if [ ${#need[@]} -eq 0 ]; then
  echo "setup: Verilator, Yosys, nextpnr-ice40, g++, make and zlib1g-dev are already installed."
else
  echo "setup: installing missing packages: ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: error: not root; run: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  echo "setup: installed ${need[*]}"
fi
echo "setup: $(verilator --version); $(yosys -V); $(nextpnr-ice40 --version 2>&1 | head -n 1)"
