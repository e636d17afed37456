"""The drop-in layers of cldmdf.nn: shapes, masks, gradients, and agreement with the same
composition written on top of cldmdf.reference."""
import pytest
import torch

import cldmdf
from cldmdf import reference
from cldmdf.nn import AdaptiveFusion, CentroidContrastiveLoss, DualAttention, masked_mean
from conftest import make_generator, make_mask, randn

B, M, D = 6, 4, 8


def inputs(*key, nan_missing=False):
    """x [B, M, D] float64 and a mask with an all-missing and an all-present sample;
    with nan_missing the missing slots of x hold NaN."""
    gen = make_generator(*key)
    x, mask = randn((B, M, D), gen), make_mask(B, M, gen)
    if nan_missing:
        x = x.masked_fill(~mask[:, :, None], float("nan"))
    return x, mask


def param_grads(module, loss):
    return torch.autograd.grad(loss, list(module.parameters()), allow_unused=True)


def reference_dual_attention(layer, x, mask):
    attended, _, mod_weights = reference.dual_attention(
        x, layer.feat_logits(x), layer.query(x), layer.key(x), mask, layer.num_heads)
    present = mask[:, :, None].double()
    importance = (mod_weights.mean(1) * present).sum(1) / present.sum(1).clamp_min(1)
    return layer.norm(x + layer.out_proj(attended)), importance


def test_dual_attention_shapes_and_importance_sums_to_one_over_present():
    layer = DualAttention(D, num_heads=2).double()
    x, mask = inputs("da-shapes")
    y, importance = layer(x, mask)
    assert y.shape == (B, M, D) and importance.shape == (B, M)
    expected = mask.any(1).double()
    torch.testing.assert_close(importance.sum(1), expected)
    assert (importance[~mask] == 0).all()


def test_dual_attention_matches_reference_composition_with_gradients():
    layer = DualAttention(D, num_heads=2, key_dim=4).double()
    x, mask = inputs("da-ref")
    y, importance = layer(x, mask)
    y_ref, importance_ref = reference_dual_attention(layer, x, mask)
    torch.testing.assert_close(y, y_ref)
    torch.testing.assert_close(importance, importance_ref)
    upstream = randn(y.shape, make_generator("da-up"))
    for g, g_ref in zip(param_grads(layer, (y * upstream).sum() + importance.sum()),
                        param_grads(layer, (y_ref * upstream).sum() + importance_ref.sum())):
        torch.testing.assert_close(g, g_ref)


def test_dual_attention_present_rows_ignore_missing_slots():
    layer = DualAttention(D, num_heads=2).double()
    x, mask = inputs("da-nan", nan_missing=True)
    y_nan, importance_nan = layer(x, mask)
    y_zero, importance_zero = layer(x.nan_to_num(0.0), mask)
    torch.testing.assert_close(y_nan[mask], y_zero[mask])
    torch.testing.assert_close(importance_nan, importance_zero)


def test_dual_attention_without_feature_attention_uses_uniform_feature_weights():
    layer = DualAttention(D, num_heads=2, feature_attention=False).double()
    x, mask = inputs("da-uniform")
    attended, _, _ = reference.dual_attention(x, torch.zeros_like(x), layer.query(x),
                                              layer.key(x), mask, 2)
    torch.testing.assert_close(layer(x, mask)[0], layer.norm(x + layer.out_proj(attended)))
    assert layer.feat_logits is None


@pytest.mark.parametrize("groups", [1, 2, D])
def test_adaptive_fusion_matches_reference_composition_with_gradients(groups):
    layer = AdaptiveFusion(D, groups).double()
    h, mask = inputs("af-ref", groups)
    fused, weights = layer(h, mask)
    present = mask[:, :, None].double()
    context = ((h * present).sum(1) / present.sum(1).clamp_min(1))[:, None].expand_as(h)
    fused_ref, weights_ref = reference.adaptive_fusion(
        torch.tanh(layer.value(h)), layer.gate(torch.cat([h, context], -1)), mask)
    assert fused.shape == (B, D) and weights.shape == (B, M, groups)
    torch.testing.assert_close(fused, fused_ref)
    torch.testing.assert_close(weights, weights_ref)
    for g, g_ref in zip(param_grads(layer, fused.sum()), param_grads(layer, fused_ref.sum())):
        torch.testing.assert_close(g, g_ref)


