"""Shared fixtures and helpers of the cldmdf test suite.

* ``device``: "cpu" always; "cuda" only when a GPU is visible *and* the operator
  library was built with CUDA kernels, otherwise the cuda cases are skipped with
  the reason.
* Input makers: those of cldmdf.testing (one builder per operator, and its building
  blocks: random tensors, masks with random missing entries and an all-missing sample,
  non-contiguous copies with the same values), re-exported.
* ``TOL``: the agreement tolerances of OPS.md ("Reference and tolerances") per dtype.

Test modules import the helpers with ``from conftest import ...``.
"""
import os
import zlib
from typing import Optional

import pytest
import torch

import cldmdf  # noqa: F401  (loads the operator library before any test)
from cldmdf import _loader


# --------------------------------------------------------------------------- devices

def _cuda_skip_reason() -> Optional[str]:
    if not torch.cuda.is_available():
        return "CUDA is not available (torch.cuda.is_available() is False)"
    if not _loader.built_with_cuda():
        return "cldmdf was built without CUDA kernels (cldmdf._loader.built_with_cuda() is False)"
    return None


CUDA_SKIP_REASON = _cuda_skip_reason()
HAS_CUDA = CUDA_SKIP_REASON is None
requires_cuda = pytest.mark.skipif(not HAS_CUDA, reason=CUDA_SKIP_REASON or "")

# "cudasim": CPU tensors, but the operators run their CUDA kernels (csrc/cuda), compiled as
# C++ and executed by the SIMT emulator of csrc/cuda/sim (tests/cuda_sim.py), so machines
# without a GPU still test the CUDA code. `-m "not cudasim"` leaves these cases out.
DEVICES = [
    pytest.param("cpu", id="cpu"),
    pytest.param("cuda", id="cuda", marks=requires_cuda),
    pytest.param("cudasim", id="cudasim", marks=pytest.mark.cudasim),
]


def pytest_configure(config):
    config.addinivalue_line("markers", "cudasim: the operators' CUDA code run by the SIMT emulator")


# The emulator runs every CUDA thread as a fiber (about 1000x slower than the CPU kernels), so
# a large parametrised grid runs CUDASIM_CASES of its cudasim cases, picked by a hash of their
# ids (a fixed spread over all of the grid's axes); CLDMDF_CUDASIM_FULL=1 runs them all.
CUDASIM_CASES = 12


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CLDMDF_CUDASIM_FULL") == "1":
        return
    grids = {}
    for item in items:
        spec = getattr(item, "callspec", None)
        if spec is not None and spec.params.get("device") == "cudasim":
            grids.setdefault((item.module.__name__, item.originalname), []).append(item)
    for cases in grids.values():
        if len(cases) <= CUDASIM_CASES:
            continue
        ranked = sorted(cases, key=lambda item: zlib.crc32(item.nodeid.encode()))
        reason = (f"cudasim runs {CUDASIM_CASES} of the {len(cases)} cases of this grid "
                  "(CLDMDF_CUDASIM_FULL=1 runs all)")
        for item in ranked[CUDASIM_CASES:]:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def restore_threads():
    """torch's intra-op thread count as it was before the test (cli.main's --threads and
    the thread tests change it)."""
    before = torch.get_num_threads()
    yield
    torch.set_num_threads(before)


def run_cli(capsys, *argv):
    """(exit code, stdout, stderr) of cldmdf.cli.main(argv), in this process."""
    from cldmdf import cli
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(params=DEVICES)
def device(request):
    if request.param != "cudasim":
        yield request.param
        return
    import cuda_sim
    with cuda_sim.routed():
        yield "cpu"


# --------------------------------------------------------------------------- dtypes and tolerances

FLOAT_DTYPES = [torch.float64, torch.float32, torch.float16, torch.bfloat16]
REDUCED_DTYPES = [torch.float16, torch.bfloat16]

# OPS.md: agreement with the reference evaluated in float64.
TOL = {
    torch.float64: dict(atol=1e-10, rtol=1e-9),
    torch.float32: dict(atol=1e-5, rtol=1e-4),
    torch.float16: dict(atol=1e-2, rtol=1e-2),
    torch.bfloat16: dict(atol=3e-2, rtol=3e-2),
}


