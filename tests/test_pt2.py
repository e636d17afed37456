"""The operators under the PyTorch 2 stack: torch.compile(fullgraph=True) of a
training step (no graph break; same loss and gradients as eager), torch.export
(the operator is a node of the exported graph; same outputs), and TorchScript."""
import warnings

import pytest
import torch
import torch._dynamo.testing
import torch.nn as nn

import cldmdf
from cldmdf.testing import adaptive_fusion_inputs, centroid_loss_inputs, dual_attention_inputs
from conftest import make_generator, randn

TOL = dict(atol=1e-10, rtol=1e-9)  # float64 throughout: compiled and eager run the same kernels


@pytest.fixture(autouse=True)
def fresh_dynamo():
    torch._dynamo.reset()
    yield
    torch._dynamo.reset()


# --------------------------------------------------------------------------- training steps

# The sizes of these tests (cldmdf.testing builds the inputs): float64, a mixed mask.

def dual_inputs(B=4, M=3, D=8, K=8, seed=0):
    return dual_attention_inputs(B, M, D, K, make_generator("pt2-dual", B, M, D, K, seed)).unpack()


def fusion_inputs(B=4, M=3, D=8, G=2, seed=0):
    return adaptive_fusion_inputs(B, M, D, G,
                                  make_generator("pt2-fusion", B, M, D, G, seed)).unpack()


def centroid_inputs(N=12, P=6, seed=0):
    ids = [7, -3, 7, 2 ** 62, -3, 7, 5, 5, 2 ** 62, -3, 11, 7][:N]
    z, entity = centroid_loss_inputs(N, P, make_generator("pt2-centroid", N, P, seed),
                                     entities=ids)
    return [z], entity


def dual_step(x, fl, q, k, mask):
    out, fw, mw = cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.7)
    # every output feeds the loss, so gradients flow through all three
    return out.square().mean() + (fw * fl).sum() * 0.1 + (mw * mw).sum()


def fusion_step(h, gl, mask):
    fused, weights = cldmdf.adaptive_fusion(h, gl, mask, 0.5)
    return fused.tanh().sum() + (weights * gl).sum()


def centroid_step(z, entity):
    return (cldmdf.centroid_contrastive_loss(z * 2.0, entity, 0.2, True, "mean")
            + cldmdf.centroid_contrastive_loss(z, entity, 0.5, False, "none").square().sum())


def all_ops_step(x, fl, q, k, gl, mask, entity_ids):
    out, fw, mw = cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.7)
    fused, weights = cldmdf.adaptive_fusion(out, gl, mask)
    z = fused.repeat_interleave(2, dim=0)  # two points per sample
    loss = cldmdf.centroid_contrastive_loss(z, entity_ids, 0.1, True, "mean")
    return loss + mw.sum() * 0.01 + (weights * weights).sum() + fw.square().mean()


STEPS = {
    "dual_attention": (dual_step, lambda: dual_inputs()),
    "adaptive_fusion": (fusion_step, lambda: fusion_inputs()),
    "centroid_contrastive_loss": (centroid_step, lambda: centroid_inputs()),
}


def run_step(fn, floats, others):
    """One training step: loss, then the gradients of every floating input."""
    ins = [t.detach().clone().requires_grad_() for t in floats]
    loss = fn(*ins, *others)
    loss.backward()
    return loss.detach(), [t.grad for t in ins]


def eager_and_compiled(step, floats, others, backend):
    compiled = torch.compile(step, backend=backend, fullgraph=True)
    return run_step(step, floats, others), run_step(compiled, floats, others)


def assert_same(eager, compiled):
    (le, ge), (lc, gc) = eager, compiled
    torch.testing.assert_close(lc, le, **TOL)
    for a, b in zip(gc, ge):
        assert a is not None
        torch.testing.assert_close(a, b, **TOL)


