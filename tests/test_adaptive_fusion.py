"""cldmdf.adaptive_fusion against OPS.md section 2 and cldmdf.reference.

Every comparison evaluates the reference in float64 on exactly the values the
operator saw (for float16/bfloat16 inputs: the rounded values, upcast), and uses
the tolerance OPS.md gives for the operator's dtype.
"""
import math

import pytest
import torch

import cldmdf
from cldmdf import reference
from cldmdf.testing import adaptive_fusion_inputs
from conftest import (DTYPE_LAYOUTS, DTYPE_LAYOUT_IDS, FLOAT_DTYPES, REDUCED_DTYPES, TOL,
                      check_without_weights,
                      check_outputs_and_grads,
                      as_reference_input, assert_close, dtype_id, grads, leaf, make_generator,
                      make_mask, mask_kind, randn, with_layout)

OUTPUT_NAMES = ("fused", "weights")
INPUT_NAMES = ("h", "gate_logits")

# (D, G): G in {1 (attention pooling), a divisor of D (multi-head pooling), D (per-feature gate)}
DG = [(8, 1), (8, 4), (8, 8), (64, 1), (64, 8), (64, 64), (256, 1), (256, 16), (256, 256)]
DG_IDS = [f"D{d}-G{g}" for d, g in DG]
BATCHES = [1, 7, 64]
MODALITIES = [1, 2, 6]


def run_both(tensors, mask, temperature, gen):
    op_in = [leaf(t) for t in tensors]
    op_out = cldmdf.adaptive_fusion(*op_in, mask=mask, temperature=temperature)
    upstream = [randn(o.shape, gen, o.dtype, o.device) for o in op_out]
    op_grads = grads(op_out, op_in, upstream)
    ref_in = [as_reference_input(t) for t in tensors]
    ref_out = reference.adaptive_fusion(*ref_in, mask=mask, temperature=temperature)
    ref_grads = grads(ref_out, ref_in, [u.double() for u in upstream])
    return op_out, op_grads, ref_out, ref_grads


def check_against_reference(op_out, op_grads, ref_out, ref_grads, dtype):
    check_outputs_and_grads(op_out, op_grads, ref_out, ref_grads, dtype, OUTPUT_NAMES, INPUT_NAMES)


# --------------------------------------------------------------------------- agreement with the reference

@pytest.mark.parametrize("masked", [False, True], ids=["nomask", "mask"])
@pytest.mark.parametrize("D,G", DG, ids=DG_IDS)
@pytest.mark.parametrize("M", MODALITIES, ids=[f"M{m}" for m in MODALITIES])
@pytest.mark.parametrize("B", BATCHES, ids=[f"B{b}" for b in BATCHES])
@pytest.mark.parametrize("dtype,layout", DTYPE_LAYOUTS, ids=DTYPE_LAYOUT_IDS)
def test_outputs_and_grads_match_reference(device, dtype, B, M, D, G, masked, layout):
    gen = make_generator(B, M, D, G, masked, layout, dtype_id(dtype))
    tensors, mask = adaptive_fusion_inputs(B, M, D, G, gen, dtype=dtype, device=device,
                                           mask=mask_kind(masked), layout=layout).unpack()
    check_against_reference(*run_both(tensors, mask, 0.7, gen), dtype)


@pytest.mark.parametrize("masked", [False, True], ids=["nomask", "mask"])
@pytest.mark.parametrize("D,G", DG, ids=DG_IDS)
@pytest.mark.parametrize("M", [2, 6], ids=["M2", "M6"])
@pytest.mark.parametrize("B", [7, 64], ids=["B7", "B64"])
@pytest.mark.parametrize("dtype", REDUCED_DTYPES, ids=dtype_id)
def test_reduced_precision_matches_reference_on_rounded_inputs(device, dtype, B, M, D, G,
                                                               masked):
    gen = make_generator(B, M, D, G, masked, dtype_id(dtype))
    tensors, mask = adaptive_fusion_inputs(B, M, D, G, gen, dtype=dtype, device=device,
                                           mask=mask_kind(masked), layout="noncontiguous").unpack()
    check_against_reference(*run_both(tensors, mask, 1.5, gen), dtype)


