"""The TorchScript fusion pass (C++, cldmdf._C_jit): every search variant fuses
in a traced graph at sizes other than the ones its pattern was traced with;
scripted and traced corpus models fuse as expected and compute what they did;
near misses are left alone and reported; a fused model saves, and loading it
without the operator library fails with an error that names the operator."""
import math
import os
import subprocess
import sys
import warnings

import pytest
import torch
from torch import nn
from torch.testing import FileCheck

import cldmdf  # noqa: F401
from cldmdf.compiler import fuse_torchscript, fused_op_counts
from cldmdf.compiler.patterns import PATTERNS

from test_fx_fusion import variant_call  # noqa: E402  (same sizes as the FX pass's tests)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "examples"))
from fusion_corpus import CORPUS  # noqa: E402

STOCK_OPS = ("aten::softmax", "aten::cross_entropy_loss", "aten::_unique2")
ALL_VARIANTS = [pytest.param(p, v, id=f"{p.name}[{v.name}]") for p in PATTERNS for v in p.variants]


def trace(module, inputs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", torch.jit.TracerWarning)
        return torch.jit.trace(module, inputs, check_trace=False)


def check_only_fused(graph, expected):
    text = str(graph)
    for op, n in expected.items():
        FileCheck().check_count(f"cldmdf::{op}", n, exactly=True).run(text)
    for stock in STOCK_OPS:
        FileCheck().check_not(stock).run(text)


@pytest.mark.parametrize("pattern,variant", ALL_VARIANTS)
def test_variant_fuses_in_traced_graph(pattern, variant):
    module, inputs = variant_call(pattern, variant)
    fused, report = fuse_torchscript(trace(module, inputs), inputs)
    check_only_fused(fused.graph, {pattern.op_name: 1})
    assert report.count(pattern.name) == 1 and not report.near_misses, str(report)
    torch.testing.assert_close(fused(*inputs), module(*inputs), atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("how", ["script", "trace"])
@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_model_fuses_as_expected(name, how):
    make_model, make_inputs, expected = CORPUS[name]
    torch.manual_seed(0)
    model, inputs = make_model().eval(), make_inputs()
    scripted = torch.jit.script(model) if how == "script" else trace(model, inputs)
    fused, report = fuse_torchscript(scripted, inputs)
    assert fused_op_counts(fused.graph) == expected, str(report)
    if expected:
        check_only_fused(fused.graph, expected)
    with torch.no_grad():
        torch.testing.assert_close(fused(*inputs), model(*inputs), atol=1e-5, rtol=1e-4)
        # other batch sizes: the sizes read from the inputs stay dynamic in a scripted graph
        if how == "script":
            other = make_inputs(17)
            torch.testing.assert_close(fused(*other), model(*other), atol=1e-5, rtol=1e-4)


class Attention(nn.Module):
    """Stock dual attention with knobs for the near misses."""

    def __init__(self, scores_dim: int = -1, missing_is_true: bool = False,
                 return_weights: bool = False, scale_by_width: bool = False):
        super().__init__()
        self.scores_dim, self.missing_is_true = scores_dim, missing_is_true
        self.return_weights, self.scale_by_width = return_weights, scale_by_width

    def forward(self, x, fl, q, k, mask):
        b, m, d = x.shape
        v = d * torch.softmax(fl, dim=-1) * x
        qh = q.view(b, m, 2, -1).transpose(1, 2)
        kh = k.view(b, m, 2, -1).transpose(1, 2)
        width = q.shape[-1] if self.scale_by_width else q.shape[-1] // 2
        s = torch.matmul(qh, kh.transpose(-2, -1)) / math.sqrt(width)
        if self.missing_is_true:
            s = s.masked_fill(mask[:, None, None, :], float("-inf"))
        else:
            s = s.masked_fill(~mask[:, None, None, :], float("-inf"))
        a = torch.softmax(s, dim=self.scores_dim)
        out = torch.matmul(a, v.view(b, m, 2, -1).transpose(1, 2)).transpose(1, 2).reshape(b, m, d)
        if self.return_weights:
            return out + a.sum()
        return out


def attention_inputs(dtype=torch.float32):
    g = torch.Generator().manual_seed(0)
    mask = torch.rand(4, 3, generator=g) > 0.4
    mask[:, 0] = True
    return tuple(torch.randn(4, 3, 8, generator=g, dtype=dtype) for _ in range(4)) + (mask,)


def fuse_attention(**knobs):
    inputs = attention_inputs()
    model = Attention(**knobs).eval()
    fused, report = fuse_torchscript(torch.jit.script(model), inputs)
    torch.testing.assert_close(fused(*inputs), model(*inputs), atol=1e-5, rtol=1e-4,
                               equal_nan=True)  # a softmax over the wrong dim meets masked rows
    return fused, report


def test_scripted_stock_attention_fuses():
    fused, report = fuse_attention()
    check_only_fused(fused.graph, {"dual_attention": 1})
    assert report.ir == "TorchScript" and report.count("dual_attention") == 1


def test_softmax_over_the_wrong_dim_is_a_near_miss():
    fused, report = fuse_attention(scores_dim=-2)
    assert report.count("dual_attention") == 0
    assert any("the pattern needs -1" in m.constraint for m in report.near_misses), str(report)
    FileCheck().check_not("cldmdf::").run(str(fused.graph))


def test_attention_weights_used_elsewhere_are_a_near_miss():
    fused, report = fuse_attention(return_weights=True)
    assert report.count("dual_attention") == 0
    assert any("used outside the pattern" in m.constraint for m in report.near_misses), str(report)
    FileCheck().check_not("cldmdf::").run(str(fused.graph))


def test_mask_marking_missing_entries_is_not_fused():
    fused, report = fuse_attention(missing_is_true=True)
    assert report.count("dual_attention") == 0
    FileCheck().check_not("cldmdf::dual_attention").run(str(fused.graph))


def test_a_different_scale_is_a_near_miss():
    fused, report = fuse_attention(scale_by_width=True)
    assert report.count("dual_attention") == 0
    assert any(m.constraint.startswith("scale") for m in report.near_misses), str(report)


def test_entity_ids_of_another_dtype_are_a_near_miss():
    make_model, make_inputs, _ = CORPUS["prototype_loss"]
    h, labels = make_inputs()
    inputs = (h, labels.int())  # stock code takes int32 ids, the operator int64
    fused, report = fuse_torchscript(torch.jit.script(make_model().eval()), inputs)
    assert report.count("centroid_contrastive_loss") == 0
    assert any("entity: dtype Int" in m.constraint for m in report.near_misses), str(report)


def test_model_failing_on_the_example_inputs_is_reported():
    x, fl, q, k, mask = attention_inputs()
    with pytest.raises(RuntimeError, match="fuse_torchscript: the model fails on the example"):
        fuse_torchscript(torch.jit.script(Attention().eval()), (x.double(), fl, q, k, mask))


def test_report_names_pattern_variant_and_edge_semantics():
    _, report = fuse_attention()
    text = str(report)
    assert "fused     dual_attention" in text and "variant heads=multi" in text
    assert "NaN" in text


def test_plain_module_is_scripted_and_frozen():
    inputs = attention_inputs()
    fused, report = fuse_torchscript(Attention(), inputs)
    assert isinstance(fused, torch.jit.ScriptModule) and report.count("dual_attention") == 1


def test_rejects_what_it_cannot_fuse():
    with pytest.raises(TypeError, match="fuse_torchscript: expected a ScriptModule"):
        fuse_torchscript(lambda x: x, (torch.zeros(1),))


def test_fused_model_saves_loads_and_needs_the_library(tmp_path):
    inputs = attention_inputs()
    fused, _ = fuse_attention()
    path = tmp_path / "fused.pt"
    fused.save(str(path))
    loaded = torch.jit.load(str(path))
    FileCheck().check("cldmdf::dual_attention").run(str(loaded.graph))
    torch.testing.assert_close(loaded(*inputs), Attention()(*inputs), atol=1e-5, rtol=1e-4)
    # without `import cldmdf` the operators are unknown: the error names the operator
    code = f"import torch; torch.jit.load({str(path)!r})"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode != 0
    assert "cldmdf::dual_attention" in r.stderr, r.stderr[-2000:]


def run_opt(*args):
    return subprocess.run([sys.executable, "-m", "cldmdf.compiler.opt", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_opt_driver_on_a_torchscript_file(tmp_path):
    make_model, make_inputs, _ = CORPUS["modality_transformer"]
    model_path, inputs_path, out = tmp_path / "stock.pt", tmp_path / "inputs.pt", tmp_path / "f.pt"
    torch.jit.script(make_model().eval()).save(str(model_path))
    torch.save(make_inputs(), inputs_path)
    r = run_opt(model_path, "--inputs", inputs_path, "-o", out)
    assert r.returncode == 0, r.stderr
    before, after = r.stdout.split("// ----- after -----")
    assert "aten::softmax" in before and "cldmdf::" not in before
    FileCheck().check_count("cldmdf::dual_attention", 2, exactly=True).run(after)
    FileCheck().check_count("cldmdf::adaptive_fusion", 1, exactly=True).run(after)
    assert "3 fused" in r.stdout and out.exists()
    r = run_opt("examples/fusion_corpus.py", "--model", "single_head", "--ir", "torchscript",
                "--no-ir")
    assert r.returncode == 0 and "1 fused" in r.stdout, r.stderr


def test_opt_driver_needs_example_inputs_for_torchscript(tmp_path):
    path = tmp_path / "stock.pt"
    torch.jit.script(Attention().eval()).save(str(path))
    r = run_opt(path)
    assert r.returncode == 2 and "--inputs" in r.stderr
    r = run_opt(path, "--inputs", tmp_path / "nope.pt")
    assert r.returncode == 2 and "no such file" in r.stderr


# -- what must not be fused: a rewrite here would change the model's results

def _pool(h, gate, mask):
    logits = gate.masked_fill(~mask[:, :, None], float("-inf"))
    return (torch.softmax(logits, dim=1) * h).sum(dim=1)


def pool_inputs(b=4, m=3, d=8):
    g = torch.Generator().manual_seed(0)
    mask = torch.rand(b, m, generator=g) > 0.4
    mask[:, 0] = True
    return torch.randn(b, m, d, generator=g), torch.randn(b, m, d, generator=g), mask


def test_a_temperature_passed_in_is_not_frozen_at_its_example_value():
    @torch.jit.script
    def pool(h, gate, mask, tau: torch.Tensor):
        logits = (gate / tau).masked_fill(~mask[:, :, None], float("-inf"))
        return (torch.softmax(logits, dim=1) * h).sum(dim=1)

    h, gate, mask = pool_inputs()
    fused, report = fuse_torchscript(pool, (h, gate, mask, torch.tensor(0.5)))
    for tau in (0.5, 3.0):  # the division stays stock code, outside the fused operator
        torch.testing.assert_close(fused(h, gate, mask, torch.tensor(tau)),
                                   pool(h, gate, mask, torch.tensor(tau)), atol=1e-5, rtol=1e-4)
    assert all(f.variant.endswith("temp=none") for f in report.fused), str(report)


def test_a_write_between_the_matched_nodes_is_a_near_miss():
    @torch.jit.script
    def pool(h, gate, mask):
        logits = gate.masked_fill(~mask[:, :, None], float("-inf"))
        p = torch.softmax(logits, dim=1) * h
        h.mul_(0.0)  # the stock product read h before this write
        return p.sum(dim=1)

    inputs = pool_inputs()
    fused, report = fuse_torchscript(pool, inputs)
    assert report.count("adaptive_fusion") == 0
    assert any("writes, between the matched nodes" in m.constraint for m in report.near_misses)
    args = [t.clone() for t in inputs]
    torch.testing.assert_close(fused(*args), pool(*[t.clone() for t in inputs]))


def test_a_stock_result_in_another_dtype_is_a_near_miss():
    @torch.jit.script
    def pool(h, gate, mask):
        full = torch.full_like(gate, float("-inf"), dtype=torch.float64)
        logits = torch.where(mask[:, :, None], gate.double(), full)
        return (torch.softmax(logits, dim=1) * h).sum(dim=1)

    inputs = pool_inputs()
    fused, report = fuse_torchscript(pool, inputs)
    assert fused(*inputs).dtype == torch.float64
    torch.testing.assert_close(fused(*inputs), pool(*inputs))


def test_a_size_list_written_to_is_left_alone():
    @torch.jit.script
    def flatten(x):
        s = x.size()
        s[0] = 1
        return x.reshape(s[0], -1)

    x = torch.randn(4, 6)
    fused, _ = fuse_torchscript(flatten, (x,))
    assert fused(x).shape == (1, 24)


def test_a_function_that_already_ran_is_fused_into_a_new_function():
    pool = torch.jit.script(_pool)
    inputs = pool_inputs()
    for _ in range(3):
        pool(*inputs)  # the executor has its plan now
    fused, report = fuse_torchscript(pool, inputs)
    assert report.count("adaptive_fusion") == 1 and fused is not pool
    with torch.autograd.profiler.profile() as prof:
        got = fused(*inputs)
    assert any("cldmdf::adaptive_fusion" in e.name for e in prof.function_events)
    torch.testing.assert_close(got, pool(*inputs), atol=1e-5, rtol=1e-4)
    FileCheck().check_not("cldmdf::").run(str(pool.graph))  # the caller's function is unchanged


def test_the_model_passed_in_is_not_changed():
    model = Attention().train()
    scripted = torch.jit.script(model)
    inputs = attention_inputs()
    kept = [t.clone() for t in inputs]
    fuse_torchscript(scripted, inputs)
    assert scripted.training and model.training
    FileCheck().check_not("cldmdf::").run(str(scripted.graph))
    for a, b in zip(inputs, kept):
        assert torch.equal(a, b)