@pytest.mark.parametrize("op", list(STEPS))
def test_compiled_training_step_matches_eager(op):
    step, make = STEPS[op]
    floats, other = make()
    assert_same(*eager_and_compiled(step, floats, [other], "aot_eager"))


@pytest.mark.parametrize("op", list(STEPS))
def test_compiled_step_has_no_graph_break(op):
    step, make = STEPS[op]
    floats, other = make()
    explanation = torch._dynamo.explain(step)(*floats, other)
    assert explanation.graph_break_count == 0, explanation.break_reasons
    assert explanation.graph_count == 1


@pytest.mark.parametrize("op", list(STEPS))
def test_compiled_step_with_dynamic_shapes_matches_eager(op):
    """dynamic=True: the fake kernels produce symbolic shapes; two sizes, one compile."""
    step, _ = STEPS[op]
    sizes = {
        "dual_attention": [dual_inputs(B=4, seed=1), dual_inputs(B=9, seed=2)],
        "adaptive_fusion": [fusion_inputs(B=4, seed=1), fusion_inputs(B=9, seed=2)],
        "centroid_contrastive_loss": [centroid_inputs(N=10, seed=1), centroid_inputs(N=12, seed=2)],
    }[op]
    counter = torch._dynamo.testing.CompileCounterWithBackend("aot_eager")
    compiled = torch.compile(step, backend=counter, fullgraph=True, dynamic=True)
    for floats, other in sizes:
        assert_same(run_step(step, floats, [other]), run_step(compiled, floats, [other]))
    assert counter.frame_count == 1


def test_compiled_step_without_mask_matches_eager():
    (x, fl, q, k), _ = dual_inputs()
    (h, gl), _ = fusion_inputs()

    def step(x, fl, q, k, h, gl):
        out, fw, mw = cldmdf.dual_attention(x, fl, q, k)
        fused, w = cldmdf.adaptive_fusion(h, gl)
        return out.sum() + fw.square().sum() + mw.square().sum() + fused.sum() + w.square().sum()

    assert_same(*eager_and_compiled(step, [x, fl, q, k, h, gl], [], "aot_eager"))


# inductor itself still calls torch.jit.script_method internally
@pytest.mark.filterwarnings("ignore:`torch.jit.script_method` is deprecated:DeprecationWarning")
def test_compiled_training_step_with_inductor_matches_eager():
    """The default backend (inductor), all three operators in one training step."""
    (x, fl, q, k), mask = dual_inputs(B=4, M=3, D=8, K=8)
    gen = make_generator("inductor")
    gl = randn((4, 3, 2), gen)
    entity_ids = torch.tensor([0, 0, 1, 1, 0, 2, 2, 1])
    eager, compiled = eager_and_compiled(all_ops_step, [x, fl, q, k, gl], [mask, entity_ids],
                                         "inductor")
    assert_same(eager, compiled)


def test_compiled_module_optimizer_step_matches_eager():
    """A full step of an nn.Module with parameters and an optimizer, compiled whole."""
    torch.manual_seed(0)

    def make():
        torch.manual_seed(0)
        return FusionModel(D=8, K=8, G=2).double()

    (x, _, _, _), mask = dual_inputs(B=4, M=3, D=8)
    entity_ids = torch.tensor([0, 0, 1, 1, 0, 2, 2, 1])
    results = []
    for compile_it in (False, True):
        model = make()
        opt = torch.optim.SGD(model.parameters(), lr=0.1)

        def step(x, mask, entity_ids):
            opt.zero_grad()
            loss = model.loss(x, mask, entity_ids)
            loss.backward()
            return loss

        fn = torch.compile(step, backend="aot_eager") if compile_it else step
        losses = []
        for _ in range(3):
            losses.append(fn(x, mask, entity_ids).detach())
            opt.step()
        results.append((losses, [p.detach().clone() for p in model.parameters()]))
    (le, pe), (lc, pc) = results
    for a, b in zip(lc, le):
        torch.testing.assert_close(a, b, **TOL)
    for a, b in zip(pc, pe):
        torch.testing.assert_close(a, b, **TOL)


