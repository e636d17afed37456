"""Shared fixtures and helpers of the cldmdf test suite.

* ``device``: "cpu" always; "cuda" only when a GPU is visible *and* the operator
  library was built with CUDA kernels, otherwise the cuda cases are skipped with
  the reason.
* Input makers: random tensors, masks with random missing entries and an
  all-missing sample, non-contiguous copies (same values, strided views).
* ``TOL``: the agreement tolerances of OPS.md ("Reference and tolerances") per dtype.

Test modules import the helpers with ``from conftest import ...``.
"""
import os
import zlib
from typing import Optional, Sequence

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

def make_generator(*key) -> torch.Generator:
    """A CPU generator seeded deterministically from `key` (ints, strings, dtypes...),
    the same in every process (unlike hash(), which is salted for strings)."""
    g = torch.Generator()
    g.manual_seed(zlib.crc32(repr(key).encode()))
    return g


def randn(shape: Sequence[int], gen: torch.Generator, dtype=torch.float64, device="cpu",
          scale: float = 1.0) -> torch.Tensor:
    """Standard normal values drawn in float64 on the CPU (reproducible), then cast/moved."""
    t = torch.randn(tuple(shape), generator=gen, dtype=torch.float64) * scale
    return t.to(device=device, dtype=dtype)


def make_mask(B: int, M: int, gen: torch.Generator, device="cpu") -> torch.Tensor:
    """[B, M] bool mask with random missing entries.

    When B >= 2 sample 0 has no modality present (the all-missing row) and, when
    B >= 3, sample 1 has every modality present; every other sample has at least
    one present modality. With B == 1 the one sample has at least one present.
    """
    mask = torch.rand(B, M, generator=gen) < 0.6
    # at least one present modality per row, then carve out the special rows
    first = torch.randint(0, M, (B,), generator=gen)
    mask[torch.arange(B), first] = True
    if B >= 2:
        mask[0] = False
    if B >= 3:
        mask[1] = True
    return mask.to(device)


def noncontiguous(t: torch.Tensor) -> torch.Tensor:
    """A non-contiguous tensor with the same values as `t`.

    The result is a view into a buffer twice as large in every dimension, laid
    out with the dimensions in reverse order and read with stride 2, so no
    stride matches the contiguous one. The gaps hold junk (NaN for floating
    tensors), so a kernel that ignores strides produces visibly wrong results.
    The result is a leaf: call ``requires_grad_()`` on it freely.
    """
    shape = tuple(t.shape)
    if t.dim() == 0:
        return t.clone()
    buf_shape = tuple(2 * s for s in reversed(shape))
    if t.dtype.is_floating_point:
        buf = torch.full(buf_shape, float("nan"), dtype=t.dtype, device=t.device)
    elif t.dtype == torch.bool:
        buf = torch.ones(buf_shape, dtype=t.dtype, device=t.device)
    else:
        buf = torch.full(buf_shape, 987654321, dtype=t.dtype, device=t.device)
    view = buf.permute(*reversed(range(t.dim())))[tuple(slice(None, None, 2) for _ in shape)]
    with torch.no_grad():
        view.copy_(t)
    assert view.shape == t.shape
    if t.numel() > 1:
        assert not view.is_contiguous()
    return view.detach()


def with_layout(t: Optional[torch.Tensor], layout: str) -> Optional[torch.Tensor]:
    if t is None or layout == "contiguous":
        return t
    assert layout == "noncontiguous", layout
    return noncontiguous(t)


LAYOUTS = ["contiguous", "noncontiguous"]

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

