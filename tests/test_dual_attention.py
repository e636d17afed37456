"""cldmdf.dual_attention against OPS.md section 1 and cldmdf.reference.

Every comparison evaluates the reference in float64 on exactly the values the
operator saw (for float16/bfloat16 inputs: the rounded values, upcast), and uses
the tolerance OPS.md gives for the operator's dtype.
"""
import math

import pytest
import torch

import cldmdf
from cldmdf import reference
from cldmdf.testing import dual_attention_inputs
from conftest import (DTYPE_LAYOUTS, DTYPE_LAYOUT_IDS, FLOAT_DTYPES, REDUCED_DTYPES, TOL,
                      check_without_weights,
                      check_outputs_and_grads,
                      as_reference_input, assert_close, dtype_id, grads, leaf, make_generator,
                      make_mask, mask_kind, randn, with_layout)

OUTPUT_NAMES = ("out", "feat_weights", "mod_weights")
INPUT_NAMES = ("x", "feat_logits", "query", "key")

# (D, H, K): H in {1, a divisor of D, D}; K = D or another multiple of H.
DHK = [
    (8, 1, 8), (8, 1, 5), (8, 2, 8), (8, 2, 6), (8, 8, 8), (8, 8, 16),
    (64, 1, 64), (64, 1, 24), (64, 4, 64), (64, 4, 32), (64, 64, 64), (64, 64, 128),
    (256, 1, 256), (256, 1, 40), (256, 8, 256), (256, 8, 48), (256, 256, 256), (256, 256, 512),
]
DHK_IDS = [f"D{d}-H{h}-K{k}" for d, h, k in DHK]
BATCHES = [1, 7, 64]
MODALITIES = [1, 2, 6]


def run_both(tensors, mask, num_heads, feat_temperature, upstream=None, gen=None):
    """Operator and reference (float64, on the operator's input values): outputs and
    the gradients of the four floating inputs for one random upstream gradient per output."""
    op_in = [leaf(t) for t in tensors]
    op_out = cldmdf.dual_attention(*op_in, mask=mask, num_heads=num_heads,
                                   feat_temperature=feat_temperature)
    if upstream is None:
        upstream = [randn(o.shape, gen, o.dtype, o.device) for o in op_out]
    op_grads = grads(op_out, op_in, upstream)

    ref_in = [as_reference_input(t) for t in tensors]
    ref_out = reference.dual_attention(*ref_in, mask=mask, num_heads=num_heads,
                                       feat_temperature=feat_temperature)
    ref_grads = grads(ref_out, ref_in, [u.double() for u in upstream])
    return op_out, op_grads, ref_out, ref_grads


def check_against_reference(op_out, op_grads, ref_out, ref_grads, dtype):
    check_outputs_and_grads(op_out, op_grads, ref_out, ref_grads, dtype, OUTPUT_NAMES, INPUT_NAMES)


# --------------------------------------------------------------------------- agreement with the reference

@pytest.mark.parametrize("masked", [False, True], ids=["nomask", "mask"])
@pytest.mark.parametrize("D,H,K", DHK, ids=DHK_IDS)
@pytest.mark.parametrize("M", MODALITIES, ids=[f"M{m}" for m in MODALITIES])
@pytest.mark.parametrize("B", BATCHES, ids=[f"B{b}" for b in BATCHES])
@pytest.mark.parametrize("dtype,layout", DTYPE_LAYOUTS, ids=DTYPE_LAYOUT_IDS)
def test_outputs_and_grads_match_reference(device, dtype, B, M, D, H, K, masked, layout):
    gen = make_generator(B, M, D, H, K, masked)
    tensors, mask = dual_attention_inputs(B, M, D, K, gen, dtype=dtype, device=device,
                                          mask=mask_kind(masked), layout=layout).unpack()
    results = run_both(tensors, mask, H, 0.7, gen=gen)
    check_against_reference(*results, dtype)