def dtype_id(dtype: torch.dtype) -> str:
    return str(dtype).replace("torch.", "")


def assert_close(actual: torch.Tensor, expected: torch.Tensor, dtype: torch.dtype,
                 what: str = "", equal_nan: bool = False) -> None:
    """`actual` (any dtype) against a float64 `expected` with the tolerance of `dtype`."""
    torch.testing.assert_close(actual.double(), expected.double(), equal_nan=equal_nan,
                               msg=lambda m: f"{what}: {m}" if what else m, **TOL[dtype])


# --------------------------------------------------------------------------- inputs

# The input builders live in cldmdf.testing (shared with benchmarks/bench_ops.py); the
# building blocks are re-exported here for the test modules.
from cldmdf.testing import (LAYOUTS, make_generator, make_mask, noncontiguous,  # noqa: E402,F401
                            randn, with_layout)


def mask_kind(masked: bool) -> str:
    """The cldmdf.testing mask kind of the operator suites' `masked` axis: "mixed" (random
    missing entries, an all-missing and an all-present sample) or "none" (no mask)."""
    return "mixed" if masked else "none"


# The reference-agreement grids: float64 in both layouts, float32 non-contiguous only
# (dtype conversion and stride handling are independent in the kernels; this keeps the
# suite short on two cores).
DTYPE_LAYOUTS = [(torch.float64, "contiguous"), (torch.float64, "noncontiguous"),
                 (torch.float32, "noncontiguous")]
DTYPE_LAYOUT_IDS = [f"{str(d).replace('torch.', '')}-{layout}" for d, layout in DTYPE_LAYOUTS]


def leaf(t: torch.Tensor) -> torch.Tensor:
    """A fresh leaf that requires grad, keeping `t`'s strides."""
    return t.detach().requires_grad_(True)


def as_reference_input(t: Optional[torch.Tensor]) -> Optional[torch.Tensor]:
    """The float64 copy of an input that the reference is evaluated on: exactly the
    (possibly rounded) values the operator saw. Non-floating tensors pass through."""
    if t is None or not t.dtype.is_floating_point:
        return t
    return leaf(t.detach().double())


def grads(outputs, inputs, upstream):
    """Gradients of `inputs` for a random upstream gradient on each of `outputs`."""
    return torch.autograd.grad(list(outputs), list(inputs), list(upstream), allow_unused=False)


def check_outputs_and_grads(op_out, op_grads, ref_out, ref_grads, dtype, output_names,
                            input_names):
    """An operator's outputs and input gradients against the reference's: same dtype (the
    inputs'), same shapes, values within the dtype's tolerance."""
    for name, got, want in zip(output_names, op_out, ref_out):
        assert got.dtype == dtype, name
        assert got.shape == want.shape, name
        assert_close(got, want, dtype, what=name)
    for name, got, want in zip(input_names, op_grads, ref_grads):
        assert got.dtype == dtype, f"grad of {name}"
        assert got.shape == want.shape, f"grad of {name}"
        assert_close(got, want, dtype, what=f"grad of {name}")


def check_without_weights(call, tensors, gen):
    """OPS.md's need_weights=False: call(inputs, need_weights) -> (out, *weights). The weights
    come back empty ([0], the input dtype); out and the inputs' gradients equal those of the
    call with weights, bit for bit."""
    full_in, lean_in = [leaf(t) for t in tensors], [leaf(t) for t in tensors]
    full, lean = call(full_in, True), call(lean_in, False)
    for w in lean[1:]:
        assert w.shape == (0,) and w.dtype == tensors[0].dtype
    assert torch.equal(lean[0], full[0])
    upstream = randn(full[0].shape, gen, full[0].dtype, full[0].device)
    want = torch.autograd.grad(full[0], full_in, upstream)
    got = torch.autograd.grad(lean[0], lean_in, upstream)
    for g, w in zip(got, want):
        assert torch.equal(g, w)

