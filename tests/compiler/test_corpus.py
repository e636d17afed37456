"""The corpus (examples/fusion_corpus.py: 59 models written the ways real code writes these
computations, near misses included) through every IR: the expected fusions, FileCheck on the
fused graphs, and unchanged results (random inputs, other batch sizes, samples with nothing
present)."""
import subprocess
import sys
import warnings

import pytest
import torch
from torch.testing import FileCheck

import cldmdf  # noqa: F401
import cldmdf.compiler as compiler
from compiler_util import ROOT, assert_same, graph_counts, no_compile_caches  # noqa: F401  (a fixture)
from fusion_corpus import CORPUS, NOT_SCRIPTABLE, UNBATCHED, dynamic_batch, expected

NAMES = list(CORPUS)
BATCHED = [n for n in NAMES if n not in UNBATCHED]


def build(name, batch=None):
    make_model, make_inputs, _ = CORPUS[name]
    torch.manual_seed(0)
    return make_model().eval(), (make_inputs() if batch is None else make_inputs(batch))


def run(model, inputs):
    with torch.no_grad():
        return model(*inputs)


@pytest.mark.parametrize("name", NAMES)
def test_export_fuses_as_expected(name):
    model, inputs = build(name)
    fused, report = compiler.fuse_exported(torch.export.export(model, inputs))
    want = expected(name, "export")
    assert report.counts() == want, str(report)
    graph = str(fused.graph)
    assert graph_counts(graph, "torch.ops.cldmdf.") == want
    if want.get("adaptive_fusion") or want.get("dual_attention"):
        FileCheck().check_not("aten.softmax").check_not("aten.exp.default").run(graph)
    if not want:  # a near miss: left alone, and the report says why
        assert report.near_misses, str(report)
    assert_same(run(fused.module(), inputs), run(model, inputs))


@pytest.mark.parametrize("name", BATCHED)
def test_export_with_a_dynamic_batch_fuses_and_runs_at_another_batch(name):
    model, inputs = build(name)
    ep = torch.export.export(model, inputs, dynamic_shapes=dynamic_batch(inputs, name))
    fused, report = compiler.fuse_exported(ep)
    assert report.counts() == expected(name, "export"), str(report)
    _, other = build(name, 37)
    assert_same(run(fused.module(), other), run(model, other))


def scripted_or_traced(model, inputs, how):
    if how == "script":
        return torch.jit.script(model)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", torch.jit.TracerWarning)
        return torch.jit.trace(model, inputs, check_trace=False)


@pytest.mark.parametrize("how", ["script", "trace"])
@pytest.mark.parametrize("name", NAMES)
def test_torchscript_fuses_as_expected(name, how):
    if how == "script" and name in NOT_SCRIPTABLE:
        pytest.skip(NOT_SCRIPTABLE[name])
    model, inputs = build(name)
    fused, report = compiler.fuse_torchscript(scripted_or_traced(model, inputs, how), inputs)
    want = expected(name, "torchscript")
    assert report.counts() == want, str(report)
    assert compiler.fused_op_counts(fused.graph) == want
    assert_same(run(fused, inputs), run(model, inputs))
    if how == "script" and name in BATCHED:  # sizes are read at run time
        _, other = build(name, 37)
        assert_same(run(fused, other), run(model, other))


def inductor_cases():
    """Every model with the cost rule; the losses and a few others without it (the cost rule
    declines them, but they must still be recognised)."""
    out = [(n, True) for n in NAMES]
    out += [(n, False) for n in NAMES if CORPUS[n][2].get("centroid_contrastive_loss")
            or n in ("gated_unit", "sigmoid_gated_unit", "trimodal_separate_pooling",
                     "split_attention_radix", "single_head")]
    return out


@pytest.mark.parametrize("name,cost_rule", inductor_cases())
def test_inductor_pass_fuses_as_expected(name, cost_rule, no_compile_caches):
    model, inputs = build(name)
    the_pass = compiler.inductor_pass(cost_rule=cost_rule)
    the_pass.reports.clear()
    torch._dynamo.reset()
    compiled = torch.compile(model, dynamic=False, options={"post_grad_custom_pre_pass": the_pass})
    got = run(compiled, inputs)
    counts = {}
    for r in the_pass.reports:
        for k, v in r.counts().items():
            counts[k] = counts.get(k, 0) + v
    want = expected(name, "inductor" if cost_rule else "inductor_no_cost_rule")
    assert counts == want, "\n".join(map(str, the_pass.reports))
    assert_same(got, run(model, inputs))


