#!/usr/bin/env bash
# Creates .venv (if needed) with the pinned CPU torch and builds + installs cldmdf into it.
# Run by scripts/run.sh and scripts/test.sh. TORCH_SPEC overrides the torch pin.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check "$TORCH_SPEC" numpy ninja \
  "setuptools>=64" wheel pytest expecttest matplotlib 2>&1 | grep -v "^WARNING: Location" || true
# fail here, not later, if an install failed
.venv/bin/python -c "import torch, numpy, pytest, ninja, matplotlib"
.venv/bin/python -m pip install -q --disable-pip-version-check --no-build-isolation -e . 2>&1 |
  grep -v "^WARNING: Location" || true
.venv/bin/python -c "import cldmdf"