@pytest.mark.parametrize("masked", [False, True], ids=["nomask", "mask"])
@pytest.mark.parametrize("D,H,K", DHK, ids=DHK_IDS)
@pytest.mark.parametrize("M", [2, 6], ids=["M2", "M6"])
@pytest.mark.parametrize("B", [7, 64], ids=["B7", "B64"])
@pytest.mark.parametrize("dtype", REDUCED_DTYPES, ids=dtype_id)
def test_reduced_precision_matches_reference_on_rounded_inputs(device, dtype, B, M, D, H, K,
                                                               masked):
    """float16/bfloat16: outputs and grads within OPS.md's tolerance of the float64
    reference evaluated on the rounded inputs; outputs come back in the input dtype."""
    gen = make_generator(B, M, D, H, K, masked, dtype_id(dtype))
    tensors, mask = dual_attention_inputs(B, M, D, K, gen, dtype=dtype, device=device,
                                          mask=mask_kind(masked), layout="noncontiguous").unpack()
    results = run_both(tensors, mask, H, 1.5, gen=gen)
    check_against_reference(*results, dtype)


# float32 at very small temperatures is ill-conditioned for any float32 implementation
# (PyTorch's own float32 autograd of the reference misses 1e-5 there too), so the
# extreme values are checked in float64 only.
TEMPERATURE_CASES = [(torch.float64, t) for t in (0.05, 0.3, 1.0, 2.5, 40.0)] + \
                    [(torch.float32, t) for t in (0.3, 0.5, 2.5, 40.0)]


@pytest.mark.parametrize("D,H,K", DHK, ids=DHK_IDS)
@pytest.mark.parametrize("dtype", [torch.float16], ids=dtype_id)
def test_half_outputs_match_reference_on_unrounded_inputs(device, dtype, D, H, K):
    """float16 outputs are within OPS.md's tolerance even of the float64 reference on
    the original values (before rounding to float16). Not so for bfloat16: rounding the
    inputs to bfloat16 alone moves the float64 reference's out by more than 3e-2 at
    D = 256 (e.g. -0.329 -> -0.374), so bfloat16 is held to the reference on the
    rounded inputs (test_reduced_precision_matches_reference_on_rounded_inputs)."""
    gen = make_generator(D, H, K, "unrounded", dtype_id(dtype))
    exact, mask = dual_attention_inputs(64, 6, D, K, gen, device=device).unpack()
    got = cldmdf.dual_attention(*[t.to(dtype) for t in exact], mask, H, 1.5)
    want = reference.dual_attention(*exact, mask, H, 1.5)
    for name, a, b in zip(OUTPUT_NAMES, got, want):
        assert a.dtype == dtype
        assert_close(a, b, dtype, what=name)


@pytest.mark.parametrize("D", [16, 64, 256])
@pytest.mark.parametrize("dtype", [torch.float32] + REDUCED_DTYPES, ids=dtype_id)
def test_grads_of_sum_loss_over_nonnegative_features_match_reference(device, dtype, D):
    """A common training pattern: non-negative features (post-ReLU) and loss = out.sum().
    Every value slot v_j then shares a large common component, which the softmax
    backward must cancel; gradients stay within OPS.md's tolerance of the float64
    reference on the same (rounded) inputs."""
    gen = make_generator(D, "relu-sum", dtype_id(dtype))
    B, M, K, H = 8, 4, D, 1
    x = randn((B, M, D), gen, device=device).abs().to(dtype)
    fl, q, k = (randn(s, gen, dtype, device) for s in ((B, M, D), (B, M, K), (B, M, K)))
    ins = [leaf(t) for t in (x, fl, q, k)]
    out, _, _ = cldmdf.dual_attention(*ins, None, H)
    got = torch.autograd.grad(out.sum(), ins)
    ref_in = [as_reference_input(t) for t in (x, fl, q, k)]
    ref_out, _, _ = reference.dual_attention(*ref_in, None, H)
    want = torch.autograd.grad(ref_out.sum(), ref_in)
    for name, a, b in zip(INPUT_NAMES, got, want):
        assert_close(a, b, dtype, what=f"grad of {name}")


@pytest.mark.parametrize("dtype,feat_temperature", TEMPERATURE_CASES,
                         ids=[f"{dtype_id(d)}-T{t}" for d, t in TEMPERATURE_CASES])
def test_feat_temperature_scales_feature_logits(device, dtype, feat_temperature):
    gen = make_generator(11)
    tensors, mask = dual_attention_inputs(7, 3, 16, 12, gen, dtype=dtype, device=device).unpack()
    results = run_both(tensors, mask, 4, feat_temperature, gen=gen)
    check_against_reference(*results, dtype)