# --------------------------------------------------------------------------- torch.export

class FusionModel(nn.Module):
    def __init__(self, D=8, K=8, G=2, H=2):
        super().__init__()
        self.feat = nn.Linear(D, D)
        self.q = nn.Linear(D, K)
        self.k = nn.Linear(D, K)
        self.gate = nn.Linear(D, G)
        self.H = H

    def forward(self, x, mask):
        out, fw, mw = cldmdf.dual_attention(x, self.feat(x), self.q(x), self.k(x), mask, self.H,
                                            0.5)
        fused, weights = cldmdf.adaptive_fusion(out, self.gate(out), mask, 1.0)
        return fused, fw, mw, weights

    def loss(self, x, mask, entity_ids):
        fused, _, _, _ = self(x, mask)
        z = fused.repeat_interleave(2, dim=0)
        return cldmdf.centroid_contrastive_loss(z, entity_ids, 0.1, True, "mean")


class DualAttentionModule(nn.Module):
    def forward(self, x, fl, q, k, mask):
        return cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.7)


class AdaptiveFusionModule(nn.Module):
    def forward(self, h, gl, mask):
        return cldmdf.adaptive_fusion(h, gl, mask, 0.5)


class CentroidLossModule(nn.Module):
    def forward(self, z, entity):
        return (cldmdf.centroid_contrastive_loss(z, entity, 0.2, True, "none"),
                cldmdf.centroid_contrastive_loss(z, entity, 0.2, False, "mean"))


def _export_cases():
    (x, fl, q, k), mask = dual_inputs()
    (h, gl), fmask = fusion_inputs()
    (z,), entity = centroid_inputs()
    return {
        "dual_attention": (DualAttentionModule(), (x, fl, q, k, mask)),
        "adaptive_fusion": (AdaptiveFusionModule(), (h, gl, fmask)),
        "centroid_contrastive_loss": (CentroidLossModule(), (z, entity)),
    }


def exported_targets(ep):
    return [n.target for n in ep.graph.nodes if n.op == "call_function"]


def assert_outputs_equal(got, want):
    got, want = torch.utils._pytree.tree_leaves(got), torch.utils._pytree.tree_leaves(want)
    assert len(got) == len(want)
    for a, b in zip(got, want):
        torch.testing.assert_close(a, b, **TOL)


@pytest.mark.parametrize("op", ["dual_attention", "adaptive_fusion", "centroid_contrastive_loss"])
def test_export_keeps_the_operator_as_one_node(op):
    module, args = _export_cases()[op]
    ep = torch.export.export(module, args)
    target = getattr(torch.ops.cldmdf, op).default
    assert target in exported_targets(ep), ep.graph
    assert_outputs_equal(ep.module()(*args), module(*args))


@pytest.mark.parametrize("op", ["dual_attention", "adaptive_fusion"])
def test_export_with_dynamic_batch(op):
    module, args = _export_cases()[op]
    batch = torch.export.Dim("batch", min=2, max=1024)
    shapes = [{0: batch} if isinstance(a, torch.Tensor) else None for a in args]
    ep = torch.export.export(module, args, dynamic_shapes=shapes)
    assert getattr(torch.ops.cldmdf, op).default in exported_targets(ep)
    bigger = (dual_inputs(B=7, seed=3) if op == "dual_attention" else fusion_inputs(B=7, seed=3))
    new_args = (*bigger[0], bigger[1])
    assert_outputs_equal(ep.module()(*new_args), module(*new_args))


