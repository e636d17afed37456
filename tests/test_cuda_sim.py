"""The SIMT emulator that runs the CUDA code on the CPU (csrc/cuda/sim, tests/cuda_sim.py):
that it computes what a GPU would, reports what would hang or read garbage on one, and that
the `cudasim` test device really routes the operators to the emulated CUDA kernels."""
import pytest
import torch

import cldmdf  # noqa: F401
import cuda_sim
from cldmdf.testing import (adaptive_fusion_inputs, centroid_loss_inputs, dual_attention_inputs,
                            randn)

pytestmark = pytest.mark.cudasim
LIKE = torch.empty(0)


@pytest.fixture(scope="module")
def ops():
    return cuda_sim.load()


def test_block_and_warp_reductions_are_exact(ops):
    out = ops.cuda_sim_selftest(LIKE, "reductions").view(-1, 3)[:3]
    expected = torch.tensor([[sum(range(256)), 255.0, sum(range(32))]] * 3, dtype=torch.float64)
    torch.testing.assert_close(out, expected, rtol=0, atol=0)


def test_threads_at_barriers_that_cannot_complete_are_an_error(ops):
    with pytest.raises(RuntimeError, match="wait at barriers no thread can pass"):
        ops.cuda_sim_selftest(LIKE, "divergent_barrier")


def test_a_shuffle_from_an_exited_lane_is_an_error(ops):
    with pytest.raises(RuntimeError, match="exited or missing lane"):
        ops.cuda_sim_selftest(LIKE, "exited_lane_shuffle")


def test_routing_replaces_the_cpu_kernels_and_restores_them(ops):
    def cpu_kernel_source():
        dump = torch._C._dispatch_dump("cldmdf::centroid_contrastive_loss")
        return next(line for line in dump.splitlines() if line.startswith("CPU:"))

    assert "csrc/cpu/centroid_loss.cpp" in cpu_kernel_source()
    z, entity = centroid_loss_inputs(40, 6, 0, E=9, ids=torch.arange(9))
    with cuda_sim.routed():
        assert "cuda_sim.py" in cpu_kernel_source()
        routed = torch.ops.cldmdf.centroid_contrastive_loss(z, entity, 0.1, True, "none")
    assert "csrc/cpu/centroid_loss.cpp" in cpu_kernel_source()
    direct = ops.centroid_contrastive_loss(z, entity, 0.1, True, "none")
    torch.testing.assert_close(routed, direct, rtol=0, atol=0)


def test_emulated_loss_kernels_are_deterministic(ops):
    z, entity = centroid_loss_inputs(300, 40, 1, E=70, ids=torch.arange(70), dtype=torch.float32)
    grad = torch.tensor(1.0)
    first = ops.centroid_contrastive_loss_backward(grad, z, entity, 0.1, True, "mean")
    second = ops.centroid_contrastive_loss_backward(grad, z, entity, 0.1, True, "mean")
    assert torch.equal(first, second)


class reverse_schedule:
    """Threads run in descending order between barriers inside the block."""

    def __init__(self, ops):
        self.ops = ops

    def __enter__(self):
        self.old = self.ops.cuda_sim_schedule(LIKE, "reverse")

    def __exit__(self, *exc):
        self.ops.cuda_sim_schedule(LIKE, self.old)
        return False


def test_a_missing_barrier_gives_different_results_under_the_two_schedules(ops):
    forward = ops.cuda_sim_selftest(LIKE, "missing_barrier")[:256]
    with reverse_schedule(ops):
        reverse = ops.cuda_sim_selftest(LIKE, "missing_barrier")[:256]
    assert not torch.equal(forward, reverse)
    # a thread sees its neighbour's write only if the neighbour ran first: ascending order
    # reads stale slots, descending order fresh ones (the thread releasing the barrier runs
    # first, so one read each way differs)
    fresh = torch.arange(1, 257, dtype=torch.float64) % 256
    assert forward.eq(-1).sum() >= 254 and reverse.eq(fresh).sum() >= 254


def operator_calls():
    """Forward and backward of each operator on inputs that use several tiles / blocks /
    feature chunks and the masked, all-missing and singleton cases."""
    g = torch.Generator().manual_seed(7)
    B, M, D, K, H = 6, 4, 48, 16, 2
    x, fl, q, k, mask = dual_attention_inputs(B, M, D, K, g)  # sample 0: all missing
    N, P, E = 300, 150, 90
    z, entity = centroid_loss_inputs(N, P, g, E=E, singletons=10, ids=torch.arange(E) * 3 - 100)
    calls = [
        ("dual_attention", (x, fl, q, k, mask, H, 0.7)),
        ("dual_attention_backward", (randn((B, M, D), g), randn((B, M, D), g),
                                     randn((B, H, M, M), g), x, fl, q, k, mask, H, 0.7)),
        ("centroid_contrastive_loss", (z, entity, 0.1, True, "none")),
        ("centroid_contrastive_loss_backward", (randn((N,), g), z, entity, 0.1, True, "none")),
        ("centroid_contrastive_loss_backward", (randn((), g), z, entity, 0.2, False, "mean")),
    ]
    for G in (1, 4, D):
        h, gl = adaptive_fusion_inputs(B, M, D, G, g, mask="none").tensors
        calls += [("adaptive_fusion", (h, gl, mask, 0.5)),
                  ("adaptive_fusion_backward", (randn((B, D), g), randn((B, M, G), g), h, gl,
                                                mask, 0.5))]
    return calls


def test_operators_give_identical_results_under_both_schedules(ops):
    """No CUDA kernel of the operators reads another thread's write without a barrier (within
    what reordering the threads between barriers can show)."""
    for name, args in operator_calls():
        forward = getattr(ops, name)(*args)
        with reverse_schedule(ops):
            reverse = getattr(ops, name)(*args)
        forward = forward if isinstance(forward, (tuple, list)) else (forward,)
        reverse = reverse if isinstance(reverse, (tuple, list)) else (reverse,)
        for a, b in zip(forward, reverse):
            assert torch.equal(a, b), name