def test_adaptive_fusion_nan_in_missing_slots_reaches_neither_output_nor_gradients():
    layer = AdaptiveFusion(D, groups=2).double()
    h, mask = inputs("af-nan", nan_missing=True)
    h.requires_grad_(True)
    fused, weights = layer(h, mask)
    assert fused.isfinite().all() and weights.isfinite().all()
    assert (fused[~mask.any(1)] == 0).all()
    grads = torch.autograd.grad(fused.sum(), [h] + list(layer.parameters()))
    assert all(g.isfinite().all() for g in grads)
    assert (grads[0][~mask] == 0).all()


def test_centroid_contrastive_loss_projects_then_matches_reference():
    loss_fn = CentroidContrastiveLoss(D, 5, temperature=0.2).double()
    gen = make_generator("cl")
    z, entity = randn((12, D), gen), torch.randint(0, 3, (12,), generator=gen)
    loss = loss_fn(z, entity)
    expected = reference.centroid_contrastive_loss(loss_fn.proj(z), entity, 0.2)
    torch.testing.assert_close(loss, expected)
    for g, g_ref in zip(param_grads(loss_fn, loss), param_grads(loss_fn, expected)):
        torch.testing.assert_close(g, g_ref)


def test_centroid_contrastive_loss_without_projection_is_the_operator():
    gen = make_generator("cl-plain")
    z, entity = randn((10, D), gen), torch.randint(0, 4, (10,), generator=gen)
    losses = CentroidContrastiveLoss(reduction="none", leave_one_out=False)(z, entity)
    torch.testing.assert_close(losses, reference.centroid_contrastive_loss(
        z, entity, 0.1, leave_one_out=False, reduction="none"))


def test_centroid_contrastive_loss_needs_both_projection_widths():
    with pytest.raises(ValueError, match="in_dim and proj_dim"):
        CentroidContrastiveLoss(in_dim=D)


def test_masked_mean_ignores_missing_slots_and_empty_samples_give_zero():
    h, mask = inputs("mean", nan_missing=True)
    mean = masked_mean(h, mask)
    assert mean.isfinite().all()
    assert (mean[~mask.any(1)] == 0).all()
    row = int(mask.sum(1).argmax())
    torch.testing.assert_close(mean[row], h[row][mask[row]].mean(0))


def test_centroid_loss_layer_learns_its_temperature_in_eager_and_torchscript():
    torch.manual_seed(0)
    layer = cldmdf.nn.CentroidContrastiveLoss(8, 4, temperature=0.2, learn_temperature=True)
    with torch.no_grad():
        layer.log_scale.fill_(1.234)  # not log(1 / 0.2): the scale, not the temperature, is used
    z, entity = torch.randn(10, 8), torch.tensor([0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
    want = cldmdf.reference.centroid_contrastive_loss_scaled(layer.proj(z), entity,
                                                             torch.tensor(1.234).exp())
    loss = layer(z, entity)
    torch.testing.assert_close(loss, want)
    torch.testing.assert_close(torch.jit.script(layer)(z, entity), want)
    loss.backward()
    assert layer.log_scale.grad is not None and layer.log_scale.grad.abs() > 0
    fixed = cldmdf.nn.CentroidContrastiveLoss(8, 4, temperature=0.2)
    assert fixed.log_scale is None and "log_scale" not in fixed.state_dict()
    torch.jit.script(fixed)
    with pytest.raises(ValueError, match="temperature"):
        cldmdf.nn.CentroidContrastiveLoss(temperature=0.0)
