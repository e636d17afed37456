"""The cldmdf.nn layers and the CL-DMDF model under the PyTorch 2 stack: torch.compile
(fullgraph, aot_eager; one inductor case), torch.export (export, run, compare with eager)
and torch.jit.script (script, run, compare), the importance and fusion-weight outputs
included. float64 throughout: the compiled, exported and scripted programs call the same
kernels as eager, so they agree to rounding."""
import warnings
from typing import List

import pytest
import torch
import torch.nn as nn

from cldmdf.nn import CLDMDF, AdaptiveFusion, CentroidContrastiveLoss, ConcatMLP, DualAttention, \
    LateFusion
from conftest import make_generator, make_mask, randn

TOL = dict(atol=1e-10, rtol=1e-9)
B, M, D = 6, 4, 8
DIMS, CLASSES = [5, 7, 3], 4


@pytest.fixture(autouse=True)
def one_thread_fresh_dynamo():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    torch._dynamo.reset()
    yield
    torch._dynamo.reset()
    torch.set_num_threads(before)


def script(module):
    """torch.jit.script without its deprecation warning (TorchScript must keep working)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return torch.jit.script(module)


def assert_same(got, want, tol=TOL):
    got, want = torch.utils._pytree.tree_leaves(got), torch.utils._pytree.tree_leaves(want)
    assert len(got) == len(want)
    for a, b in zip(got, want):
        torch.testing.assert_close(a, b, **tol)


def grads_of(module, fn, inputs):
    """Output of fn(*inputs) and the gradients of the module parameters and of the
    floating inputs for the loss sum(out * fixed random upstream) over every output."""
    inputs = [t.detach().clone().requires_grad_() if t.is_floating_point() else t for t in inputs]
    outputs = [o for o in torch.utils._pytree.tree_leaves(fn(*inputs)) if o is not None]
    gen = make_generator("upstream")
    loss = sum((o * randn(o.shape, gen)).sum() for o in outputs)
    wrt = list(module.parameters()) + [t for t in inputs if t.is_floating_point()]
    return [o.detach() for o in outputs], torch.autograd.grad(loss, wrt, allow_unused=True)


def layer_cases():
    gen = make_generator("nn-pt2")
    x, mask = randn((B, M, D), gen), make_mask(B, M, gen)
    x_nan = x.masked_fill(~mask[:, :, None], float("nan"))  # AdaptiveFusion never reads them
    z, entity = randn((12, D), gen), torch.tensor([3, -1, 3, 7, -1, 3, 9, 9, 7, -1, 2, 3])
    torch.manual_seed(0)
    return {
        "dual_attention": (DualAttention(D, num_heads=2, key_dim=4), (x, mask)),
        "dual_attention_no_feature_attention": (DualAttention(D, 2, feature_attention=False),
                                                (x, mask)),
        "dual_attention_no_mask": (DualAttention(D, num_heads=2), (x,)),
        "adaptive_fusion": (AdaptiveFusion(D, groups=2, temperature=0.5), (x_nan, mask)),
        "adaptive_fusion_per_feature": (AdaptiveFusion(D, groups=D), (x, mask)),
        "centroid_loss": (CentroidContrastiveLoss(D, 5, temperature=0.2), (z, entity)),
        "centroid_loss_none": (CentroidContrastiveLoss(reduction="none", leave_one_out=False),
                               (z, entity)),
    }


LAYERS = list(layer_cases())


def layer_case(name):
    module, args = layer_cases()[name]
    return module.double(), args


@pytest.mark.parametrize("name", LAYERS)
def test_layer_compiled_fullgraph_matches_eager_with_gradients(name):
    module, args = layer_case(name)
    compiled = torch.compile(module, backend="aot_eager", fullgraph=True)
    eager_out, eager_grads = grads_of(module, module, args)
    out, grads = grads_of(module, compiled, args)
    assert_same(out, eager_out)
    for g, g_eager in zip(grads, eager_grads):
        assert (g is None) == (g_eager is None)
        if g is not None:
            torch.testing.assert_close(g, g_eager, **TOL)


@pytest.mark.parametrize("name", LAYERS)
def test_layer_exported_matches_eager(name):
    module, args = layer_case(name)
    exported = torch.export.export(module, args)
    assert_same(exported.module()(*args), module(*args))


@pytest.mark.parametrize("name", LAYERS)
def test_layer_scripted_matches_eager_with_gradients(name):
    module, args = layer_case(name)
    scripted = script(module)
    eager_out, eager_grads = grads_of(module, module, args)
    out, grads = grads_of(module, scripted, args)
    assert_same(out, eager_out)
    for g, g_eager in zip(grads, eager_grads):
        if g_eager is not None:
            torch.testing.assert_close(g, g_eager, **TOL)


def test_dual_attention_importance_survives_every_pt2_path():
    """The importance output [B, M] sums to 1 over present modalities on every path."""
    module, (x, mask) = layer_case("dual_attention")
    eager = module(x, mask)[1]
    for importance in (torch.compile(module, backend="aot_eager", fullgraph=True)(x, mask)[1],
                       torch.export.export(module, (x, mask)).module()(x, mask)[1],
                       script(module)(x, mask)[1]):
        torch.testing.assert_close(importance, eager, **TOL)
        torch.testing.assert_close(importance.sum(1), mask.any(1).double(), **TOL)


# --------------------------------------------------------------------------- the full model

def model_batch(batch=B, key="model"):
    """Modalities with NaN in missing rows, a mask with an all-missing and an all-present
    sample, labels and entity ids (two samples per entity)."""
    gen = make_generator("nn-pt2", key, batch)
    mask = make_mask(batch, len(DIMS), gen)
    modalities = [randn((batch, d), gen).masked_fill(~mask[:, m:m + 1], float("nan"))
                  for m, d in enumerate(DIMS)]
    labels = torch.randint(0, CLASSES, (batch,), generator=gen)
    return modalities, mask, labels, torch.arange(batch) // 2


def make_model(**kwargs):
    """Deterministic without dropout, so eager and compiled training losses agree."""
    torch.manual_seed(0)
    kwargs = {"dim": 16, "num_heads": 2, "groups": 2, "dropout": 0.0, **kwargs}
    return CLDMDF(DIMS, CLASSES, **kwargs).double()


VARIANTS = {
    "full": {},
    "ablations": dict(feature_attention=False, fusion="mean", contrastive_weight=0.0),
    "entity": dict(entity_mode="entity", groups=16),
    "sample": dict(entity_mode="sample", num_layers=1),
}


class Loss(nn.Module):
    """training_loss as a module's forward (what torch.export exports)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, modalities: List[torch.Tensor], mask, labels, entity):
        return self.model.training_loss(modalities, mask, labels, entity)