@pytest.mark.parametrize("name", ["modality_transformer", "folded_heads_attention",
                                  "einsum_head_pooling", "sequence_first_attention"])
def test_backend_cldmdf_fuses_and_matches(name, no_compile_caches):
    model, inputs = build(name)
    torch._dynamo.reset()
    got = run(torch.compile(model, backend="cldmdf", dynamic=False), inputs)
    assert compiler.last_reports[-1].counts() == expected(name, "backend")
    assert_same(got, run(model, inputs))


MASKED = [n for n in BATCHED if len(CORPUS[n][1]()) == 2 and CORPUS[n][1]()[1].dtype == torch.bool]


@pytest.mark.parametrize("name", MASKED)
def test_samples_with_nothing_present(name):
    """Rows with no modality present: finite fills and additive masks give exactly the stock
    result; an -inf mask gives NaN in the stock code (left out of the comparison, the
    report's note says so) and a finite result from the operator."""
    model, inputs = build(name)
    x, mask = inputs
    mask = mask.clone()
    empty = torch.zeros_like(mask[0]) if name != "sequence_first_attention" else \
        torch.ones_like(mask[0])  # that model takes a padding mask (True = missing)
    mask[::5] = empty
    inputs = (x, mask)
    fused, report = compiler.fuse_exported(torch.export.export(model, inputs))
    want, got = run(model, inputs), run(fused.module(), inputs)
    if not isinstance(want, tuple):  # (a model may also return its weights)
        want, got = (want,), (got,)
    for g, w in zip(got, want):
        assert_same(g, w, skip_nan_rows=True)
    if any(torch.isnan(w).any() for w in want) and report.fused:
        assert any("NaN" in n for n in report.notes), report.notes


@pytest.mark.parametrize("name", ["gated_unit", "context_vector_attention", "cross_modal_block",
                                  "single_head", "multi_head_pooling"])
def test_one_modality(name):
    """M = 1: fused or not, the results are the stock model's."""
    make_model, _, _ = CORPUS[name]
    torch.manual_seed(0)
    model = make_model().eval()
    x = torch.randn(8, 1, 64)
    inputs = (x, torch.ones(8, 1, dtype=torch.bool)) if name != "single_head" else (x,)
    fused, report = compiler.fuse_exported(torch.export.export(model, inputs))
    assert_same(run(fused.module(), inputs), run(model, inputs))


def test_training_step_differentiates_through_fused_operators():
    model, inputs = build("modality_transformer")
    model.train()
    torch._dynamo.reset()
    compiled = torch.compile(model, backend="cldmdf", dynamic=False)
    compiled(*inputs).square().mean().backward()
    fused_grads = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    model(*inputs).square().mean().backward()
    for got, want in zip(fused_grads, (p.grad for p in model.parameters())):
        torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-4)


def test_fused_export_saves_loads_and_runs_through_aot_inductor(tmp_path):
    model, inputs = build("cross_modal_block")
    fused, _ = compiler.fuse_exported(torch.export.export(model, inputs))
    torch.export.save(fused, str(tmp_path / "f.pt2"))
    loaded = torch.export.load(str(tmp_path / "f.pt2"))
    assert_same(run(loaded.module(), inputs), run(model, inputs))
    package = torch._inductor.aoti_compile_and_package(fused, package_path=str(tmp_path / "m.pt2"))
    runner = torch._inductor.aoti_load_package(package)
    assert_same(run(runner, inputs), run(model, inputs))


