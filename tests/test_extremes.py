"""Inputs at the edges of the number formats and of the index arithmetic (issue 14):

* subnormal (denormal) inputs: the kernels neither flush them to zero nor lose them. The
  outputs are compared with the float64 reference after an exact power-of-two rescaling, so
  a kernel that flushed subnormals (FTZ/DAZ) would give zeros and fail;
* the loss with N * E beyond 2^31 (70,000 points in 35,000 entities) on the CPU, where any
  32-bit index over the [N, E] logits would wrap: checked against its closed form.
"""
import math

import pytest
import torch

import cldmdf
from cldmdf import reference, testing

# A power of two that puts standard normal values in the subnormal range of each dtype
# (float32's smallest normal is 2^-126, float64's 2^-1022).
SUBNORMAL = {torch.float32: 2.0 ** -130, torch.float64: 2.0 ** -1030}


def assert_scaled_close(actual, expected, scale, what):
    """actual / scale vs expected / scale (both exact rescalings by a power of two)."""
    assert actual.abs().max() > 0 or expected.abs().max() == 0, f"{what}: flushed to zero"
    torch.testing.assert_close(actual.double() / scale, expected.double() / scale,
                               rtol=1e-4, atol=1e-5, msg=f"{what} differs from the reference")


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_dual_attention_subnormal_values(dtype):
    """x subnormal: out = sum_j w_ij * D * fw_j * x_j is subnormal too, and exact to the
    reference's rounding once rescaled."""
    tiny = SUBNORMAL[dtype]
    (x, fl, q, k), mask = testing.dual_attention_inputs(9, 4, 32, 16, gen=21, dtype=dtype,
                                                        mask="mixed").unpack()
    xs = x * tiny
    assert xs.abs().max() < torch.finfo(dtype).tiny  # really subnormal
    out, fw, mw = cldmdf.dual_attention(xs, fl, q, k, mask, 2, 1.0)
    ref_out, ref_fw, ref_mw = reference.dual_attention(xs.double(), fl.double(), q.double(),
                                                       k.double(), mask, 2, 1.0)
    assert_scaled_close(out, ref_out, tiny, "out")
    torch.testing.assert_close(fw.double(), ref_fw, rtol=1e-4, atol=1e-5)
    torch.testing.assert_close(mw.double(), ref_mw, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_attention_logits_subnormal_give_uniform_weights(dtype):
    """Subnormal logits are (to rounding) zero logits: uniform weights over the present
    entries, as the reference gives."""
    tiny = SUBNORMAL[dtype]
    x, fl, q, k = testing.dual_attention_inputs(5, 3, 16, 8, gen=22, dtype=dtype,
                                                mask="none").unpack()[0]
    out, fw, mw = cldmdf.dual_attention(x, fl * tiny, q * tiny, k, None, 2, 1.0)
    torch.testing.assert_close(fw, torch.full_like(fw, 1 / 16))
    torch.testing.assert_close(mw, torch.full_like(mw, 1 / 3))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_adaptive_fusion_subnormal_values(dtype):
    """h subnormal: fused and the gate logits' gradient are subnormal (compared after an exact
    rescaling), the gradient into h (the weights) is not; all equal the reference's."""
    tiny = SUBNORMAL[dtype]
    (h, gate), mask = testing.adaptive_fusion_inputs(11, 3, 24, 4, gen=23, dtype=dtype,
                                                     mask="mixed").unpack()
    hs = (h * tiny).requires_grad_(True)
    gs = gate.clone().requires_grad_(True)
    fused, weights = cldmdf.adaptive_fusion(hs, gs, mask, 0.5)
    ref_h = hs.detach().double().requires_grad_(True)
    ref_g = gate.double().requires_grad_(True)
    ref_fused, ref_weights = reference.adaptive_fusion(ref_h, ref_g, mask, 0.5)
    assert_scaled_close(fused, ref_fused, tiny, "fused")
    torch.testing.assert_close(weights.double(), ref_weights, rtol=1e-4, atol=1e-5)
    fused.sum().backward()
    ref_fused.sum().backward()
    torch.testing.assert_close(hs.grad.double(), ref_h.grad, rtol=1e-4, atol=1e-5)
    assert_scaled_close(gs.grad, ref_g.grad, tiny, "gradient of gate_logits")


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_loss_of_subnormal_points(dtype):
    """Points of norm below OPS.md's 1e-12 clamp (here subnormal) are divided by 1e-12, not
    by their norm: the loss equals the reference's, which does the same."""
    z, entity = testing.centroid_loss_inputs(40, 8, gen=24, E=6, dtype=dtype)
    zs = z * SUBNORMAL[dtype]
    got = cldmdf.centroid_contrastive_loss(zs, entity, 0.3, reduction="none")
    want = reference.centroid_contrastive_loss(zs.double(), entity, 0.3, reduction="none")
    torch.testing.assert_close(got.double(), want, rtol=1e-4, atol=1e-5)


def test_loss_beyond_2_31_logits():
    """N = 70,000 points, two per entity, E = 35,000: N * E = 2.45e9 > 2^31 logits (never
    stored). Entity u's two points both lie on axis u mod 4 of R^4, so every logit is 1/T
    (entities on the same axis) or 0, and the loss has a closed form:
    L_i = log((E/4) e^{1/T} + (3E/4)) - 1/T for every point (leave-one-out: the other point
    of the entity is on the same axis)."""
    E, P, T = 35_000, 4, 0.5
    N = 2 * E
    assert N * E > 2 ** 31
    entity = torch.arange(E, dtype=torch.int64).repeat_interleave(2)
    z = torch.zeros(N, P)
    z[torch.arange(N), entity % P] = 1.0
    z.requires_grad_(True)
    loss = cldmdf.centroid_contrastive_loss(z, entity, T, reduction="mean")
    expected = math.log((E / 4) * math.exp(1 / T) + 3 * E / 4) - 1 / T
    assert loss.item() == pytest.approx(expected, rel=1e-5)
    loss.backward()
    # The gradient of a function of z / ||z|| is orthogonal to z: 0 on each point's own axis.
    # Every point sees the same picture up to a permutation of the axes, so its three other
    # components are one common value: a wrapped index anywhere would break the symmetry.
    g = z.grad
    assert torch.isfinite(g).all()
    own = z.detach() == 1
    assert g[own].abs().max() < 1e-9
    off = g[~own]
    assert off.abs().min() > 0
    torch.testing.assert_close(off, off.mean().expand_as(off), rtol=1e-5, atol=0)
