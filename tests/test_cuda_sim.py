"""The SIMT emulator that runs the CUDA code on the CPU (csrc/cuda/sim, tests/cuda_sim.py):
that it computes what a GPU would, reports what would hang or read garbage on one, and that
the `cudasim` test device really routes the operators to the emulated CUDA kernels."""
import pytest
import torch

import cldmdf  # noqa: F401
import cuda_sim

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
    z, entity = torch.randn(40, 6, dtype=torch.float64), torch.randint(0, 9, (40,))
    with cuda_sim.routed():
        assert "cuda_sim.py" in cpu_kernel_source()
        routed = torch.ops.cldmdf.centroid_contrastive_loss(z, entity, 0.1, True, "none")
    assert "csrc/cpu/centroid_loss.cpp" in cpu_kernel_source()
    direct = ops.centroid_contrastive_loss(z, entity, 0.1, True, "none")
    torch.testing.assert_close(routed, direct, rtol=0, atol=0)


def test_emulated_loss_kernels_are_deterministic(ops):
    z, entity = torch.randn(300, 40), torch.randint(0, 70, (300,))
    grad = torch.tensor(1.0)
    first = ops.centroid_contrastive_loss_backward(grad, z, entity, 0.1, True, "mean")
    second = ops.centroid_contrastive_loss_backward(grad, z, entity, 0.1, True, "mean")
    assert torch.equal(first, second)