def test_feat_temperature_is_applied_to_feature_level_only(device):
    gen = make_generator(12)
    (x, fl, q, k), mask = dual_attention_inputs(5, 3, 8, 8, gen, device=device).unpack()
    out_t, fw_t, mw_t = cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.25)
    out_1, fw_1, mw_1 = cldmdf.dual_attention(x, fl / 0.25, q, k, mask, 2, 1.0)
    torch.testing.assert_close(fw_t, fw_1, **TOL[torch.float64])
    torch.testing.assert_close(out_t, out_1, **TOL[torch.float64])
    torch.testing.assert_close(mw_t, mw_1, atol=0, rtol=0)


# --------------------------------------------------------------------------- the math, directly

def test_feat_weights_are_softmax_over_features(device):
    gen = make_generator(13)
    (x, fl, q, k), mask = dual_attention_inputs(4, 3, 16, 8, gen, device=device).unpack()
    _, fw, _ = cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.5)
    torch.testing.assert_close(fw, torch.softmax(fl / 0.5, dim=-1), **TOL[torch.float64])


def test_feat_weights_are_computed_for_missing_modalities_too(device):
    gen = make_generator(14)
    (x, fl, q, k), _ = dual_attention_inputs(3, 4, 8, 8, gen, device=device).unpack()
    mask = torch.zeros(3, 4, dtype=torch.bool, device=device)
    mask[1, 2] = True
    _, fw, _ = cldmdf.dual_attention(x, fl, q, k, mask)
    torch.testing.assert_close(fw, torch.softmax(fl, dim=-1), **TOL[torch.float64])


def test_mod_weights_rows_are_masked_softmax_of_scaled_dot_products(device):
    gen = make_generator(15)
    B, M, D, K, H = 6, 5, 12, 12, 3
    (x, fl, q, k), mask = dual_attention_inputs(B, M, D, K, gen, device=device).unpack()
    _, _, mw = cldmdf.dual_attention(x, fl, q, k, mask, H)
    dk = K // H
    s = torch.einsum("bihd,bjhd->bhij", q.reshape(B, M, H, dk), k.reshape(B, M, H, dk))
    s = s / math.sqrt(dk)
    s = s.masked_fill(~mask[:, None, None, :], float("-inf"))
    expected = torch.softmax(s, dim=-1).nan_to_num(0.0)  # all-missing rows: 0
    torch.testing.assert_close(mw, expected, **TOL[torch.float64])
    # missing columns are exactly 0, present rows sum to 1 (rows of missing modalities too)
    assert torch.all(mw.masked_select(~mask[:, None, None, :].expand_as(mw)) == 0)
    any_present = mask.any(dim=1)
    torch.testing.assert_close(mw[any_present].sum(-1),
                               torch.ones_like(mw[any_present].sum(-1)), **TOL[torch.float64])


def test_uniform_feature_weights_leave_values_unchanged(device):
    """The factor D in v = D * feat_weights * x: equal feature logits give v = x, so
    with M = 1 the output is x itself."""
    gen = make_generator(16)
    x = randn((3, 1, 32), gen, device=device)
    fl = torch.full_like(x, 0.3)
    q, k = randn((3, 1, 8), gen, device=device), randn((3, 1, 8), gen, device=device)
    out, _, _ = cldmdf.dual_attention(x, fl, q, k, num_heads=4)
    torch.testing.assert_close(out, x, **TOL[torch.float64])


@pytest.mark.parametrize("H", [1, 2, 8])
def test_single_modality_attends_to_itself(device, H):
    """M = 1: mod_weights = 1 and out = D * feat_weights * x."""
    gen = make_generator(17)
    B, D = 5, 8
    (x, fl, q, k), _ = dual_attention_inputs(B, 1, D, 16, gen, device=device, mask="none").unpack()
    out, fw, mw = cldmdf.dual_attention(x, fl, q, k, None, H, 0.8)
    assert mw.shape == (B, H, 1, 1)
    assert torch.all(mw == 1)
    torch.testing.assert_close(out, D * fw * x, **TOL[torch.float64])


