#!/usr/bin/env bash
# Creates .venv (if needed) with the pinned CPU torch and builds + installs cldmdf into it.
# Run by scripts/run.sh and scripts/test.sh. TORCH_SPEC overrides the torch pin.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}
# MLIR 22 for the MLIR pass (compiler/mlir/): Debian's packages, installed where missing
# (as root; CLDMDF_MLIR=0 skips the MLIR pass, and its tests then skip with the reason)
if [ "${CLDMDF_MLIR:-auto}" != "0" ] && [ ! -f /usr/lib/llvm-22/lib/cmake/mlir/MLIRConfig.cmake ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmlir-22-dev mlir-22-tools \
      llvm-22-dev llvm-22-tools cmake > /dev/null
  else
    echo "setup: MLIR 22 is missing and apt-get cannot run here: the MLIR pass is not built" >&2
  fi
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check "$TORCH_SPEC" numpy ninja \
  "setuptools>=64" wheel pytest expecttest hypothesis==6.170.27 matplotlib scikit-learn==1.9.1 \
  torch-mlir==20261001 2>&1 | grep -v "^WARNING: Location" || true
# fail here, not later, if an install failed
.venv/bin/python -c "import torch, numpy, pytest, hypothesis, ninja, matplotlib, sklearn, torch_mlir.fx"
.venv/bin/python -m pip install -q --disable-pip-version-check --no-build-isolation -e . 2>&1 |
  grep -v "^WARNING: Location" || true
.venv/bin/python -c "import cldmdf"
