#!/usr/bin/env bash
# Builds the operator library three ways into build/isa/ (baseline ISA only; the default:
# baseline with AVX2 / AVX-512 clones chosen at load time; -march=native) and times them side
# by side with benchmarks/bench_isa.py. The in-place build is left alone. About 10 minutes on
# a 2-core machine (three builds), then a minute of timing.
#   bash benchmarks/bench_isa.sh [bench_isa.py arguments, e.g. --rounds 7]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-.venv/bin/python}
info=$(mktemp)
cp cldmdf/_build_info.py "$info"   # setup.py rewrites it; the in-place build keeps its own
trap 'cp "$info" cldmdf/_build_info.py; rm -f "$info"' EXIT
libs=()
for variant in baseline clones native; do
  case $variant in
    baseline) env=(CLDMDF_CPU_ARCH= CLDMDF_CPU_CLONES=0) ;;
    clones) env=(CLDMDF_CPU_ARCH=) ;;
    native) env=(CLDMDF_CPU_ARCH=native CLDMDF_CPU_CLONES=0) ;;
  esac
  echo "== building $variant (${env[*]})"
  env "${env[@]}" CLDMDF_MLIR=0 CLDMDF_CUDA=0 "$PY" setup.py -q build_ext \
    --build-lib "build/isa/$variant/lib" --build-temp "build/isa/$variant/temp" \
    > "build/isa-$variant.log" 2>&1 || { tail -30 "build/isa-$variant.log"; exit 1; }
  libs+=(--lib "$variant=build/isa/$variant/lib/cldmdf/_C.abi3.so")
done
"$PY" benchmarks/bench_isa.py "${libs[@]}" "$@"
