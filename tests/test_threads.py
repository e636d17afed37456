"""The CPU kernels split their work over the intra-op thread pool (samples, entities, logit
tiles) without changing results: every output and gradient computed with 1, 2 and 3 threads
(3: chunks that do not divide the batch) is the same. The attention operators compute each
sample on one thread, so they agree bit for bit; the loss's GEMMs come from torch (whose
blocking may depend on the thread count), so it agrees to rounding."""
import pytest
import torch

import cldmdf
from cldmdf import testing

THREADS = (1, 2, 3)
# The sizes below are large enough that the kernels' grain (about 32k elements of work per
# chunk, csrc/cpu/cpu_utils.h) gives several chunks at 2 and 3 threads.


pytestmark = pytest.mark.usefixtures("restore_threads")


def forward_backward(fn, tensors, threads):
    """Outputs of fn() and the gradients of every tensor in `tensors` at `threads` threads,
    under a fixed random upstream gradient per output."""
    torch.set_num_threads(threads)
    for t in tensors:
        t.grad = None
    outs = fn()
    outs = outs if isinstance(outs, (tuple, list)) else (outs,)
    g = torch.Generator().manual_seed(123)
    total = sum((o * torch.randn(o.shape, generator=g, dtype=o.dtype)).sum()
                for o in outs if o.numel())
    total.backward()
    return [o.detach().clone() for o in outs] + [t.grad.clone() for t in tensors]


def assert_same_over_threads(fn, tensors, exact):
    first = forward_backward(fn, tensors, THREADS[0])
    for threads in THREADS[1:]:
        again = forward_backward(fn, tensors, threads)
        for a, b in zip(first, again):
            if exact:
                assert torch.equal(a, b), f"{threads} threads changed a result"
            else:
                torch.testing.assert_close(b, a, rtol=1e-5, atol=1e-6)


# the attention operators: (inputs, call with need_weights) per operator
ATTENTION = {
    "dual_attention": (
        lambda dtype: testing.dual_attention_inputs(67, 5, 64, 32, gen=11, dtype=dtype,
                                                    mask="mixed", requires_grad=True),
        lambda inp, nw: cldmdf.dual_attention(*inp.args(num_heads=4), need_weights=nw)),
    "adaptive_fusion": (
        lambda dtype: testing.adaptive_fusion_inputs(701, 4, 48, 6, gen=12, dtype=dtype,
                                                     mask="mixed", requires_grad=True),
        lambda inp, nw: cldmdf.adaptive_fusion(*inp.args(temperature=0.7), need_weights=nw)),
}


@pytest.mark.parametrize("op", list(ATTENTION))
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
@pytest.mark.parametrize("need_weights", [True, False])
def test_attention_operators_same_over_threads(op, dtype, need_weights):
    make_inputs, call = ATTENTION[op]
    inp = make_inputs(dtype)
    assert_same_over_threads(lambda: call(inp, need_weights), inp.tensors, exact=True)


@pytest.mark.parametrize("reduction", ["mean", "none"])
@pytest.mark.parametrize("leave_one_out", [True, False])
def test_centroid_loss_same_over_threads(reduction, leave_one_out):
    inp = testing.centroid_loss_inputs(4000, 24, gen=13, E=300, singletons=7, dtype=torch.float32,
                                       requires_grad=True)
    assert_same_over_threads(
        lambda: cldmdf.centroid_contrastive_loss(inp.z, inp.entity, 0.2,
                                                 leave_one_out=leave_one_out,
                                                 reduction=reduction),
        [inp.z], exact=False)