@pytest.mark.parametrize("D,G", DG, ids=DG_IDS)
@pytest.mark.parametrize("dtype", REDUCED_DTYPES, ids=dtype_id)
def test_reduced_precision_outputs_match_reference_on_unrounded_inputs(device, dtype, D, G):
    """fused and weights of a float16/bfloat16 call are within OPS.md's tolerance of the
    float64 reference on the original values (before rounding to the dtype)."""
    gen = make_generator(D, G, "unrounded", dtype_id(dtype))
    exact, mask = adaptive_fusion_inputs(64, 6, D, G, gen, device=device).unpack()
    got = cldmdf.adaptive_fusion(*[t.to(dtype) for t in exact], mask, 1.5)
    want = reference.adaptive_fusion(*exact, mask, 1.5)
    for name, a, b in zip(OUTPUT_NAMES, got, want):
        assert a.dtype == dtype
        assert_close(a, b, dtype, what=name)


@pytest.mark.parametrize("D,G", [(16, 1), (64, 4), (256, 1), (256, 256)],
                         ids=["D16-G1", "D64-G4", "D256-G1", "D256-G256"])
@pytest.mark.parametrize("dtype", [torch.float32] + REDUCED_DTYPES, ids=dtype_id)
def test_grads_of_sum_loss_over_nonnegative_features_match_reference(device, dtype, D, G):
    """Non-negative features (post-ReLU) and loss = fused.sum(): the per-modality
    gradients share a large common component that the softmax backward must cancel."""
    gen = make_generator(D, G, "relu-sum", dtype_id(dtype))
    B, M = 8, 4
    h = randn((B, M, D), gen, device=device).abs().to(dtype)
    gl = randn((B, M, G), gen, dtype, device)
    ins = [leaf(h), leaf(gl)]
    fused, _ = cldmdf.adaptive_fusion(*ins)
    got = torch.autograd.grad(fused.sum(), ins)
    ref_in = [as_reference_input(t) for t in (h, gl)]
    want = torch.autograd.grad(reference.adaptive_fusion(*ref_in)[0].sum(), ref_in)
    for name, a, b in zip(INPUT_NAMES, got, want):
        assert_close(a, b, dtype, what=f"grad of {name}")


TEMPERATURE_CASES = [(torch.float64, t) for t in (0.05, 0.3, 1.0, 2.5, 40.0)] + \
                    [(torch.float32, t) for t in (0.1, 0.3, 2.5, 40.0)]


@pytest.mark.parametrize("dtype,temperature", TEMPERATURE_CASES,
                         ids=[f"{dtype_id(d)}-T{t}" for d, t in TEMPERATURE_CASES])
def test_temperature_scales_gate_logits(device, dtype, temperature):
    gen = make_generator(1, dtype_id(dtype), temperature)
    tensors, mask = adaptive_fusion_inputs(7, 4, 16, 4, gen, dtype=dtype, device=device).unpack()
    check_against_reference(*run_both(tensors, mask, temperature, gen), dtype)


def test_temperature_divides_gate_logits(device):
    gen = make_generator(2)
    (h, gl), mask = adaptive_fusion_inputs(5, 3, 8, 2, gen, device=device).unpack()
    a = cldmdf.adaptive_fusion(h, gl, mask, 0.25)
    b = cldmdf.adaptive_fusion(h, gl / 0.25, mask, 1.0)
    for u, v in zip(a, b):
        torch.testing.assert_close(u, v, **TOL[torch.float64])


# --------------------------------------------------------------------------- the math, directly

def test_g1_is_attention_pooling_with_one_weight_per_modality(device):
    gen = make_generator(3)
    (h, gl), mask = adaptive_fusion_inputs(6, 4, 8, 1, gen, device=device).unpack()
    fused, weights = cldmdf.adaptive_fusion(h, gl, mask)
    w = torch.softmax(gl[..., 0].masked_fill(~mask, float("-inf")), dim=1).nan_to_num(0.0)
    torch.testing.assert_close(weights[..., 0], w, **TOL[torch.float64])
    torch.testing.assert_close(fused, (w[..., None] * h.masked_fill(~mask[..., None], 0)).sum(1),
                               **TOL[torch.float64])


