#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer run of the operator library (cldmdf._C) and the
# compiler's C++ core (cldmdf._compiler_core):
#  1. builds both with CLDMDF_SANITIZE=1 into build/sanitize/ (objects in build/sanitize/temp,
#     libraries in build/sanitize/lib; the CPU kernels only, no MLIR pass), and assembles an
#     importable copy of the cldmdf package around them in build/sanitize/pkg. The in-place
#     cldmdf/*.so files are not touched;
#  2. runs pytest with the ASan runtime preloaded and that copy first on the path
#     (scripts/sanitize_plugin.py stops the run unless the sanitized libraries are the ones
#     loaded). Any ASan or UBSan report ends the process with an error.
#
#   scripts/sanitize.sh            the operator, error, fuzz, opcheck, concurrency, layer and
#                                  compiler suites (hand runs; about 25 minutes on two cores)
#   scripts/sanitize.sh --quick    a bounded subset for CI (float32/float64 cases, the fuzz
#                                  suite's ci profile, the compiler core's unit tests)
#   scripts/sanitize.sh ... -- ARGS   extra pytest arguments (e.g. -- -x -k dual_attention)
#
# CUDA-emulation cases (-m cudasim) are left out: the emulator (tests/cuda_sim.py) is built
# by the tests themselves without instrumentation, so the sanitizers would not see into it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PY=${PYTHON:-$ROOT/.venv/bin/python}
OUT=$ROOT/build/sanitize
PKG=$OUT/pkg

mode=full
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --full) mode=full ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: scripts/sanitize.sh [--quick|--full] [-- PYTEST_ARGS...]" >&2; exit 2 ;;
  esac
  shift
done

start=$SECONDS
echo "== sanitize: building the ASan+UBSan extensions in $OUT"
mkdir -p "$OUT"
# setup.py rewrites cldmdf/_build_info.py for the build it makes: keep the in-place build's
# copy as it is (the sanitized one is CPU only)
info=$ROOT/cldmdf/_build_info.py
saved=""
if [ -f "$info" ]; then
  saved=$(mktemp)
  cp -p "$info" "$saved"
fi
restore_info() { if [ -n "$saved" ]; then cp -p "$saved" "$info"; rm -f "$saved"; fi; }
trap restore_info EXIT
if ! CLDMDF_SANITIZE=1 CLDMDF_MLIR=0 CLDMDF_CUDA=0 MAX_JOBS=${MAX_JOBS:-2} \
     "$PY" setup.py build_ext --build-lib "$OUT/lib" --build-temp "$OUT/temp" \
     > "$OUT/build.log" 2>&1; then
  tail -40 "$OUT/build.log"
  echo "sanitize: the build failed (log: $OUT/build.log)" >&2
  exit 1
fi
sanitized_info=$(mktemp)
cp "$info" "$sanitized_info"
restore_info
trap - EXIT

# The importable copy: the package's Python files (cldmdf/, compiler/ as cldmdf.compiler, as
# setup.py installs them), its data by link, the sanitized libraries and their _build_info.py.
rm -rf "$PKG"
mkdir -p "$PKG/cldmdf"
git ls-files -co --exclude-standard -- 'cldmdf/*.py' 'compiler/*.py' | "$PY" -c '
import os, shutil, sys
pkg = sys.argv[1]
for src in sys.stdin.read().split("\n"):
    if not src or not os.path.isfile(src):
        continue
    dst = os.path.join(pkg, "cldmdf", src) if src.startswith("compiler/") else os.path.join(pkg, src)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copy2(src, dst)
' "$PKG"
ln -s "$ROOT/cldmdf/data" "$PKG/cldmdf/data"
mv "$sanitized_info" "$PKG/cldmdf/_build_info.py"
cp "$OUT/lib/cldmdf/_C.abi3.so" "$OUT/lib/cldmdf/_compiler_core.abi3.so" "$PKG/cldmdf/"
echo "   built in $((SECONDS - start)) s"

# ---------------------------------------------------------------------------- the run
LIBASAN=$(g++ -print-file-name=libasan.so)
[ -f "$LIBASAN" ] || { echo "sanitize: g++ has no libasan.so ($LIBASAN)" >&2; exit 1; }
# libstdc++ is preloaded as well: the python executable does not link it, so without it ASan
# would start before libstdc++ is loaded, fail to resolve the __cxa_throw behind its
# interceptor, and abort at the first C++ exception (the operators' argument checks throw).
LIBSTDCXX=$(g++ -print-file-name=libstdc++.so.6)
# detect_leaks=0: CPython and torch keep their allocations until exit by design.
# ASan reports (heap/stack/global overflows, use after free) halt the process (the default).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:symbolize=1:print_summary=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export CLDMDF_SANITIZE_PKG=$PKG
# Subprocesses (the CLI, compilers) inherit the preload: that is wanted for the cldmdf ones;
# the compile caches of torch.compile stay per run.
export TORCHINDUCTOR_CACHE_DIR=$OUT/inductor-cache

if [ "$mode" = quick ]; then
  # Bounded for CI: the error paths, the fuzz suite (ci profile), the float32/float64 cases of
  # the three operator suites, the compiler core's unit tests (canonicaliser, recogniser,
  # reports) through its Python binding.
  tests=(tests/test_errors.py tests/test_fuzz.py tests/test_dual_attention.py
         tests/test_adaptive_fusion.py tests/test_centroid_loss.py
         tests/compiler/test_canonical.py)
  select=(-m "not cudasim" -k "not float16 and not bfloat16")
  export CLDMDF_FUZZ_PROFILE=ci
else
  tests=(tests/test_errors.py tests/test_fuzz.py tests/test_dual_attention.py
         tests/test_adaptive_fusion.py tests/test_centroid_loss.py tests/test_opcheck.py
         tests/test_concurrency.py tests/test_nn.py tests/test_model.py
         tests/compiler/test_canonical.py tests/compiler/test_property.py
         tests/compiler/test_corpus.py tests/compiler/test_torchscript.py)
  select=(-m "not cudasim")
fi

echo "== sanitize ($mode): pytest with $LIBASAN preloaded, cldmdf from $PKG"
run_start=$SECONDS
# The sanitized copy comes first on the path, before the editable install's finder; -P:
# the working directory (the repository, with the in-place cldmdf/) stays off sys.path;
# --capture=sys: a sanitizer report goes to the process's own stderr (fd 2) and ends the
# process at once, so pytest must not hold fd 2 in a capture file that nobody reads back
PYTHONPATH="$PKG:$ROOT/scripts${PYTHONPATH:+:$PYTHONPATH}" LD_PRELOAD="$LIBASAN $LIBSTDCXX" \
  "$PY" -P -m pytest -p sanitize_plugin -p no:cacheprovider -q --capture=sys \
  "${tests[@]}" "${select[@]}" \
  ${extra[@]+"${extra[@]}"}
echo "== sanitize ($mode): no sanitizer reports; tests $((SECONDS - run_start)) s, total $((SECONDS - start)) s"