def test_single_modality_missing_gives_zeros(device):
    gen = make_generator(18)
    (x, fl, q, k), _ = dual_attention_inputs(4, 1, 8, 8, gen, device=device, mask="none").unpack()
    mask = torch.tensor([[True], [False], [True], [False]], device=device)
    out, _, mw = cldmdf.dual_attention(x, fl, q, k, mask, 2)
    assert torch.all(out[~mask[:, 0]] == 0)
    assert torch.all(mw[~mask[:, 0]] == 0)
    assert torch.all(mw[mask[:, 0]] == 1)


# --------------------------------------------------------------------------- masks

@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=dtype_id)
def test_all_missing_sample_gives_exact_zeros_and_no_nan(device, dtype):
    gen = make_generator(19)
    B, M, D, K, H = 4, 3, 16, 8, 2
    (x, fl, q, k), _ = dual_attention_inputs(B, M, D, K, gen, dtype=dtype, device=device,
                                             mask="none").unpack()
    mask = torch.ones(B, M, dtype=torch.bool, device=device)
    mask[2] = False
    ins = [leaf(t) for t in (x, fl, q, k)]
    out, fw, mw = cldmdf.dual_attention(*ins, mask, H)
    assert torch.all(out[2] == 0)
    assert torch.all(mw[2] == 0)
    for t in (out, fw, mw):
        assert not torch.isnan(t).any()
    upstream = [randn(t.shape, gen, dtype, device) for t in (out, fw, mw)]
    gx, gfl, gq, gk = grads((out, fw, mw), ins, upstream)
    for g in (gx, gfl, gq, gk):
        assert not torch.isnan(g).any()
    # nothing flows through the attention of an empty sample
    assert torch.all(gx[2] == 0)
    assert torch.all(gq[2] == 0)
    assert torch.all(gk[2] == 0)


def test_everything_missing_gives_zero_outputs(device):
    gen = make_generator(20)
    (x, fl, q, k), _ = dual_attention_inputs(3, 4, 8, 8, gen, device=device, mask="none").unpack()
    mask = torch.zeros(3, 4, dtype=torch.bool, device=device)
    out, fw, mw = cldmdf.dual_attention(x, fl, q, k, mask, 4)
    assert torch.all(out == 0)
    assert torch.all(mw == 0)
    torch.testing.assert_close(fw, torch.softmax(fl, -1), **TOL[torch.float64])


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=dtype_id)
def test_mask_none_equals_all_true_mask(device, dtype):
    gen = make_generator(21)
    B, M, D, K, H = 5, 3, 16, 8, 4
    (x, fl, q, k), _ = dual_attention_inputs(B, M, D, K, gen, dtype=dtype, device=device,
                                             mask="none").unpack()
    all_true = torch.ones(B, M, dtype=torch.bool, device=device)
    ins_a = [leaf(t) for t in (x, fl, q, k)]
    ins_b = [leaf(t) for t in (x, fl, q, k)]
    outs_a = cldmdf.dual_attention(*ins_a, None, H, 0.9)
    outs_b = cldmdf.dual_attention(*ins_b, all_true, H, 0.9)
    for a, b in zip(outs_a, outs_b):
        torch.testing.assert_close(a, b, atol=0, rtol=0)
    upstream = [randn(t.shape, gen, dtype, device) for t in outs_a]
    for a, b in zip(grads(outs_a, ins_a, upstream), grads(outs_b, ins_b, upstream)):
        torch.testing.assert_close(a, b, atol=0, rtol=0)


def test_default_arguments_are_no_mask_one_head_unit_temperature(device):
    gen = make_generator(22)
    (x, fl, q, k), _ = dual_attention_inputs(3, 2, 8, 4, gen, device=device, mask="none").unpack()
    for a, b in zip(cldmdf.dual_attention(x, fl, q, k),
                    cldmdf.dual_attention(x, fl, q, k, None, 1, 1.0)):
        torch.testing.assert_close(a, b, atol=0, rtol=0)


@pytest.mark.parametrize("poison", [float("nan"), float("inf"), -float("inf")],
                         ids=["nan", "inf", "-inf"])
