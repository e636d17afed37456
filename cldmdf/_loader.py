"""Finds and loads the compiled operator library, and explains a failure."""
import glob
import os
import platform

import torch

_HERE = os.path.dirname(os.path.abspath(__file__))


def library_path():
    candidates = sorted(glob.glob(os.path.join(_HERE, "_C*.so")) +
                        glob.glob(os.path.join(_HERE, "_C*.pyd")))
    if not candidates:
        raise ImportError(
            "cldmdf: the compiled operator library (cldmdf/_C*.so) is missing; "
            "install the package with `pip install --no-build-isolation .` from the repository")
    return candidates[0]


def _built_for():
    try:
        from . import _build_info as info
    except ImportError:
        return "unknown (no cldmdf/_build_info.py)"
    return (f"torch {info.TORCH_VERSION} (CUDA {info.TORCH_CUDA}), Python {info.PYTHON_VERSION}, "
            f"stable ABI target {info.STABLE_ABI_TARGET}, CUDA kernels: {info.WITH_CUDA}")


def load_library():
    path = library_path()
    try:
        torch.ops.load_library(path)
    except (OSError, RuntimeError) as err:
        raise ImportError(
            f"cldmdf: could not load the operator library {path}: {err}\n"
            f"  built for: {_built_for()}\n"
            f"  found:     torch {torch.__version__} (CUDA {torch.version.cuda}), "
            f"Python {platform.python_version()}\n"
            "  The library needs torch >= 2.10; rebuild with `pip install --no-build-isolation .`"
        ) from err


def version():
    """The installed distribution's version (pyproject.toml is its one place); in a source
    checkout that is not installed, the one setup.py wrote into _build_info.py."""
    from importlib import metadata
    try:
        return metadata.version("cldmdf")
    except metadata.PackageNotFoundError:
        try:
            from . import _build_info as info
            return info.VERSION
        except (ImportError, AttributeError):
            return "unknown"


def built_with_cuda():
    try:
        from . import _build_info as info
    except ImportError:
        return False
    return bool(info.WITH_CUDA)
