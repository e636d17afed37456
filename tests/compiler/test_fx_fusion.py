"""The fusion pass on torch.export programs: every search variant fuses (at
sizes other than the ones it was traced with), the fused graph computes what
the stock graph computes, and near misses are left alone and reported."""
import math

import pytest
import torch
from torch.testing import FileCheck

import cldmdf  # noqa: F401
from cldmdf.compiler import fuse_exported
from cldmdf.compiler.patterns import PATTERNS

SIZES = {
    "dual_attention": dict(B=4, M=3, D=16, K=24, H=2, temperature=0.5),
    "adaptive_fusion": dict(B=4, M=3, D=16, G=4, group_width=4, temperature=0.5),
    "centroid_contrastive_loss": dict(P=8, temperature=0.2, inv_temperature=5.0),
}


def variant_call(pattern, variant):
    """A module running the variant's stock code at SIZES, and inputs for it."""
    s = dict(SIZES[pattern.name])
    g = torch.Generator().manual_seed(0)
    if pattern.name == "centroid_contrastive_loss":
        entity = torch.tensor([7, -3, 10**12, 7, 7, -3, 5, 5, 5, 5] * 4)
        return _module(variant, s), (torch.randn(40, s["P"], generator=g), entity)
    mask = torch.rand(s["B"], s["M"], generator=g) > 0.4
    mask[:, 0] = True  # every sample keeps a modality: stock code gives NaN otherwise
    if pattern.name == "dual_attention":
        dk = s["K"] // (1 if "heads=single" in variant.name else s["H"])
        s.update(scale_div=math.sqrt(dk), scale_mul=1 / math.sqrt(dk))
        inputs = (torch.randn(s["B"], s["M"], s["D"], generator=g),
                  torch.randn(s["B"], s["M"], s["D"], generator=g),
                  torch.randn(s["B"], s["M"], s["K"], generator=g),
                  torch.randn(s["B"], s["M"], s["K"], generator=g), mask)
    else:
        width = s["D"] if "groups=broadcast" in variant.name else s["G"]
        inputs = (torch.randn(s["B"], s["M"], s["D"], generator=g),
                  torch.randn(s["B"], s["M"], width, generator=g), mask)

    return _module(variant, s), inputs


def _module(variant, sizes):
    class Stock(torch.nn.Module):
        def forward(self, *tensors):
            return variant.fn(*tensors, **sizes)

    return Stock()


ALL_VARIANTS = [pytest.param(p, v, id=f"{p.name}[{v.name}]") for p in PATTERNS for v in p.variants]


@pytest.mark.parametrize("pattern,variant", ALL_VARIANTS)
def test_variant_fuses_in_exported_program(pattern, variant):
    module, inputs = variant_call(pattern, variant)
    fused, report = fuse_exported(torch.export.export(module, inputs))
    FileCheck().check_count(f"torch.ops.cldmdf.{pattern.op_name}.default", 1, exactly=True) \
        .check_not("aten.softmax").check_not("aten.cross_entropy").run(str(fused.graph))
    assert report.count(pattern.name) == 1 and not report.near_misses
    torch.testing.assert_close(fused.module()(*inputs), module(*inputs), atol=1e-5, rtol=1e-4)


def _attention(x, fl, q, k, mask, scores_dim=-1, convention="present", return_weights=False):
    b, m, d = x.shape
    v = d * torch.softmax(fl, dim=-1) * x
    qh = q.view(b, m, 2, -1).transpose(1, 2)
    kh = k.view(b, m, 2, -1).transpose(1, 2)
    s = torch.matmul(qh, kh.transpose(-2, -1)) / math.sqrt(q.shape[-1] // 2)
    missing = ~mask[:, None, None, :] if convention == "present" else mask[:, None, None, :]
    a = torch.softmax(s.masked_fill(missing, float("-inf")), dim=scores_dim)
    out = torch.matmul(a, v.view(b, m, 2, -1).transpose(1, 2)).transpose(1, 2).reshape(b, m, d)
    return (out, a) if return_weights else out


def _fuse(fn, *inputs):
    class Stock(torch.nn.Module):
        def forward(self, *tensors):
            return fn(*tensors)

    return fuse_exported(torch.export.export(Stock(), inputs))


def _attention_inputs():
    mask = torch.rand(4, 3) > 0.4
    mask[:, 0] = True
    return torch.randn(4, 3, 8), torch.randn(4, 3, 8), torch.randn(4, 3, 8), torch.randn(4, 3, 8), mask


def test_stock_attention_fuses():
    _, report = _fuse(_attention, *_attention_inputs())
    assert report.count("dual_attention") == 1


def test_softmax_over_the_wrong_dim_is_a_near_miss():
    fused, report = _fuse(lambda *t: _attention(*t, scores_dim=-2), *_attention_inputs())
    assert report.count("dual_attention") == 0
    assert any("literal" in m.constraint for m in report.near_misses)
    FileCheck().check_not("cldmdf").run(str(fused.graph))


def test_attention_weights_used_elsewhere_are_not_fused():
    fused, report = _fuse(lambda *t: _attention(*t, return_weights=True), *_attention_inputs())
    assert report.count("dual_attention") == 0
    assert any("used outside" in m.constraint for m in report.near_misses)
    FileCheck().check_not("cldmdf").run(str(fused.graph))


def test_mask_marking_missing_entries_is_not_fused():
    fused, report = _fuse(lambda *t: _attention(*t, convention="missing"), *_attention_inputs())
    assert report.count("dual_attention") == 0
    FileCheck().check_not("cldmdf").run(str(fused.graph))


def test_a_different_scale_is_a_near_miss():
    def wrong_scale(x, fl, q, k, mask):
        b, m, d = x.shape
        v = d * torch.softmax(fl, dim=-1) * x
        qh = q.view(b, m, 2, -1).transpose(1, 2)
        kh = k.view(b, m, 2, -1).transpose(1, 2)
        s = torch.matmul(qh, kh.transpose(-2, -1)) / math.sqrt(q.shape[-1])
        a = torch.softmax(s.masked_fill(~mask[:, None, None, :], float("-inf")), dim=-1)
        return torch.matmul(a, v.view(b, m, 2, -1).transpose(1, 2)).transpose(1, 2).reshape(b, m, d)

    fused, report = _fuse(wrong_scale, *_attention_inputs())
    assert report.count("dual_attention") == 0
    assert any(m.constraint.startswith("scale") for m in report.near_misses)


def test_report_names_pattern_variant_and_edge_semantics():
    _, report = _fuse(_attention, *_attention_inputs())
    text = str(report)
    assert "fused     dual_attention" in text and "variant heads=multi" in text
    assert "NaN" in text  # the all-missing edge where stock code and the operator differ


def test_fused_program_saves_and_loads(tmp_path):
    inputs = _attention_inputs()
    fused, _ = _fuse(_attention, *inputs)
    torch.export.save(fused, tmp_path / "fused.pt2")
    loaded = torch.export.load(tmp_path / "fused.pt2")
    FileCheck().check("torch.ops.cldmdf.dual_attention.default").run(str(loaded.graph))
    torch.testing.assert_close(loaded.module()(*inputs), _attention(*inputs))