def run_opt(*args):
    return subprocess.run([sys.executable, "-m", "cldmdf.compiler.opt", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_opt_driver_prints_ir_before_after_and_report(tmp_path):
    out = tmp_path / "fused.pt2"
    r = run_opt("examples/fusion_corpus.py", "--model", "gated_unit", "-o", out)
    assert r.returncode == 0, r.stderr
    before, after = r.stdout.split("// ----- after -----")
    assert "aten.softmax" in before and "cldmdf.adaptive_fusion" not in before
    assert "cldmdf.adaptive_fusion" in after
    assert "1 fused" in r.stdout and out.exists()
    r2 = run_opt(out, "--no-ir")  # a fused .pt2 goes through again unchanged
    assert r2.returncode == 0 and "0 fused" in r2.stdout


def test_opt_explain_answers_why_nothing_was_gained():
    r = run_opt("examples/fusion_corpus.py", "--model", "near_miss_positional_bias", "--no-ir",
                "--explain")
    assert r.returncode == 0, r.stderr
    FileCheck().check("0 fused").check("not fused dual_attention") \
        .check("not a product of queries and keys (add)").check("examined:") \
        .check("softmax(softmax)").run(r.stdout)
    r = run_opt("examples/fusion_corpus.py", "--model", "folded_heads_attention", "--no-ir",
                "--explain")
    FileCheck().check("fused     dual_attention").check("H=4 d_k=16") \
        .check("canonical forms:").check("= 64 * sum(").run(r.stdout)


def test_opt_driver_rejects_bad_input_with_a_message(tmp_path):
    r = run_opt(tmp_path / "missing.pt2")
    assert r.returncode == 2 and "no such file" in r.stderr
    r = run_opt("examples/fusion_corpus.py")
    assert r.returncode == 2 and "--model" in r.stderr


class ChainedPooling(torch.nn.Module):
    """Two poolings, the second over values built from the first's result; the first's
    weights are returned as well (so they must come from the operator)."""

    def forward(self, x, g1, g2, mask):
        w = torch.softmax(g1.masked_fill(~mask[..., None], float("-inf")), 1)
        h = (w * x).sum(1)
        y = torch.stack([h, h * 2, h + 1], 1)
        return (torch.softmax(g2, 1) * y).sum(1), w


def chained_inputs():
    g = torch.Generator().manual_seed(0)
    mask = torch.rand(5, 3, generator=g) > 0.3
    mask[:, 0] = True
    return (torch.randn(5, 3, 8, generator=g), torch.randn(5, 3, 1, generator=g),
            torch.randn(5, 3, 1, generator=g), mask)


def test_weights_read_elsewhere_come_from_the_operator_and_fusions_chain():
    model, inputs = ChainedPooling(), chained_inputs()
    fused, report = compiler.fuse_exported(torch.export.export(model, inputs))
    assert report.count("adaptive_fusion") == 2 and "weights=reused" in str(report)
    FileCheck().check_not("aten.softmax").run(str(fused.graph))
    for got, want in zip(run(fused.module(), inputs), run(model, inputs)):
        assert_same(got, want)
    scripted, report = compiler.fuse_torchscript(torch.jit.script(model), inputs)
    assert compiler.fused_op_counts(scripted.graph) == {"adaptive_fusion": 2}
    FileCheck().check_not("aten::softmax").run(str(scripted.graph))
    for got, want in zip(run(scripted, inputs), run(model, inputs)):
        assert_same(got, want)


class _TokenGate(torch.nn.Module):
    """A two-way sigmoid gate per token of two sequences [B, T, D]."""

    def __init__(self, dim=32):
        super().__init__()
        self.gate = torch.nn.Linear(2 * dim, dim)

    def forward(self, a, b):
        z = torch.sigmoid(self.gate(torch.cat([a, b], dim=-1)))
        return z * torch.tanh(a) + (1 - z) * torch.tanh(b)


def test_sigmoid_gate_over_tokens_reads_sizes_at_run_time():
    """The rewrite's reshapes read their sizes from an input of the match (TorchScript reads
    every size at run time), so the fused script runs at other batch and sequence sizes."""
    torch.manual_seed(0)
    model = _TokenGate().eval()
    inputs = (torch.randn(8, 7, 32), torch.randn(8, 7, 32))
    fused, report = compiler.fuse_torchscript(torch.jit.script(model), inputs)
    assert report.counts() == {"adaptive_fusion": 1}, str(report)
    other = (torch.randn(5, 3, 32), torch.randn(5, 3, 32))
    assert_same(run(fused, other), run(model, other))