def test_missing_modality_values_do_not_leak_into_out(device, poison):
    """A missing modality's x, feat_logits and key are never mixed into out or
    mod_weights: holding NaN/inf there changes nothing but its own feat_weights."""
    gen = make_generator(23)
    B, M, D, K, H = 4, 3, 8, 8, 2
    (x, fl, q, k), _ = dual_attention_inputs(B, M, D, K, gen, device=device, mask="none").unpack()
    mask = torch.tensor([[True, False, True], [False, True, True], [False, False, False],
                         [True, True, True]], device=device)
    clean = cldmdf.dual_attention(x, fl, q, k, mask, H)
    missing = ~mask
    px, pfl, pk = x.clone(), fl.clone(), k.clone()
    px[missing] = poison
    pfl[missing] = poison
    pk[missing] = poison
    out, fw, mw = cldmdf.dual_attention(px, pfl, q, pk, mask, H)
    assert torch.isfinite(out).all()
    assert torch.isfinite(mw).all()
    torch.testing.assert_close(out, clean[0], atol=0, rtol=0)
    torch.testing.assert_close(mw, clean[2], atol=0, rtol=0)
    torch.testing.assert_close(fw[mask], clean[1][mask], atol=0, rtol=0)
    ref = reference.dual_attention(px, pfl, q, pk, mask, H)
    torch.testing.assert_close(out, ref[0], **TOL[torch.float64])
    torch.testing.assert_close(fw, ref[1], equal_nan=True, **TOL[torch.float64])


def test_missing_modality_nan_does_not_leak_into_present_grads(device):
    gen = make_generator(24)
    B, M, D, K, H = 3, 3, 8, 8, 2
    (x, fl, q, k), _ = dual_attention_inputs(B, M, D, K, gen, device=device, mask="none").unpack()
    mask = torch.tensor([[True, False, True], [False, True, True], [True, True, True]],
                        device=device)
    x = x.clone()
    k = k.clone()
    x[~mask] = float("nan")
    k[~mask] = float("nan")
    ins = [leaf(t) for t in (x, fl, q, k)]
    outs = cldmdf.dual_attention(*ins, mask, H)
    upstream = [randn(t.shape, gen, device=device) for t in outs]
    gx, gfl, gq, gk = grads(outs, ins, upstream)
    assert torch.isfinite(gx).all()
    assert torch.isfinite(gq).all()
    assert torch.isfinite(gk).all()
    assert torch.isfinite(gfl[mask]).all()
    assert torch.all(gx[~mask] == 0)
    assert torch.all(gk[~mask] == 0)


def test_nan_in_present_modality_propagates_like_reference(device):
    gen = make_generator(25)
    (x, fl, q, k), _ = dual_attention_inputs(3, 3, 8, 8, gen, device=device, mask="none").unpack()
    mask = torch.tensor([[True, True, False], [True, True, True], [True, False, True]],
                        device=device)
    x = x.clone()
    x[0, 1, 3] = float("nan")
    q = q.clone()
    q[2, 0, 0] = float("nan")
    got = cldmdf.dual_attention(x, fl, q, k, mask, 2)
    want = reference.dual_attention(x, fl, q, k, mask, 2)
    for name, a, b in zip(OUTPUT_NAMES, got, want):
        assert torch.equal(torch.isnan(a), torch.isnan(b)), name
        torch.testing.assert_close(a, b, equal_nan=True, **TOL[torch.float64])


def test_inf_in_present_modality_with_underflowed_weight_propagates_like_reference(device):
    """OPS.md: NaN/inf in the inputs propagates like it would through the reference math.
    Modality 1 is present but its attention weight from modality 0 underflows to exactly
    0 (score gap 2000); its x holds inf, so the reference's out[0] gets 0 * inf = NaN."""
    x = torch.tensor([[[0.5, -1.0, 2.0, 0.25], [math.inf, 1.0, -1.0, 3.0]]],
                     dtype=torch.float64, device=device)
    fl = torch.zeros_like(x)
    q = torch.tensor([[[100.0, 0.0], [100.0, 0.0]]], dtype=torch.float64, device=device)
    k = torch.tensor([[[10.0, 0.0], [-10.0, 0.0]]], dtype=torch.float64, device=device)
    got = cldmdf.dual_attention(x, fl, q, k)
    want = reference.dual_attention(x, fl, q, k)
    assert want[2][0, 0, 0, 1] == 0 and got[2][0, 0, 0, 1] == 0
    for name, a, b in zip(OUTPUT_NAMES, got, want):
        assert torch.equal(torch.isnan(a), torch.isnan(b)), f"{name}: {a} vs reference {b}"
        torch.testing.assert_close(a, b, equal_nan=True, **TOL[torch.float64])


