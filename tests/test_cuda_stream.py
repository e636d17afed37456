"""CUDA-only properties of the kernels (skipped without a GPU): no host synchronisation,
capture and replay in a CUDA graph, torch.compile(mode="reduce-overhead"), the current
stream, and a second device's guard. The values themselves are checked by the operator
suites on every device (cuda and cudasim)."""
import pytest
import torch

import cldmdf
from cldmdf.testing import adaptive_fusion_inputs, centroid_loss_inputs, dual_attention_inputs
from conftest import assert_close, make_generator, requires_cuda

pytestmark = requires_cuda


def inputs(seed, device="cuda"):
    """float32 leaves that require grad: the three operators' inputs (adaptive fusion uses
    dual attention's mask), 100 entities with ids -400, -387, ..."""
    gen = make_generator("cuda-stream", seed)
    B, M, D, K, G, N, P, E = 64, 4, 64, 32, 8, 512, 48, 100
    common = dict(dtype=torch.float32, device=device, requires_grad=True)
    dual = dual_attention_inputs(B, M, D, K, gen, **common)
    fusion = adaptive_fusion_inputs(B, M, D, G, gen, mask="none", **common)
    loss = centroid_loss_inputs(N, P, gen, E=E, ids=torch.arange(E) * 13 - 400, **common)
    return dict(x=dual.x, fl=dual.feat_logits, q=dual.query, k=dual.key, mask=dual.mask,
                h=fusion.h, gl=fusion.gate_logits, z=loss.z, entity=loss.entity)


def run_all(t):
    """Forward and backward of the three operators; returns every output and gradient."""
    out, fw, mw = cldmdf.dual_attention(t["x"], t["fl"], t["q"], t["k"], t["mask"], num_heads=2)
    fused, w = cldmdf.adaptive_fusion(t["h"], t["gl"], t["mask"], temperature=0.5)
    loss = cldmdf.centroid_contrastive_loss(t["z"], t["entity"], temperature=0.1)
    total = (out.square().mean() + fw.mean() + mw.sum() + fused.square().mean() + w.sum()
             + loss)
    names = ("x", "fl", "q", "k", "h", "gl", "z")
    grads = torch.autograd.grad(total, [t[n] for n in names])
    return [out, fw, mw, fused, w, loss, *grads]


def test_no_host_synchronisation():
    t = inputs(0)
    run_all(t)  # warm up: allocator, lazy module loading
    torch.cuda.synchronize()
    torch.cuda.set_sync_debug_mode("error")
    try:
        run_all(t)
    finally:
        torch.cuda.set_sync_debug_mode("default")


def test_capture_and_replay_in_a_cuda_graph():
    static = inputs(1)
    stream = torch.cuda.Stream()
    stream.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(stream):
        for _ in range(2):
            run_all(static)
    torch.cuda.current_stream().wait_stream(stream)
    graph = torch.cuda.CUDAGraph()
    with torch.cuda.graph(graph):
        captured = run_all(static)
    # new values (and a different entity partition) into the captured inputs, then replay
    fresh = inputs(2)
    with torch.no_grad():
        for name in ("x", "fl", "q", "k", "h", "gl", "z", "entity", "mask"):
            static[name].copy_(fresh[name])
    graph.replay()
    torch.cuda.synchronize()
    expected = run_all(fresh)
    for got, want in zip(captured, expected):
        assert_close(got, want.double(), torch.float32)


def test_compile_reduce_overhead_matches_eager():
    t = inputs(3)

    def step(x, fl, q, k, z, entity, mask):
        out, _, _ = cldmdf.dual_attention(x, fl, q, k, mask, num_heads=2)
        return out.square().mean() + cldmdf.centroid_contrastive_loss(z, entity)

    args = [t[n].detach() for n in ("x", "fl", "q", "k", "z", "entity", "mask")]
    compiled = torch.compile(step, mode="reduce-overhead", fullgraph=True)
    for _ in range(3):  # warm-up runs, then recorded, then replayed
        got = compiled(*args)
    want = step(*args)
    assert_close(got, want.double(), torch.float32)


def test_kernels_run_on_the_current_stream():
    t = inputs(4)
    side = torch.cuda.Stream()
    side.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(side):
        got = run_all(t)
    torch.cuda.current_stream().wait_stream(side)
    want = run_all(t)
    for a, b in zip(got, want):
        assert_close(a, b.double(), torch.float32)


@pytest.mark.skipif(torch.cuda.device_count() < 2, reason="needs two GPUs")
def test_inputs_on_a_second_device_run_there():
    t = inputs(5, device="cuda:1")
    outs = run_all(t)
    assert all(o.device == torch.device("cuda:1") for o in outs)
