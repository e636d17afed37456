#!/usr/bin/env bash
# Two checks against torch 2.14.1 (a CUDA 13 build, on this machine's disk), in .venv-torch214:
#  1. the operator library built by scripts/test.sh against torch 2.13.0 loads under 2.14.1
#     and passes the test suite there (one build for every torch >= 2.10: the stable ABI);
#  2. the CUDA kernels compile and link against 2.14.1 with nvcc (in a scratch copy of the
#     tree, so the CPU build in place is untouched); no GPU is needed to build them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
if [ ! -x .venv-torch214/bin/python ]; then
  "$PY" -m venv .venv-torch214
fi
.venv-torch214/bin/python -m pip install -q --disable-pip-version-check torch==2.14.1 numpy ninja matplotlib \
  "setuptools>=64" wheel pytest expecttest hypothesis==6.170.27 scikit-learn==1.9.1 2>&1 | grep -v "^WARNING: Location" || true
.venv-torch214/bin/python -c "import torch, pytest, ninja, matplotlib; print('torch', torch.__version__)"

echo "== stable ABI: the torch 2.13.0 build under torch $(.venv-torch214/bin/python -c 'import torch; print(torch.__version__)')"
grep -q "TORCH_VERSION = '2.13.0" cldmdf/_build_info.py
# the operator and model tests (the compiler and C++ deployment tests, and the CUDA emulation
# cases, build against the torch
# they run under, so they say nothing about this binary)
PYTHONPATH="$ROOT" .venv-torch214/bin/python -m pytest tests -q -p no:cacheprovider \
  --ignore=tests/compiler --ignore=tests/test_cpp_deploy.py -m "not cudasim" "$@"

if command -v nvcc > /dev/null; then
  echo "== CUDA kernels: compile and link against torch 2.14.1"
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  git ls-files -co --exclude-standard | grep -v "^cldmdf/_C" | tar -cf - -T - | tar -xf - -C "$scratch"
  (cd "$scratch" && CLDMDF_CUDA=1 CLDMDF_CUDA_ARCHS="80;90" MAX_JOBS=2 \
     "$ROOT/.venv-torch214/bin/python" setup.py -q build_ext --inplace > build.log 2>&1) ||
    { tail -40 "$scratch/build.log"; exit 1; }
  (cd "$scratch" && "$ROOT/.venv-torch214/bin/python" -c "
import torch, cldmdf
from cldmdf import _build_info as b
assert b.WITH_CUDA, 'built without CUDA kernels'
dump = torch._C._dispatch_dump('cldmdf::dual_attention')
assert 'CUDA: registered at' in dump and 'cuda/dual_attention.cu' in dump, dump
print('CUDA kernels built and registered for torch', torch.__version__)")
else
  echo "nvcc not found: CUDA build check skipped"
fi
