"""The Inductor adapter: the cost rule, the cache key, training graphs, global enabling
(the corpus and property tests run the pass over every model)."""
import torch

import cldmdf  # noqa: F401
import cldmdf.compiler as compiler
from compiler_util import assert_same, no_compile_caches  # noqa: F401  (a fixture)
from fusion_corpus import CORPUS


def compile_counts(name, the_pass):
    make_model, make_inputs, _ = CORPUS[name]
    torch.manual_seed(0)
    model, inputs = make_model().eval(), make_inputs()
    the_pass.reports.clear()
    torch._dynamo.reset()
    compiled = torch.compile(model, dynamic=False, options={"post_grad_custom_pre_pass": the_pass})
    with torch.no_grad():
        assert_same(compiled(*inputs), model(*inputs))
    return the_pass.reports


def test_cost_rule_leaves_pooling_to_inductor_and_says_so(no_compile_caches):
    reports = compile_counts("attention_pooling", compiler.inductor_pass())
    assert not any(r.fused for r in reports)
    text = "\n".join(map(str, reports))
    assert "cost rule" in text and "M=4 D=64 G=1" in text
    reports = compile_counts("attention_pooling", compiler.inductor_pass(cost_rule=False))
    assert sum(r.count("adaptive_fusion") for r in reports) == 1


def test_cost_rule_keeps_multi_head_attention(no_compile_caches):
    reports = compile_counts("cross_modal_block", compiler.inductor_pass())
    assert sum(r.count("dual_attention") for r in reports) == 1
    reports = compile_counts("single_head", compiler.inductor_pass())
    assert not any(r.fused for r in reports) and "cost rule" in "\n".join(map(str, reports))


def test_pass_keys_inductor_cache_on_its_source_and_setting():
    a, b = compiler.inductor_pass(), compiler.inductor_pass(cost_rule=False)
    assert isinstance(a.uuid(), bytes) and a.uuid() != b.uuid()
    assert a.uuid() == compiler.inductor_pass().uuid()


def test_training_graphs_are_left_alone():
    the_pass = compiler.inductor_pass()
    the_pass.reports.clear()
    graph = torch.fx.Graph()
    graph.output(graph.placeholder("x"))
    the_pass(graph, is_inference=False)
    assert "training graph" in the_pass.reports[-1].notes[0]


def test_enable_inductor_fusion_installs_the_pass_globally(no_compile_caches):
    compiler.enable_inductor_fusion()
    try:
        assert torch._inductor.config.post_grad_custom_pre_pass is compiler.inductor_pass()
    finally:
        compiler.enable_inductor_fusion(False)
    assert torch._inductor.config.post_grad_custom_pre_pass is None
