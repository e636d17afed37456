"""Builds the cldmdf operator library against the LibTorch stable ABI, and the graph
compiler's recognition core (cldmdf._compiler_core, plain C++ with no torch headers).

One build targets the stable ABI of torch 2.10 (TORCH_TARGET_VERSION), so the
same binary loads under every torch >= 2.10. CUDA kernels are built when nvcc
is found and the installed torch is a CUDA build; CLDMDF_CUDA=0 forces them
off, CLDMDF_CUDA=1 forces them on (and fails if they cannot be built). The MLIR pass
(compiler/mlir/, CMake) is built when MLIR 22 is found (CLDMDF_MLIR=0/1 likewise).
"""
import glob
import os
import platform
import shutil
import sys

from setuptools import find_packages, setup


def _find_cuda_home():
    """torch guesses CUDA_HOME from the nvcc on PATH, which a wrapper script can fool;
    prefer a directory that really holds the toolkit."""
    if os.environ.get("CUDA_HOME") or os.environ.get("CUDA_PATH"):
        return
    nvcc = shutil.which("nvcc")
    candidates = ["/usr/local/cuda"]
    if nvcc:
        candidates.insert(0, os.path.dirname(os.path.dirname(os.path.realpath(nvcc))))
    for home in candidates:
        if os.path.exists(os.path.join(home, "include", "cuda_runtime.h")):
            os.environ["CUDA_HOME"] = home
            return


_find_cuda_home()


def _no_torch(reason):
    isolated = any("pip-build-env-" in p or "build-env-" in os.path.basename(p.rstrip("/"))
                   for p in sys.path)
    sys.exit(
        f"cldmdf: {reason}.\n"
        "The operator library is compiled against the torch that runs the build (one binary for "
        "every torch >= 2.10: the LibTorch stable ABI of 2.10), so the build needs your torch, "
        "not one that build isolation would download (gigabytes) into a throw-away environment"
        + (" (this build runs in such an isolated environment)" if isolated else "") + ".\n"
        "Install torch first, then build without isolation:\n"
        "    pip install 'torch>=2.10' setuptools wheel ninja\n"
        "    pip install --no-build-isolation .        # or: pip wheel --no-build-isolation .\n"
        "                                               # or: python -m build --wheel --no-isolation\n"
        "Or install a built wheel (bash scripts/check_wheel.sh writes one to dist/): "
        "pip install dist/cldmdf-*-cp39-abi3-manylinux_*.whl")


try:
    import torch  # noqa: E402  (after CUDA_HOME is settled: cpp_extension reads it on import)
    from torch.utils import cpp_extension  # noqa: E402
except ImportError as err:
    _no_torch(f"torch cannot be imported by the build ({err})")
if tuple(int(p) for p in torch.__version__.split("+")[0].split(".")[:2]) < (2, 10):
    _no_torch(f"torch {torch.__version__} is too old to build against (torch >= 2.10 needed)")

ROOT = os.path.dirname(os.path.abspath(__file__))
TARGET_VERSION = "0x020a000000000000"  # torch 2.10: the oldest stable ABI we run under


def read_version():
    """The version's one place is pyproject.toml's [project] table; the C++ library
    (cldmdf_init()) and cldmdf/_build_info.py get it from here."""
    import re
    with open(os.path.join(ROOT, "pyproject.toml")) as f:
        project = f.read().split("[project]", 1)[1].split("\n[", 1)[0]
    return re.search(r'^version\s*=\s*"([^"]+)"', project, re.M).group(1)


VERSION = read_version()


def want_cuda():
    flag = os.environ.get("CLDMDF_CUDA", "auto").lower()
    available = cpp_extension.CUDA_HOME is not None and torch.version.cuda is not None
    if flag in ("0", "off", "false"):
        return False
    if flag in ("1", "on", "true"):
        if not available:
            sys.exit("CLDMDF_CUDA=1 but the CUDA kernels cannot be built: "
                     f"nvcc found: {cpp_extension.CUDA_HOME is not None}, "
                     f"torch {torch.__version__} CUDA build: {torch.version.cuda is not None}")
        return True
    return available