def test_g_equal_d_is_a_per_feature_gate(device):
    gen = make_generator(4)
    (h, gl), mask = adaptive_fusion_inputs(6, 3, 8, 8, gen, device=device).unpack()
    fused, weights = cldmdf.adaptive_fusion(h, gl, mask)
    w = torch.softmax(gl.masked_fill(~mask[..., None], float("-inf")), dim=1).nan_to_num(0.0)
    torch.testing.assert_close(weights, w, **TOL[torch.float64])
    torch.testing.assert_close(fused, (w * h.masked_fill(~mask[..., None], 0)).sum(1),
                               **TOL[torch.float64])


def test_group_g_covers_a_contiguous_block_of_features(device):
    """Group g weights features [g*D/G, (g+1)*D/G)."""
    gen = make_generator(5)
    B, M, D, G = 4, 3, 12, 3
    (h, gl), _ = adaptive_fusion_inputs(B, M, D, G, gen, device=device, mask="none").unpack()
    fused, weights = cldmdf.adaptive_fusion(h, gl)
    for g in range(G):
        block = slice(g * D // G, (g + 1) * D // G)
        torch.testing.assert_close(fused[:, block], (weights[:, :, g, None] * h[:, :, block]).sum(1),
                                   **TOL[torch.float64])


def test_weights_sum_to_one_over_present_modalities(device):
    gen = make_generator(6)
    (h, gl), mask = adaptive_fusion_inputs(9, 5, 16, 4, gen, device=device).unpack()
    _, weights = cldmdf.adaptive_fusion(h, gl, mask)
    assert torch.all(weights[~mask] == 0)
    any_present = mask.any(1)
    s = weights[any_present].sum(1)
    torch.testing.assert_close(s, torch.ones_like(s), **TOL[torch.float64])


@pytest.mark.parametrize("G", [1, 4])
def test_single_modality_passes_through(device, G):
    gen = make_generator(7, G)
    (h, gl), _ = adaptive_fusion_inputs(5, 1, 8, G, gen, device=device, mask="none").unpack()
    fused, weights = cldmdf.adaptive_fusion(h, gl, None, 0.5)
    assert torch.all(weights == 1)
    torch.testing.assert_close(fused, h[:, 0], atol=0, rtol=0)


def test_one_present_modality_gets_all_the_weight(device):
    gen = make_generator(8)
    B, M, D, G = 4, 3, 8, 2
    (h, gl), _ = adaptive_fusion_inputs(B, M, D, G, gen, device=device, mask="none").unpack()
    mask = torch.zeros(B, M, dtype=torch.bool, device=device)
    chosen = torch.tensor([0, 2, 1, 2], device=device)
    mask[torch.arange(B, device=device), chosen] = True
    fused, weights = cldmdf.adaptive_fusion(h, gl, mask)
    assert torch.all(weights == mask[..., None].to(weights.dtype))
    torch.testing.assert_close(fused, h[torch.arange(B, device=device), chosen], atol=0, rtol=0)


# --------------------------------------------------------------------------- masks

@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=dtype_id)
def test_all_missing_sample_gives_exact_zeros_and_no_nan(device, dtype):
    gen = make_generator(9, dtype_id(dtype))
    B, M, D, G = 4, 3, 16, 4
    (h, gl), _ = adaptive_fusion_inputs(B, M, D, G, gen, dtype=dtype, device=device,
                                        mask="none").unpack()
    mask = torch.ones(B, M, dtype=torch.bool, device=device)
    mask[1] = False
    ins = [leaf(h), leaf(gl)]
    fused, weights = cldmdf.adaptive_fusion(*ins, mask)
    assert torch.all(fused[1] == 0)
    assert torch.all(weights[1] == 0)
    assert not torch.isnan(fused).any() and not torch.isnan(weights).any()
    upstream = [randn(t.shape, gen, dtype, device) for t in (fused, weights)]
    gh, ggl = grads((fused, weights), ins, upstream)
    assert not torch.isnan(gh).any() and not torch.isnan(ggl).any()
    assert torch.all(gh[1] == 0)
    assert torch.all(ggl[1] == 0)


