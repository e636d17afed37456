#!/usr/bin/env bash
# Latency of the C++ deployment example (examples/cpp_deploy): builds the operator library and
# the program with CMake into build/deploy/, writes the models at the given batch size, and runs
# them (median of the given repetitions). Prints the program's lines: TorchScript stock vs
# TorchScript fused by the TorchScript pass, the AOTInductor package, the scripted CL-DMDF model.
#   bash benchmarks/bench_deploy.sh [batch=256] [repetitions=50]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BATCH=${1:-256}
REPS=${2:-50}
PY=${PYTHON:-.venv/bin/python}
OUT=build/deploy
PREFIX=$("$PY" -c 'import torch; print(torch.utils.cmake_prefix_path)')
GEN=$(command -v ninja > /dev/null && echo "-G Ninja" || true)
cmake -S . -B $OUT/lib $GEN -DCMAKE_PREFIX_PATH="$PREFIX" -DCLDMDF_WITH_CUDA=OFF > /dev/null
cmake --build $OUT/lib -j2 > /dev/null
cmake --install $OUT/lib --prefix $OUT/install > /dev/null
cmake -S examples/cpp_deploy -B $OUT/app $GEN -DCMAKE_PREFIX_PATH="$PREFIX;$PWD/$OUT/install" > /dev/null
cmake --build $OUT/app -j2 > /dev/null
OMP_NUM_THREADS=1 "$PY" examples/cpp_deploy/export_models.py $OUT/models --batch "$BATCH" > /dev/null
echo "batch $BATCH, $(nproc) cores, OMP_NUM_THREADS=1, $(lscpu | sed -n 's/^Model name: *//p')"
OMP_NUM_THREADS=1 $OUT/app/cldmdf_deploy $OUT/models "$REPS"