def output_fields(out):
    """The CLDMDFOutput fields, logits, tokens, mask, importance and fusion weights."""
    return [out.logits, out.tokens, out.mask, out.importance, out.fusion_weights]


def assert_outputs(got, want, tol=TOL):
    for name, a, b in zip(("logits", "tokens", "mask", "importance", "fusion_weights"),
                          output_fields(got), output_fields(want)):
        assert (a is None) == (b is None), name
        if b is not None:
            torch.testing.assert_close(a, b, msg=lambda m: f"{name}: {m}", **tol)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_model_compiled_fullgraph_matches_eager(variant):
    model = make_model(**VARIANTS[variant])
    modalities, mask, labels, entity = model_batch()
    model.eval()
    assert_outputs(torch.compile(model, backend="aot_eager", fullgraph=True)(modalities, mask),
                   model(modalities, mask))
    model.train()
    step = torch.compile(model.training_loss, backend="aot_eager", fullgraph=True)
    results = []
    for fn in (model.training_loss, step):
        model.zero_grad()
        loss = fn(modalities, mask, labels, entity)
        loss.backward()
        results.append((loss.detach(), [p.grad.clone() for p in model.parameters()
                                         if p.grad is not None]))
    (loss_c, grads_c), (loss_e, grads_e) = results[1], results[0]
    torch.testing.assert_close(loss_c, loss_e, **TOL)
    assert len(grads_c) == len(grads_e)
    for a, b in zip(grads_c, grads_e):
        torch.testing.assert_close(a, b, **TOL)