def test_everything_missing_gives_zero_outputs(device):
    gen = make_generator(10)
    (h, gl), _ = adaptive_fusion_inputs(3, 2, 8, 2, gen, device=device, mask="none").unpack()
    mask = torch.zeros(3, 2, dtype=torch.bool, device=device)
    fused, weights = cldmdf.adaptive_fusion(h, gl, mask)
    assert torch.all(fused == 0)
    assert torch.all(weights == 0)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=dtype_id)
def test_mask_none_equals_all_true_mask(device, dtype):
    gen = make_generator(11, dtype_id(dtype))
    B, M, D, G = 5, 3, 16, 4
    (h, gl), _ = adaptive_fusion_inputs(B, M, D, G, gen, dtype=dtype, device=device,
                                        mask="none").unpack()
    all_true = torch.ones(B, M, dtype=torch.bool, device=device)
    ins_a, ins_b = [leaf(h), leaf(gl)], [leaf(h), leaf(gl)]
    outs_a = cldmdf.adaptive_fusion(*ins_a, None, 0.9)
    outs_b = cldmdf.adaptive_fusion(*ins_b, all_true, 0.9)
    for a, b in zip(outs_a, outs_b):
        torch.testing.assert_close(a, b, atol=0, rtol=0)
    upstream = [randn(t.shape, gen, dtype, device) for t in outs_a]
    for a, b in zip(grads(outs_a, ins_a, upstream), grads(outs_b, ins_b, upstream)):
        torch.testing.assert_close(a, b, atol=0, rtol=0)


def test_default_arguments_are_no_mask_unit_temperature(device):
    gen = make_generator(12)
    (h, gl), _ = adaptive_fusion_inputs(3, 2, 8, 4, gen, device=device, mask="none").unpack()
    for a, b in zip(cldmdf.adaptive_fusion(h, gl), cldmdf.adaptive_fusion(h, gl, None, 1.0)):
        torch.testing.assert_close(a, b, atol=0, rtol=0)


@pytest.mark.parametrize("poison", [float("nan"), float("inf"), -float("inf")],
                         ids=["nan", "inf", "-inf"])
def test_missing_modality_values_do_not_leak(device, poison):
    """A missing modality's h and gate_logits never reach fused, weights or the
    gradients of the present modalities."""
    gen = make_generator(13)
    B, M, D, G = 4, 3, 8, 2
    (h, gl), _ = adaptive_fusion_inputs(B, M, D, G, gen, device=device, mask="none").unpack()
    mask = torch.tensor([[True, False, True], [False, True, True], [False, False, False],
                         [True, True, True]], device=device)
    clean_ins = [leaf(h), leaf(gl)]
    clean = cldmdf.adaptive_fusion(*clean_ins, mask)
    ph, pgl = h.clone(), gl.clone()
    ph[~mask] = poison
    pgl[~mask] = poison
    poisoned_ins = [leaf(ph), leaf(pgl)]
    poisoned = cldmdf.adaptive_fusion(*poisoned_ins, mask)
    for name, a, b in zip(OUTPUT_NAMES, poisoned, clean):
        assert torch.isfinite(a).all(), name
        torch.testing.assert_close(a, b, atol=0, rtol=0, msg=name)
    upstream = [randn(t.shape, gen, device=device) for t in clean]
    for name, a, b in zip(INPUT_NAMES, grads(poisoned, poisoned_ins, upstream),
                          grads(clean, clean_ins, upstream)):
        assert torch.isfinite(a).all(), f"grad of {name}"
        torch.testing.assert_close(a, b, atol=0, rtol=0, msg=f"grad of {name}")
    ref = reference.adaptive_fusion(ph, pgl, mask)
    for a, b in zip(poisoned, ref):
        torch.testing.assert_close(a, b, **TOL[torch.float64])


def test_nan_in_present_modality_propagates_like_reference(device):
    gen = make_generator(14)
    (h, gl), _ = adaptive_fusion_inputs(3, 3, 8, 2, gen, device=device, mask="none").unpack()
    mask = torch.tensor([[True, True, False], [True, True, True], [True, False, True]],
                        device=device)
    h, gl = h.clone(), gl.clone()
    h[0, 1, 5] = float("nan")
    gl[2, 2, 0] = float("nan")
    got = cldmdf.adaptive_fusion(h, gl, mask)
    want = reference.adaptive_fusion(h, gl, mask)
    for name, a, b in zip(OUTPUT_NAMES, got, want):
        assert torch.equal(torch.isnan(a), torch.isnan(b)), name
        torch.testing.assert_close(a, b, equal_nan=True, **TOL[torch.float64])