def test_export_of_a_model_using_all_three_operators():
    torch.manual_seed(0)
    model = FusionModel().double()
    (x, _, _, _), mask = dual_inputs()
    entity_ids = torch.tensor([0, 0, 1, 1, 0, 2, 2, 1])

    class Loss(nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, x, mask, entity_ids):
            return self.model.loss(x, mask, entity_ids)

    wrapper = Loss(model)
    ep = torch.export.export(wrapper, (x, mask, entity_ids))
    targets = exported_targets(ep)
    for op in ("dual_attention", "adaptive_fusion", "centroid_contrastive_loss"):
        assert getattr(torch.ops.cldmdf, op).default in targets, op
    torch.testing.assert_close(ep.module()(x, mask, entity_ids), wrapper(x, mask, entity_ids),
                               **TOL)


# --------------------------------------------------------------------------- TorchScript

def _scripted_dual_attention(x: torch.Tensor, fl: torch.Tensor, q: torch.Tensor, k: torch.Tensor,
                            mask: torch.Tensor):
    out, fw, mw = torch.ops.cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.7)
    return out, fw, mw


def _scripted_dual_attention_no_mask(x: torch.Tensor, fl: torch.Tensor, q: torch.Tensor,
                                    k: torch.Tensor):
    return torch.ops.cldmdf.dual_attention(x, fl, q, k, None, 1, 1.0)


def _scripted_adaptive_fusion(h: torch.Tensor, gl: torch.Tensor, mask: torch.Tensor):
    return torch.ops.cldmdf.adaptive_fusion(h, gl, mask, 0.5)


def _scripted_centroid_loss(z: torch.Tensor, entity: torch.Tensor):
    return torch.ops.cldmdf.centroid_contrastive_loss(z, entity, 0.2, True, "none")


def script(fn):
    """torch.jit.script, without its deprecation warning (TorchScript still has to work
    for existing users)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return torch.jit.script(fn)


@pytest.fixture(scope="module")
def scripted():
    return {name: script(fn) for name, fn in [
        ("dual_attention", _scripted_dual_attention),
        ("dual_attention_no_mask", _scripted_dual_attention_no_mask),
        ("adaptive_fusion", _scripted_adaptive_fusion),
        ("centroid_loss", _scripted_centroid_loss),
    ]}


def test_torchscript_graph_calls_the_operator(scripted):
    for name, op in [("dual_attention", "cldmdf::dual_attention"),
                     ("adaptive_fusion", "cldmdf::adaptive_fusion"),
                     ("centroid_loss", "cldmdf::centroid_contrastive_loss")]:
        assert op in str(scripted[name].graph), scripted[name].graph


def test_torchscript_dual_attention_matches_eager(scripted):
    (x, fl, q, k), mask = dual_inputs()
    assert_outputs_equal(scripted["dual_attention"](x, fl, q, k, mask),
                         cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.7))
    assert_outputs_equal(scripted["dual_attention_no_mask"](x, fl, q, k),
                         cldmdf.dual_attention(x, fl, q, k))


def test_torchscript_adaptive_fusion_matches_eager(scripted):
    (h, gl), mask = fusion_inputs()
    assert_outputs_equal(scripted["adaptive_fusion"](h, gl, mask),
                         cldmdf.adaptive_fusion(h, gl, mask, 0.5))


def test_torchscript_centroid_loss_matches_eager(scripted):
    (z,), entity = centroid_inputs()
    assert_outputs_equal(scripted["centroid_loss"](z, entity),
                         cldmdf.centroid_contrastive_loss(z, entity, 0.2, True, "none"))


def test_torchscript_gradients_match_eager(scripted):
    (h, gl), mask = fusion_inputs()
    h1, gl1 = h.clone().requires_grad_(), gl.clone().requires_grad_()
    h2, gl2 = h.clone().requires_grad_(), gl.clone().requires_grad_()
    fused, w = scripted["adaptive_fusion"](h1, gl1, mask)
    (fused.sum() + w.square().sum()).backward()
    fused, w = cldmdf.adaptive_fusion(h2, gl2, mask, 0.5)
    (fused.sum() + w.square().sum()).backward()
    torch.testing.assert_close(h1.grad, h2.grad, **TOL)
    torch.testing.assert_close(gl1.grad, gl2.grad, **TOL)