def test_all_present_scores_minus_inf_give_zero_weights_like_reference(device):
    """The masked softmax as the reference computes it: a query row whose scores against
    every present key are -inf gets weights exactly 0 (not NaN), and so out = 0 there."""
    gen = make_generator(26)
    (x, fl, q, k), _ = dual_attention_inputs(2, 3, 8, 4, gen, device=device, mask="none").unpack()
    mask = torch.tensor([[True, True, False], [True, True, True]], device=device)
    q, k = q.clone(), k.clone()
    k[:, :, 0] = -1.0 - k[:, :, 0].abs()  # negative first key component
    q[0, 0, 0] = math.inf                 # sample 0, query 0: every present score -inf (head 0)
    q[1, 2, 0] = math.inf                 # sample 1, query 2: likewise, all modalities present
    got = cldmdf.dual_attention(x, fl, q, k, mask, 2)
    want = reference.dual_attention(x, fl, q, k, mask, 2)
    assert want[2][0, 0, 0].eq(0).all() and want[2][1, 0, 2].eq(0).all()
    for name, a, b in zip(OUTPUT_NAMES, got, want):
        assert torch.equal(torch.isnan(a), torch.isnan(b)), f"{name}: {a} vs reference {b}"
        torch.testing.assert_close(a, b, equal_nan=True, **TOL[torch.float64])


# --------------------------------------------------------------------------- layouts, large values

@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=dtype_id)
def test_noncontiguous_inputs_give_the_same_results_as_contiguous(device, dtype):
    gen = make_generator(26)
    B, M, D, K, H = 6, 4, 16, 12, 4
    (x, fl, q, k), mask = dual_attention_inputs(B, M, D, K, gen, dtype=dtype,
                                                device=device).unpack()
    contiguous_ins = [leaf(t) for t in (x, fl, q, k)]
    strided = [with_layout(t, "noncontiguous") for t in (x, fl, q, k)]
    strided_ins = [leaf(t) for t in strided]
    a = cldmdf.dual_attention(*contiguous_ins, mask, H)
    b = cldmdf.dual_attention(*strided_ins, with_layout(mask, "noncontiguous"), H)
    for name, u, v in zip(OUTPUT_NAMES, a, b):
        torch.testing.assert_close(u, v, atol=0, rtol=0, msg=name)
    upstream = [randn(t.shape, gen, dtype, device) for t in a]
    strided_upstream = [with_layout(u, "noncontiguous") for u in upstream]
    for name, u, v in zip(INPUT_NAMES, grads(a, contiguous_ins, upstream),
                          grads(b, strided_ins, strided_upstream)):
        torch.testing.assert_close(u, v, atol=0, rtol=0, msg=f"grad of {name}")


def test_expanded_broadcast_inputs_are_read_correctly(device):
    """Zero-stride (expanded) inputs are legal non-contiguous inputs."""
    gen = make_generator(27)
    B, M, D, K = 4, 3, 8, 8
    x = randn((1, M, D), gen, device=device).expand(B, M, D)
    fl = randn((B, 1, D), gen, device=device).expand(B, M, D)
    q = randn((B, M, K), gen, device=device)
    k = randn((B, M, 1), gen, device=device).expand(B, M, K)
    mask = make_mask(B, M, gen, device)
    got = cldmdf.dual_attention(x, fl, q, k, mask, 2)
    want = reference.dual_attention(x, fl, q, k, mask, 2)
    for name, a, b in zip(OUTPUT_NAMES, got, want):
        torch.testing.assert_close(a, b, msg=name, **TOL[torch.float64])


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=dtype_id)
def test_large_logits_are_stable(device, dtype):
    """Masked softmax subtracts the max: huge scores and feature logits give no inf/NaN."""
    gen = make_generator(28)
    B, M, D, K = 4, 3, 8, 8
    x = randn((B, M, D), gen, dtype, device)
    fl = randn((B, M, D), gen, dtype, device, scale=300.0)
    q = randn((B, M, K), gen, dtype, device, scale=40.0)
    k = randn((B, M, K), gen, dtype, device, scale=40.0)
    mask = make_mask(B, M, gen, device)
    results = run_both([x, fl, q, k], mask, 2, 1.0, gen=gen)
    for t in list(results[0]) + list(results[1]):
        assert torch.isfinite(t).all()
    check_against_reference(*results, dtype)