def write_build_info(with_cuda):
    with open(os.path.join(ROOT, "cldmdf", "_build_info.py"), "w") as f:
        f.write("# Written by setup.py: what the operator library was built against.\n")
        f.write(f"VERSION = {VERSION!r}\n")
        f.write(f"TORCH_VERSION = {torch.__version__!r}\n")
        f.write(f"TORCH_CUDA = {torch.version.cuda!r}\n")
        f.write(f"PYTHON_VERSION = {platform.python_version()!r}\n")
        f.write(f"STABLE_ABI_TARGET = {TARGET_VERSION!r}\n")
        f.write(f"WITH_CUDA = {with_cuda!r}\n")


def want_sanitize():
    """CLDMDF_SANITIZE=1: AddressSanitizer + UndefinedBehaviorSanitizer build of both
    extensions (scripts/sanitize.sh builds one into build/sanitize/ and runs the operator
    suites with the ASan runtime preloaded). Off by default."""
    return os.environ.get("CLDMDF_SANITIZE", "0").lower() in ("1", "on", "true")


# Compile and link flags of the sanitizer build; -O1 -g keeps the reports' stacks readable.
SANITIZE_FLAGS = ["-fsanitize=address,undefined", "-fno-sanitize-recover=undefined",
                  "-fno-omit-frame-pointer", "-g", "-O1"]


def extension():
    with_cuda = want_cuda()
    write_build_info(with_cuda)
    sources = sorted(glob.glob("csrc/*.cpp") + glob.glob("csrc/cpu/*.cpp"))
    debug = os.environ.get("CLDMDF_DEBUG", "0") == "1"
    sanitize = want_sanitize()
    opt = SANITIZE_FLAGS if sanitize else ["-O0", "-g"] if debug else ["-O3"]
    # Portable by default: the baseline ISA, with the parallel kernel regions cloned for AVX2
    # and AVX-512 and chosen at load time (csrc/cpu/cpu_utils.h). CLDMDF_CPU_ARCH=native
    # (or another -march value) tunes everything for one kind of CPU instead.
    arch = os.environ.get("CLDMDF_CPU_ARCH", "")
    # CLDMDF_VERSION unquoted (a shell would strip the quotes): csrc/registration.cpp stringifies it
    cxx = opt + ["-std=c++17", "-fvisibility=hidden", f"-DTORCH_TARGET_VERSION={TARGET_VERSION}",
                 f"-DCLDMDF_VERSION={VERSION}",
                 "-fopenmp-simd", "-fno-trapping-math", "-Wall", "-Wno-unused-function"]
    if arch:
        cxx.append(f"-march={arch}")
    if os.environ.get("CLDMDF_CPU_CLONES", "1") == "0":  # one version of each kernel only
        cxx.append("-DCLDMDF_NO_CPU_CLONES")
    kwargs = dict(
        name="cldmdf._C",
        include_dirs=[os.path.join(ROOT, "csrc", "include")],
        py_limited_api=True,
    )
    if sanitize:
        kwargs["extra_link_args"] = list(SANITIZE_FLAGS)
    if with_cuda:
        sources += sorted(glob.glob("csrc/cuda/*.cu"))
        archs = os.environ.get("CLDMDF_CUDA_ARCHS", "80;90")
        gencode = []
        for arch in archs.split(";"):
            gencode += [f"-gencode=arch=compute_{arch},code=sm_{arch}"]
        last = archs.split(";")[-1]
        gencode += [f"-gencode=arch=compute_{last},code=compute_{last}"]
        # The sanitizers instrument host code only: nvcc hands them to the host compiler, one
        # -Xcompiler each (nvcc splits an -Xcompiler value at its commas).
        nvcc_opt = opt
        if sanitize:
            nvcc_opt = ["-O1", "-g", "-Xcompiler=-fsanitize=address",
                        "-Xcompiler=-fsanitize=undefined",
                        "-Xcompiler=-fno-sanitize-recover=undefined",
                        "-Xcompiler=-fno-omit-frame-pointer"]
        nvcc = nvcc_opt + ["-std=c++17", f"-DTORCH_TARGET_VERSION={TARGET_VERSION}", "-DUSE_CUDA",
                           "-DCLDMDF_WITH_CUDA", "--expt-relaxed-constexpr", "-lineinfo"] + gencode
        return cpp_extension.CUDAExtension(
            sources=sources,
            extra_compile_args={"cxx": cxx + ["-DCLDMDF_WITH_CUDA", "-DUSE_CUDA"], "nvcc": nvcc},
            **kwargs)
    return cpp_extension.CppExtension(sources=sources, extra_compile_args={"cxx": cxx}, **kwargs)


