"""pytest plugin of scripts/sanitize.sh: makes sure the run really exercises the sanitized
build. At session start it imports cldmdf and checks, in the process's own memory map, that
cldmdf._C and cldmdf._compiler_core were loaded from CLDMDF_SANITIZE_PKG (the sanitized copy of
the package) and carry AddressSanitizer instrumentation, and that the ASan runtime is loaded;
otherwise the session stops before any test runs. The header line names the libraries."""
import os
import sys

import pytest


def _mapped_paths():
    with open("/proc/self/maps") as f:
        return {line.split(None, 5)[5].strip() for line in f if len(line.split(None, 5)) == 6}


def _instrumented(path):
    # The instrumented code calls the ASan runtime's __asan_report_* / __asan_init entry points:
    # they are undefined dynamic symbols of the library.
    with open(path, "rb") as f:
        return b"__asan_init" in f.read()


def _check():
    pkg = os.path.realpath(os.environ["CLDMDF_SANITIZE_PKG"])
    import cldmdf
    from cldmdf import _loader
    from cldmdf import _compiler_core as cc  # what cldmdf.compiler.core loads

    problems = []
    here = os.path.realpath(os.path.dirname(cldmdf.__file__))
    if not here.startswith(pkg + os.sep):
        problems.append(f"cldmdf was imported from {here}, not from the sanitized copy in {pkg}")
    mapped = _mapped_paths()
    libs = {"cldmdf._C": os.path.realpath(_loader.library_path()),
            "cldmdf._compiler_core": os.path.realpath(cc.__file__)}
    for name, path in libs.items():
        if not path.startswith(pkg + os.sep):
            problems.append(f"{name} is {path}, not the sanitized build in {pkg}")
        elif path not in mapped:
            problems.append(f"{name}: {path} is not mapped into this process")
        elif not _instrumented(path):
            problems.append(f"{name}: {path} carries no ASan instrumentation")
    if not any(os.path.basename(p).startswith("libasan.so") for p in mapped):
        problems.append("the ASan runtime (libasan.so) is not loaded: LD_PRELOAD it")
    return libs, problems


def pytest_configure(config):
    libs, problems = _check()
    if problems:
        raise pytest.UsageError("sanitize: not running the sanitized build:\n  " +
                                "\n  ".join(problems))
    config._cldmdf_sanitized = libs
    for line in pytest_report_header(config):  # shown under -q too
        print(line, file=sys.__stderr__, flush=True)


def pytest_report_header(config):
    libs = getattr(config, "_cldmdf_sanitized", {})
    return [f"sanitize: {name} = {path} (ASan+UBSan)" for name, path in libs.items()]