# --------------------------------------------------------------------------- gradcheck

GRADCHECK_CASES = [
    # B, M, D, K, H, masked, layout, feat_temperature
    (3, 3, 4, 4, 2, True, "contiguous", 0.7),
    (2, 1, 4, 6, 2, False, "contiguous", 1.0),
    (3, 4, 6, 3, 3, True, "noncontiguous", 2.0),
    (2, 2, 4, 4, 4, True, "contiguous", 0.5),
    (1, 3, 6, 2, 1, False, "noncontiguous", 1.3),
]


@pytest.mark.parametrize("B,M,D,K,H,masked,layout,feat_temperature", GRADCHECK_CASES)
def test_gradcheck_all_outputs(device, B, M, D, K, H, masked, layout, feat_temperature):
    """Analytic gradients (including those flowing into feat_weights and mod_weights)
    agree with finite differences in float64."""
    gen = make_generator(29)
    tensors, mask = dual_attention_inputs(B, M, D, K, gen, device=device, mask=mask_kind(masked),
                                          layout=layout).unpack()
    ins = [leaf(t) for t in tensors]
    assert torch.autograd.gradcheck(
        lambda x, fl, q, k: cldmdf.dual_attention(x, fl, q, k, mask, H, feat_temperature),
        ins, eps=1e-6, atol=1e-6, rtol=1e-5)


@pytest.mark.parametrize("output", OUTPUT_NAMES)
def test_gradcheck_each_output_alone(device, output):
    """Gradients reach every floating input when only one output is used (the others
    get no upstream gradient)."""
    gen = make_generator(30)
    tensors, mask = dual_attention_inputs(3, 3, 4, 4, gen, device=device).unpack()
    ins = [leaf(t) for t in tensors]
    idx = OUTPUT_NAMES.index(output)
    assert torch.autograd.gradcheck(
        lambda x, fl, q, k: cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.8)[idx],
        ins, eps=1e-6, atol=1e-6, rtol=1e-5)


def test_ops_wrapper_is_the_registered_operator(device):
    gen = make_generator(31)
    (x, fl, q, k), mask = dual_attention_inputs(3, 2, 8, 4, gen, device=device).unpack()
    a = cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.5)
    b = torch.ops.cldmdf.dual_attention(x, fl, q, k, mask, 2, 0.5)
    for u, v in zip(a, b):
        assert torch.equal(u, v)


# --------------------------------------------------------------------------- need_weights (OPS.md 4b)

@pytest.mark.parametrize("masked", [True, False], ids=["masked", "unmasked"])
@pytest.mark.parametrize("layout", ["contiguous", "noncontiguous"])
def test_need_weights_false_returns_empty_weights_and_the_same_out_and_grads(device, masked,
                                                                             layout):
    gen = make_generator("need-weights-dual", masked, layout)
    tensors, mask = dual_attention_inputs(5, 4, 8, 6, gen, dtype=torch.float32, device=device,
                                          mask=mask_kind(masked), layout=layout).unpack()
    check_without_weights(lambda t, need: cldmdf.dual_attention(*t, mask=mask, num_heads=2,
                                                                need_weights=need), tensors, gen)


def test_backward_with_no_weight_gradients_equals_zero_weight_gradients(device):
    gen = make_generator("dual-backward-none")
    (x, fl, q, k), mask = dual_attention_inputs(3, 4, 8, 8, gen, device=device).unpack()
    go = randn((3, 4, 8), gen, torch.float64, device)
    none = torch.ops.cldmdf.dual_attention_backward(go, None, None, x, fl, q, k, mask, 2, 0.5)
    zeros = torch.ops.cldmdf.dual_attention_backward(go, torch.zeros_like(x),
                                                     x.new_zeros(3, 2, 4, 4), x, fl, q, k, mask,
                                                     2, 0.5)
    for a, b in zip(none, zeros):
        assert torch.equal(a, b)
