"""The Inductor post-grad pass (cldmdf.compiler.inductor_pass()): torch.compile of
the stock-style corpus calls the fused operators through Inductor's pattern
matcher, computes what the model computes, reports near misses, and keys
Inductor's cache on the pass's source."""
import os
import sys

import pytest
import torch

import cldmdf  # noqa: F401
import cldmdf.compiler as compiler

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "examples"))
from fusion_corpus import CORPUS  # noqa: E402

# torch.unique's data-dependent size breaks Dynamo's graph: the loss never reaches Inductor
COMPILED = [name for name, (_, _, expected) in CORPUS.items()
            if "centroid_contrastive_loss" not in expected]


@pytest.fixture(autouse=True)
def no_compile_caches():
    """A cache hit (Inductor's FX-graph cache or AOTAutograd's, from an earlier run) reuses the
    compiled graph without running the pass, so without a report: these tests compile afresh."""
    with torch._inductor.config.patch(force_disable_caches=True):
        yield


def run_compiled(model, inputs):
    """Compiles `model` with the pass, runs it; returns (compiled output, eager output,
    fusions by pattern, the reports of this compilation)."""
    the_pass = compiler.inductor_pass()
    the_pass.reports.clear()  # it keeps the last 64 reports
    torch._dynamo.reset()
    compiled = torch.compile(model, dynamic=False,
                             options={"post_grad_custom_pre_pass": the_pass})
    with torch.no_grad():
        got, want = compiled(*inputs), model(*inputs)
    reports = list(the_pass.reports)
    counts = {}
    for report in reports:
        for f in report.fused:
            counts[f.pattern] = counts.get(f.pattern, 0) + 1
    return got, want, counts, reports


def compile_with_pass(name):
    make_model, make_inputs, expected = CORPUS[name]
    torch.manual_seed(0)
    got, want, counts, reports = run_compiled(make_model().eval(), make_inputs())
    return got, want, counts, expected, reports


@pytest.mark.parametrize("name", COMPILED)
def test_compiled_corpus_model_calls_the_operators(name):
    got, want, counts, expected, reports = compile_with_pass(name)
    assert counts == expected, "\n".join(map(str, reports))
    torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-4)
    if expected:
        assert any("NaN" in note for r in reports for note in r.notes)


def test_near_miss_is_reported_not_rewritten():
    _, _, counts, _, reports = compile_with_pass("near_miss_scale")
    assert counts == {}
    assert any(m.constraint.startswith("scale") for r in reports for m in r.near_misses)


def test_pass_keys_inductor_cache_on_its_source():
    the_pass = compiler.inductor_pass()
    assert the_pass.uuid() == compiler.inductor_pass().uuid()
    assert isinstance(the_pass.uuid(), (bytes, str)) and the_pass.uuid()


def test_enable_inductor_fusion_installs_the_pass_globally():
    from torch._inductor import config
    old = config.post_grad_custom_pre_pass
    try:
        compiler.enable_inductor_fusion()
        assert config.post_grad_custom_pre_pass is compiler.inductor_pass()
        compiler.enable_inductor_fusion(False)
        assert config.post_grad_custom_pre_pass is None
    finally:
        config.post_grad_custom_pre_pass = old


from test_fx_fusion import variant_call  # noqa: E402  (the sizes of the FX pass's tests)

INDUCTOR_VARIANTS = [pytest.param(p, v, id=f"{p.name}[{v.name}]")
                     for p in compiler.inductor_pass_patterns() for v in p.variants]


@pytest.mark.parametrize("pattern,variant", INDUCTOR_VARIANTS)
def test_variant_fuses_under_torch_compile(pattern, variant):
    module, inputs = variant_call(pattern, variant)
    got, want, counts, reports = run_compiled(module, inputs)
    torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-4)
    assert counts == {pattern.name: 1}, "\n".join(map(str, reports))


def test_training_graphs_are_left_alone():
    make_model, make_inputs, _ = CORPUS["gated_unit"]
    model, inputs = make_model().train(), make_inputs()
    the_pass = compiler.inductor_pass()
    the_pass.reports.clear()  # it keeps the last 64 reports
    torch._dynamo.reset()
    compiled = torch.compile(model, dynamic=False, options={"post_grad_custom_pre_pass": the_pass})
    compiled(*inputs).sum().backward()
    reports = list(the_pass.reports)
    assert reports and not any(r.fused for r in reports)
    assert any("training graph" in note for r in reports for note in r.notes)
