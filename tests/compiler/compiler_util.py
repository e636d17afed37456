"""Shared helpers of the compiler tests: the corpus on the path, counting fusions, comparing
results, a fixture that compiles without caches (imported by the test modules)."""
import os
import sys

import pytest
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "examples"))

PATTERN_NAMES = ("dual_attention", "adaptive_fusion", "centroid_contrastive_loss")


def graph_counts(graph_text: str, prefix: str) -> dict:
    """Operator calls in a printed graph: prefix 'torch.ops.cldmdf.' (FX) or 'cldmdf::' (TS)."""
    out = {}
    for op in PATTERN_NAMES:
        n = sum(graph_text.count(prefix + op + tail) for tail in ("(", ".default", ".scaled"))
        if n:
            out[op] = n
    return out


def assert_same(got, want, atol=1e-5, rtol=1e-4, skip_nan_rows=False):
    """Equal within OPS.md's float32 tolerance; with skip_nan_rows, the rows where the stock
    result is NaN (a sample with nothing present under an -inf mask) are left out."""
    if skip_nan_rows and want.dim() > 0:
        bad = torch.isnan(want).reshape(want.shape[0], -1).any(1)
        got, want = got[~bad], want[~bad]
    torch.testing.assert_close(got, want, atol=atol, rtol=rtol)


@pytest.fixture
def no_compile_caches():
    """A cache hit reuses a compiled graph without running the pass (so without a report):
    compile afresh."""
    with torch._inductor.config.patch(force_disable_caches=True):
        yield