def test_model_training_step_with_dropout_compiles_fullgraph():
    """Modality dropout and dropout draw from the global generator in the same order
    compiled (aot_eager) and eager, so a seeded step gives the same loss."""
    model = make_model(modality_dropout=0.5, dropout=0.1).train()
    modalities, mask, labels, entity = model_batch()
    compiled = torch.compile(model.training_loss, backend="aot_eager", fullgraph=True)
    losses = []
    for fn in (model.training_loss, compiled):
        torch.manual_seed(1)
        losses.append(fn(modalities, mask, labels, entity))
    torch.testing.assert_close(losses[1], losses[0], **TOL)
    losses[1].backward()
    assert all(p.grad.isfinite().all() for p in model.parameters() if p.grad is not None)


# inductor itself still calls torch.jit.script_method internally
@pytest.mark.filterwarnings("ignore:`torch.jit.script_method` is deprecated:DeprecationWarning")
def test_model_compiled_with_inductor_matches_eager():
    torch.manual_seed(0)
    model = CLDMDF(DIMS, CLASSES, dim=16, num_heads=2, groups=2).eval()  # float32
    modalities, mask, _, _ = model_batch()
    modalities = [x.float() for x in modalities]
    assert_outputs(torch.compile(model, fullgraph=True)(modalities, mask),
                   model(modalities, mask), tol=dict(atol=1e-5, rtol=1e-4))


@pytest.mark.parametrize("variant", ["full", "ablations"])
def test_model_exported_matches_eager(variant):
    model = make_model(**VARIANTS[variant]).eval()
    modalities, mask, labels, entity = model_batch()
    exported = torch.export.export(model, (modalities, mask))
    assert_outputs(exported.module()(modalities, mask), model(modalities, mask))
    loss = Loss(model.train())
    torch.testing.assert_close(torch.export.export(loss, (modalities, mask, labels, entity))
                               .module()(modalities, mask, labels, entity),
                               loss(modalities, mask, labels, entity), **TOL)


def test_model_exported_with_dynamic_batch_runs_other_batch_sizes():
    model = make_model().eval()
    modalities, mask, _, _ = model_batch()
    batch = torch.export.Dim("batch", min=2, max=1024)
    exported = torch.export.export(model, (modalities, mask),
                                   dynamic_shapes=([{0: batch}] * len(DIMS), {0: batch}))
    for size in (3, 13):
        other, other_mask, _, _ = model_batch(size, key="dynamic")
        assert_outputs(exported.module()(other, other_mask), model(other, other_mask))


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_model_scripted_matches_eager(variant):
    model = make_model(**VARIANTS[variant])
    modalities, mask, labels, entity = model_batch()
    scripted = script(model)
    model.eval(), scripted.eval()
    assert_outputs(scripted(modalities, mask), model(modalities, mask))
    torch.testing.assert_close(scripted.predict_logits(modalities, mask),
                               model.predict_logits(modalities, mask), **TOL)
    model.train(), scripted.train()
    losses = []
    for m in (model, scripted):
        model.zero_grad()
        loss = m.training_loss(modalities, mask, labels, entity)
        loss.backward()
        losses.append((loss.detach(), [p.grad.clone() for p in model.parameters()
                                       if p.grad is not None]))
    torch.testing.assert_close(losses[1][0], losses[0][0], **TOL)
    for a, b in zip(losses[1][1], losses[0][1]):
        torch.testing.assert_close(a, b, **TOL)


@pytest.mark.parametrize("cls", [ConcatMLP, LateFusion])
def test_baselines_script_and_export(cls):
    torch.manual_seed(0)
    model = cls(DIMS, CLASSES).double().eval()
    modalities, mask, labels, entity = model_batch()
    want = model.predict_logits(modalities, mask)
    torch.testing.assert_close(script(model).predict_logits(modalities, mask), want, **TOL)
    torch.testing.assert_close(script(model).training_loss(modalities, mask, labels, entity),
                               model.training_loss(modalities, mask, labels, entity), **TOL)

    class Predict(nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, modalities: List[torch.Tensor], mask):
            return self.model.predict_logits(modalities, mask)

    exported = torch.export.export(Predict(model), (modalities, mask))
    torch.testing.assert_close(exported.module()(modalities, mask), want, **TOL)