def compiler_core_extension():
    """The compiler's recognition core (compiler/core/): plain C++17, neither torch nor MLIR,
    with a small CPython binding on the limited API, so one build serves every Python."""
    from setuptools import Extension
    return Extension(
        name="cldmdf._compiler_core",
        sources=sorted(glob.glob("compiler/core/lib/*.cpp")) + ["compiler/core/python/module.cpp"],
        include_dirs=[os.path.join(ROOT, "compiler", "core", "include")],
        define_macros=[("Py_LIMITED_API", "0x03090000")],
        extra_compile_args=["-std=c++17", "-fvisibility=hidden", "-Wall"] + (
            SANITIZE_FLAGS if want_sanitize() else ["-O2"]),
        extra_link_args=list(SANITIZE_FLAGS) if want_sanitize() else [],
        py_limited_api=True, language="c++")


MLIR_CMAKE_DIR = "/usr/lib/llvm-22/lib/cmake/mlir"  # Debian's libmlir-22-dev


def want_mlir():
    """The MLIR pass (compiler/mlir/) is built when MLIR 22 is found; CLDMDF_MLIR=0 turns it
    off, CLDMDF_MLIR=1 requires it. CLDMDF_MLIR_DIR points at another MLIRConfig.cmake."""
    flag = os.environ.get("CLDMDF_MLIR", "auto").lower()
    mlir_dir = os.environ.get("CLDMDF_MLIR_DIR", MLIR_CMAKE_DIR)
    found = os.path.isfile(os.path.join(mlir_dir, "MLIRConfig.cmake"))
    tools = shutil.which("cmake") is not None
    if flag in ("0", "off", "false"):
        return None
    if flag in ("1", "on", "true") and not (found and tools):
        sys.exit(f"CLDMDF_MLIR=1 but the MLIR pass cannot be built: MLIRConfig.cmake in "
                 f"{mlir_dir}: {found}, cmake: {tools} (apt-get install libmlir-22-dev "
                 "mlir-22-tools llvm-22-dev llvm-22-tools cmake)")
    return mlir_dir if found and tools else None


class BuildExt(cpp_extension.BuildExtension.with_options(use_ninja=True)):
    """The extensions, then the MLIR pass's CMake project (tools copied into cldmdf/_mlir/)."""

    def run(self):
        super().run()
        mlir_dir = want_mlir()
        if mlir_dir:
            self.build_mlir(mlir_dir)

    def build_mlir(self, mlir_dir):
        import subprocess
        build = os.path.join(ROOT, "build", "mlir")
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        subprocess.check_call(["cmake", *generator, "-S", os.path.join(ROOT, "compiler", "mlir"),
                               "-B", build, f"-DMLIR_DIR={mlir_dir}", "-DCMAKE_BUILD_TYPE=Release"],
                              stdout=subprocess.DEVNULL)
        subprocess.check_call(["cmake", "--build", build, "-j", str(os.cpu_count() or 2)])
        roots = {ROOT if self.inplace or getattr(self, "editable_mode", False) else self.build_lib}
        roots.add(self.build_lib)
        for root in roots:
            dest = os.path.join(root, "cldmdf", "_mlir")
            os.makedirs(dest, exist_ok=True)
            for name in ("cldmdf-mlir-opt", "libCldmdfPlugin.so"):
                shutil.copy2(os.path.join(build, name), os.path.join(dest, name))


# The metadata (name, version, dependencies, scripts) is in pyproject.toml; here the build only.
setup(
    # compiler/ (the graph fusion passes) installs as cldmdf.compiler
    packages=find_packages(include=["cldmdf", "cldmdf.*"]) + [
        "cldmdf.compiler"],
    package_dir={"cldmdf.compiler": "compiler"},
    package_data={"cldmdf": ["data/*.npz", "data/*.csv.gz", "data/*.md", "data/LICENSE.*",
                              "_mlir/*"]},
    # only package_data: with [project] in pyproject.toml setuptools would otherwise also ship
    # every tracked file under the packages (compiler/core's C++ sources)
    include_package_data=False,
    ext_modules=[extension(), compiler_core_extension()],
    cmdclass={"build_ext": BuildExt},
    # Both extensions are built for the limited API (*.abi3.so: _C calls no Python C API at
    # all, _compiler_core only the 3.9 stable ABI): one wheel for every CPython >= 3.9,
    # tagged cp39-abi3 instead of the building interpreter's cpXY-cpXY
    options={"bdist_wheel": {"py_limited_api": "cp39"}},
)