def test_infinite_gate_logits_of_present_modalities_give_what_the_reference_gives(device):
    """The masked softmax as the reference computes it: when every present logit of a group
    is -inf its weights are exactly 0 (not NaN) and so is its share of `fused`; a +inf
    logit gives NaN where the reference does."""
    gen = make_generator(15)
    (h, gl), _ = adaptive_fusion_inputs(3, 3, 8, 2, gen, device=device, mask="none").unpack()
    mask = torch.tensor([[True, True, False], [True, True, True], [True, False, True]],
                        device=device)
    gl = gl.clone()
    gl[0, :2, 0] = -math.inf          # sample 0, group 0: both present modalities -inf
    gl[1, :, 1] = -math.inf           # sample 1, group 1: every modality present and -inf
    gl[2, 0, 0] = math.inf            # sample 2, group 0: one +inf
    got = cldmdf.adaptive_fusion(h, gl, mask)
    want = reference.adaptive_fusion(h, gl, mask)
    assert want[1][0, :, 0].eq(0).all() and want[1][1, :, 1].eq(0).all()
    for name, a, b in zip(OUTPUT_NAMES, got, want):
        assert torch.equal(torch.isnan(a), torch.isnan(b)), f"{name}: {a} vs reference {b}"
        torch.testing.assert_close(a, b, equal_nan=True, **TOL[torch.float64])
    # gradients where nothing is NaN (samples 0 and 1)
    h01, gl01 = leaf(h[:2]), leaf(gl[:2])
    out = cldmdf.adaptive_fusion(h01, gl01, mask[:2])
    upstream = [randn(o.shape, gen, o.dtype, device) for o in out]
    ref_h, ref_gl = leaf(h[:2]), leaf(gl[:2])
    ref = reference.adaptive_fusion(ref_h, ref_gl, mask[:2])
    for got_g, want_g in zip(grads(out, (h01, gl01), upstream),
                             grads(ref, (ref_h, ref_gl), upstream)):
        torch.testing.assert_close(got_g, want_g, **TOL[torch.float64])


# --------------------------------------------------------------------------- layouts, large values

@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=dtype_id)
def test_noncontiguous_inputs_give_the_same_results_as_contiguous(device, dtype):
    gen = make_generator(15, dtype_id(dtype))
    B, M, D, G = 6, 4, 16, 4
    (h, gl), mask = adaptive_fusion_inputs(B, M, D, G, gen, dtype=dtype, device=device).unpack()
    contiguous_ins = [leaf(h), leaf(gl)]
    strided_ins = [leaf(with_layout(t, "noncontiguous")) for t in (h, gl)]
    a = cldmdf.adaptive_fusion(*contiguous_ins, mask)
    b = cldmdf.adaptive_fusion(*strided_ins, with_layout(mask, "noncontiguous"))
    for name, u, v in zip(OUTPUT_NAMES, a, b):
        torch.testing.assert_close(u, v, atol=0, rtol=0, msg=name)
    upstream = [randn(t.shape, gen, dtype, device) for t in a]
    strided_upstream = [with_layout(u, "noncontiguous") for u in upstream]
    for name, u, v in zip(INPUT_NAMES, grads(a, contiguous_ins, upstream),
                          grads(b, strided_ins, strided_upstream)):
        torch.testing.assert_close(u, v, atol=0, rtol=0, msg=f"grad of {name}")


