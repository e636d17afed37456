#!/usr/bin/env bash
# The GPU check, for a machine with an NVIDIA GPU, nvcc and a CUDA build of torch
# (no network needed): builds the extension in place against that torch with the
# CUDA kernels forced on, runs the CUDA tests, then the GPU benchmarks at the CPU
# issue's sizes and at 16x larger batches. Finishes in a few minutes on an H200.
#
#   bash benchmarks/gpu_check.sh            # results and logs under ${OUT:-/tmp/cldmdf-gpu}
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
OUT=${OUT:-/tmp/cldmdf-gpu}
mkdir -p "$OUT"
"$PY" -c "import torch; assert torch.cuda.is_available(), 'no GPU visible'; \
print('torch', torch.__version__, 'CUDA', torch.version.cuda, torch.cuda.get_device_name())"

# the TorchScript pass is not what this checks: skip building it against the GPU machine's torch
export CLDMDF_CUDA=1 CLDMDF_CUDA_ARCHS=${CLDMDF_CUDA_ARCHS:-90} MAX_JOBS=${MAX_JOBS:-16} CLDMDF_JIT_PASS=0
start=$(date +%s)
"$PY" setup.py -q build_ext --inplace > "$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }
echo "build: $(( $(date +%s) - start ))s"

status=0
timeout 240 "$PY" -m pytest tests -q -x -k cuda -m "not cudasim" -p no:cacheprovider 2>&1 | tee "$OUT/tests.log" | tail -15 ||
  status=1
timeout 150 "$PY" benchmarks/bench_ops.py --device cuda --reps 20 --json "$OUT/bench_1x.json" 2>&1 |
  tee "$OUT/bench_1x.md" || status=1
timeout 200 "$PY" benchmarks/bench_ops.py --device cuda --scale 16 --reps 10 --json "$OUT/bench_16x.json" 2>&1 |
  tee "$OUT/bench_16x.md" || status=1
echo "total: $(( $(date +%s) - start ))s"
exit $status
