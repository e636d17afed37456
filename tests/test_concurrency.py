"""The operators and a fused model called from several Python threads at once (an inference or
training server): every thread gets, bit for bit, what the same call gives when it runs alone.

* Each of THREADS threads has its own inputs (its own seed, shape and dtype) and calls the three
  operators, forward and backward (autograd), ROUNDS times; all start together (a barrier).
  The inputs are large enough that the kernels split their work over the intra-op pool.
* "cross_modal_block" of examples/fusion_corpus.py, exported and fused by
  cldmdf.compiler.fuse_exported (its dual attention is torch.ops.cldmdf.dual_attention),
  run by THREADS threads at once on their own inputs.
"""
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import torch

import cldmdf
from cldmdf import testing
from conftest import leaf, make_generator, randn, requires_cuda

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THREADS = 8
ROUNDS = 3
DTYPES = [torch.float32, torch.float64, torch.bfloat16, torch.float32]

DEVICES = [pytest.param("cpu", id="cpu"), pytest.param("cuda", id="cuda", marks=requires_cuda)]


def run_in_threads(work, n=THREADS):
    """work(i) for i in range(n), from n threads that start together; the results in order."""
    barrier = threading.Barrier(n)

    def task(i):
        barrier.wait()
        return [work(i) for _ in range(ROUNDS)]

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(task, range(n)))


def assert_bitwise_equal(got, want, what):
    assert len(got) == len(want), what
    for j, (a, b) in enumerate(zip(got, want)):
        assert a.dtype == b.dtype and a.shape == b.shape, f"{what}[{j}]"
        assert torch.equal(a, b), f"{what}[{j}]: differs from the single-threaded result"


# --------------------------------------------------------------------------- the operators

def thread_inputs(i, device):
    """Thread i's inputs for the three operators: its own seed, batch and dtype."""
    gen = make_generator("concurrency", i)
    dtype = DTYPES[i % len(DTYPES)]
    B = 96 + 8 * i
    dual, dual_mask = testing.dual_attention_inputs(
        B, 4, 64, 32, gen, dtype=dtype, device=device, mask="mixed",
        layout="noncontiguous" if i % 2 else "contiguous").unpack()
    fusion, fusion_mask = testing.adaptive_fusion_inputs(B, 4, 64, 8, gen, dtype=dtype,
                                                         device=device, mask="mixed").unpack()
    N = 400 + 16 * i
    z, entity = testing.centroid_loss_inputs(N, 32, gen, E=40 + i, singletons=3, dtype=dtype,
                                             device=device)
    upstream = {
        "dual": [randn(s, gen, dtype, device) for s in ((B, 4, 64), (B, 4, 64), (B, 4, 4, 4))],
        "fusion": [randn(s, gen, dtype, device) for s in ((B, 64), (B, 4, 8))],
        "loss_none": randn((N,), gen, dtype, device),
    }
    scale = torch.tensor(7.5, dtype=torch.float32, device=device)
    return dict(dual=(dual, dual_mask), fusion=(fusion, fusion_mask), z=z, entity=entity,
                scale=scale, upstream=upstream)


def call_all(inp):
    """Every operator, forward and backward: outputs then gradients, as one flat list."""
    results = []
    tensors, mask = inp["dual"]
    ins = [leaf(t) for t in tensors]
    outs = cldmdf.dual_attention(*ins, mask, 4, 0.8)
    results += list(outs) + list(torch.autograd.grad(outs, ins, inp["upstream"]["dual"]))
    ins = [leaf(t) for t in tensors]
    out, _, _ = cldmdf.dual_attention(*ins, mask, 4, 0.8, need_weights=False)
    results += [out] + list(torch.autograd.grad(out, ins, inp["upstream"]["dual"][0]))

    tensors, mask = inp["fusion"]
    ins = [leaf(t) for t in tensors]
    outs = cldmdf.adaptive_fusion(*ins, mask, 0.7)
    results += list(outs) + list(torch.autograd.grad(outs, ins, inp["upstream"]["fusion"]))

    # "mean" with a gradient: the one-pass forward+backward operator; "none": the forward
    # and the recomputing backward; the learned-scale form with both gradients
    z = leaf(inp["z"])
    loss = cldmdf.centroid_contrastive_loss(z, inp["entity"], 0.1, True, "mean")
    results += [loss, torch.autograd.grad(loss, z)[0]]
    z = leaf(inp["z"])
    loss = cldmdf.centroid_contrastive_loss(z, inp["entity"], 0.2, False, "none")
    results += [loss, torch.autograd.grad(loss, z, inp["upstream"]["loss_none"])[0]]
    z, s = leaf(inp["z"]), leaf(inp["scale"])
    loss = cldmdf.centroid_contrastive_loss_scaled(z, inp["entity"], s, True, "sum")
    results += [loss, *torch.autograd.grad(loss, (z, s))]
    with torch.no_grad():
        results.append(cldmdf.centroid_contrastive_loss(inp["z"], inp["entity"], 0.1, True,
                                                        "sum"))
    return [r.detach() for r in results]


@pytest.mark.parametrize("device", DEVICES)
def test_operators_from_many_threads_equal_single_threaded_results(device):
    inputs = [thread_inputs(i, device) for i in range(THREADS)]
    alone = [call_all(inp) for inp in inputs]          # one call at a time, this thread
    together = run_in_threads(lambda i: call_all(inputs[i]))
    for i in range(THREADS):
        for r, got in enumerate(together[i]):
            assert_bitwise_equal(got, alone[i], f"thread {i}, round {r}")


@pytest.mark.parametrize("device", DEVICES)
def test_same_inputs_from_many_threads(device):
    """Every thread on the same (shared, read-only) input tensors."""
    inp = thread_inputs(0, device)
    alone = call_all(inp)
    for i, rounds in enumerate(run_in_threads(lambda i: call_all(inp))):
        for r, got in enumerate(rounds):
            assert_bitwise_equal(got, alone, f"thread {i}, round {r}")


# --------------------------------------------------------------------------- a fused model

@pytest.fixture(scope="module")
def fused_cross_modal_block():
    sys.path.insert(0, os.path.join(ROOT, "examples"))
    try:
        from fusion_corpus import CORPUS, _mask, _tokens
    finally:
        sys.path.remove(os.path.join(ROOT, "examples"))
    # (the compiler is installed with the package; a bare PYTHONPATH checkout, as in
    # scripts/check_torch214.sh, has the operators only)
    compiler = pytest.importorskip("cldmdf.compiler")
    make_model, make_inputs, _ = CORPUS["cross_modal_block"]
    torch.manual_seed(0)
    model = make_model().eval()
    example = make_inputs()
    fused, report = compiler.fuse_exported(torch.export.export(model, example))
    assert "torch.ops.cldmdf.dual_attention" in str(fused.graph), str(report)
    batch = example[0].shape[0]
    inputs = [(_tokens(batch, seed=i), _mask(batch, seed=i)) for i in range(THREADS)]
    return fused.module(), inputs


def test_fused_model_from_many_threads_equals_single_threaded_results(fused_cross_modal_block):
    module, inputs = fused_cross_modal_block

    def run(i):
        with torch.no_grad():
            return [module(*inputs[i])]

    alone = [run(i) for i in range(THREADS)]
    together = run_in_threads(run)
    for i in range(THREADS):
        for r, got in enumerate(together[i]):
            assert_bitwise_equal(got, alone[i], f"thread {i}, round {r}")
    assert not torch.equal(alone[0][0], alone[1][0])