def test_expanded_broadcast_inputs_are_read_correctly(device):
    gen = make_generator(16)
    B, M, D, G = 4, 3, 8, 2
    h = randn((1, M, D), gen, device=device).expand(B, M, D)
    gl = randn((B, M, 1), gen, device=device).expand(B, M, G)
    mask = make_mask(B, M, gen, device)
    for a, b in zip(cldmdf.adaptive_fusion(h, gl, mask), reference.adaptive_fusion(h, gl, mask)):
        torch.testing.assert_close(a, b, **TOL[torch.float64])


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=dtype_id)
def test_large_gate_logits_are_stable(device, dtype):
    gen = make_generator(17, dtype_id(dtype))
    B, M, D, G = 6, 4, 8, 4
    h = randn((B, M, D), gen, dtype, device)
    gl = randn((B, M, G), gen, dtype, device, scale=500.0)
    mask = make_mask(B, M, gen, device)
    results = run_both([h, gl], mask, 1.0, gen)
    for t in list(results[0]) + list(results[1]):
        assert torch.isfinite(t).all()
    check_against_reference(*results, dtype)


# --------------------------------------------------------------------------- gradcheck

GRADCHECK_CASES = [
    # B, M, D, G, masked, layout, temperature
    (3, 3, 4, 1, True, "contiguous", 0.7),
    (3, 3, 4, 2, True, "noncontiguous", 1.0),
    (3, 4, 6, 6, True, "contiguous", 2.0),
    (2, 1, 4, 2, False, "noncontiguous", 0.5),
    (2, 2, 6, 3, False, "contiguous", 1.3),
]


@pytest.mark.parametrize("B,M,D,G,masked,layout,temperature", GRADCHECK_CASES)
def test_gradcheck_all_outputs(device, B, M, D, G, masked, layout, temperature):
    """Analytic gradients (including those flowing into the returned weights) agree
    with finite differences in float64."""
    gen = make_generator(18, B, M, D, G)
    tensors, mask = adaptive_fusion_inputs(B, M, D, G, gen, device=device, mask=mask_kind(masked),
                                           layout=layout).unpack()
    assert torch.autograd.gradcheck(
        lambda h, gl: cldmdf.adaptive_fusion(h, gl, mask, temperature),
        [leaf(t) for t in tensors], eps=1e-6, atol=1e-6, rtol=1e-5)


@pytest.mark.parametrize("output", OUTPUT_NAMES)
def test_gradcheck_each_output_alone(device, output):
    gen = make_generator(19)
    tensors, mask = adaptive_fusion_inputs(3, 3, 4, 2, gen, device=device).unpack()
    idx = OUTPUT_NAMES.index(output)
    assert torch.autograd.gradcheck(
        lambda h, gl: cldmdf.adaptive_fusion(h, gl, mask, 0.8)[idx],
        [leaf(t) for t in tensors], eps=1e-6, atol=1e-6, rtol=1e-5)


def test_ops_wrapper_is_the_registered_operator(device):
    gen = make_generator(20)
    (h, gl), mask = adaptive_fusion_inputs(3, 2, 8, 4, gen, device=device).unpack()
    for u, v in zip(cldmdf.adaptive_fusion(h, gl, mask, 0.5),
                    torch.ops.cldmdf.adaptive_fusion(h, gl, mask, 0.5)):
        assert torch.equal(u, v)


# --------------------------------------------------------------------------- need_weights (OPS.md 4b)

@pytest.mark.parametrize("G", [1, 4, 8])
@pytest.mark.parametrize("layout", ["contiguous", "noncontiguous"])
def test_need_weights_false_returns_empty_weights_and_the_same_fused_and_grads(device, G, layout):
    gen = make_generator("need-weights-fusion", G, layout)
    tensors, mask = adaptive_fusion_inputs(6, 3, 8, G, gen, dtype=torch.float32, device=device,
                                           layout=layout).unpack()
    check_without_weights(lambda t, need: cldmdf.adaptive_fusion(*t, mask=mask, need_weights=need),
                          tensors, gen)


def test_backward_with_no_weight_gradient_equals_a_zero_weight_gradient(device):
    gen = make_generator("fusion-backward-none")
    (h, gl), mask = adaptive_fusion_inputs(4, 3, 8, 2, gen, device=device).unpack()
    gf = randn((4, 8), gen, torch.float64, device)
    none = torch.ops.cldmdf.adaptive_fusion_backward(gf, None, h, gl, mask, 0.7)
    zeros = torch.ops.cldmdf.adaptive_fusion_backward(gf, torch.zeros_like(gl), h, gl, mask, 0.7)
    for a, b in zip(none, zeros):
        assert torch.equal(a, b)
