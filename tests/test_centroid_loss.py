"""cldmdf.centroid_contrastive_loss against OPS.md section 3 and cldmdf.reference.

Comparisons evaluate the reference in float64 on exactly the values the operator
saw, with the tolerance OPS.md gives for the operator's dtype.
"""
import math

import pytest
import torch
import torch.nn.functional as F

import cldmdf
from cldmdf import reference
from cldmdf.testing import centroid_loss_inputs, from_sums_inputs, make_entities
from conftest import (REDUCED_DTYPES, TOL, as_reference_input, assert_close, dtype_id, leaf,
                      make_generator, randn, with_layout)

REDUCTIONS = ["mean", "sum", "none"]
LOO = [pytest.param(True, id="loo"), pytest.param(False, id="no_loo")]

# Ids deliberately far from 0..E-1: negative, huge, unsorted.
ARBITRARY_IDS = [-(2 ** 63), -7, -1, 0, 3, 42, 10 ** 12, 2 ** 62, 2 ** 63 - 1]


def run_both(z, entity, temperature, leave_one_out, reduction, gen):
    op_z = leaf(z)
    loss = cldmdf.centroid_contrastive_loss(op_z, entity, temperature, leave_one_out, reduction)
    upstream = randn(loss.shape, gen, loss.dtype, loss.device)
    (gz,) = torch.autograd.grad(loss, op_z, upstream)
    ref_z = as_reference_input(z)
    ref_loss = reference.centroid_contrastive_loss(ref_z, entity, temperature, leave_one_out,
                                                   reduction)
    (ref_gz,) = torch.autograd.grad(ref_loss, ref_z, upstream.double())
    return loss, gz, ref_loss, ref_gz


def check_against_reference(loss, gz, ref_loss, ref_gz, dtype):
    assert loss.dtype == dtype and gz.dtype == dtype
    assert loss.shape == ref_loss.shape
    assert_close(loss, ref_loss, dtype, what="loss")
    assert_close(gz, ref_gz, dtype, what="grad of z")


# (N, P, E, singletons)
SIZES = [
    (2, 3, 1, 0),
    (5, 4, 2, 1),
    (16, 8, 4, 1),
    (50, 32, 7, 2),
    (200, 16, 40, 10),
    (300, 64, 299, 298),
    (129, 5, 129, 129),
]
SIZE_IDS = [f"N{n}-P{p}-E{e}-S{s}" for n, p, e, s in SIZES]


# --------------------------------------------------------------------------- agreement with the reference

@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("N,P,E,singletons", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=dtype_id)
def test_loss_and_grad_match_reference(device, dtype, N, P, E, singletons, leave_one_out,
                                       reduction):
    gen = make_generator(N, P, E, singletons, leave_one_out, reduction, dtype_id(dtype))
    z, entity = centroid_loss_inputs(N, P, gen, E=E, singletons=singletons, dtype=dtype,
                                     device=device)
    results = run_both(z, entity, 0.1, leave_one_out, reduction, gen)
    check_against_reference(*results, dtype)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=dtype_id)
def test_many_rows_and_entities_match_reference(device, dtype, leave_one_out, reduction):
    """Enough rows and entities that the logits are produced in several tiles."""
    gen = make_generator("tiles", leave_one_out, reduction, dtype_id(dtype))
    N, P, E = 3000, 8, 1500
    z, entity = centroid_loss_inputs(N, P, gen, E=E, singletons=300, dtype=dtype, device=device)
    check_against_reference(*run_both(z, entity, 0.2, leave_one_out, reduction, gen), dtype)


@pytest.mark.parametrize("temperature", [0.02, 0.05, 0.5, 1.0, 3.0])
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=dtype_id)
def test_temperature(device, dtype, leave_one_out, temperature):
    gen = make_generator("temperature", temperature, leave_one_out, dtype_id(dtype))
    z, entity = centroid_loss_inputs(40, 16, gen, E=6, singletons=1, dtype=dtype, device=device)
    check_against_reference(*run_both(z, entity, temperature, leave_one_out, "mean", gen),
                            dtype)


def test_default_arguments(device):
    gen = make_generator("defaults")
    z, entity = centroid_loss_inputs(20, 8, gen, E=4, device=device)
    torch.testing.assert_close(cldmdf.centroid_contrastive_loss(z, entity),
                               cldmdf.centroid_contrastive_loss(z, entity, 0.1, True, "mean"),
                               atol=0, rtol=0)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("dtype", REDUCED_DTYPES, ids=dtype_id)
def test_reduced_precision_forward_matches_reference(device, dtype, leave_one_out, reduction):
    """float16/bfloat16: the loss is within OPS.md's tolerance of the float64 reference
    on the rounded inputs, returned in the input dtype."""
    gen = make_generator("reduced", leave_one_out, reduction, dtype_id(dtype))
    z, entity = centroid_loss_inputs(120, 32, gen, E=15, singletons=3, dtype=dtype, device=device)
    loss = cldmdf.centroid_contrastive_loss(z, entity, 0.1, leave_one_out, reduction)
    want = reference.centroid_contrastive_loss(z.double(), entity, 0.1, leave_one_out, reduction)
    assert loss.dtype == dtype
    assert_close(loss, want, dtype, what="loss")


@pytest.mark.parametrize("dtype", REDUCED_DTYPES, ids=dtype_id)
def test_reduced_precision_grad_matches_reference(device, dtype):
    gen = make_generator("reduced-grad", dtype_id(dtype))
    z, entity = centroid_loss_inputs(60, 16, gen, E=8, singletons=2, dtype=dtype, device=device)
    check_against_reference(*run_both(z, entity, 0.5, True, "mean", gen), dtype)


# --------------------------------------------------------------------------- the math, directly

def test_leave_one_out_pulls_each_point_toward_the_rest_of_its_entity(device):
    """Hand-computed: two entities of two points in the plane."""
    z = torch.tensor([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]], dtype=torch.float64,
                     device=device)
    entity = torch.tensor([5, 5, -3, -3], device=device)
    T = 0.5
    zhat = F.normalize(z, dim=1)
    c = {5: F.normalize(zhat[0] + zhat[1], dim=0), -3: F.normalize(zhat[2] + zhat[3], dim=0)}
    expected = []
    for i in range(4):
        own, other = (5, -3) if i < 2 else (-3, 5)
        mate = i ^ 1  # the other point of the entity
        pos = zhat[i] @ zhat[mate] / T  # leave-one-out centroid of one point: the point
        neg = zhat[i] @ c[other] / T
        expected.append(torch.logsumexp(torch.stack([pos, neg]), 0) - pos)
    got = cldmdf.centroid_contrastive_loss(z, entity, T, True, "none")
    torch.testing.assert_close(got, torch.stack(expected), **TOL[torch.float64])


def test_without_leave_one_out_the_positive_is_the_full_centroid(device):
    z = torch.tensor([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0], [3.0, 4.0]],
                     dtype=torch.float64, device=device)
    entity = torch.tensor([1, 1, 2, 2, 2], device=device)
    T = 0.3
    zhat = F.normalize(z, dim=1)
    c = torch.stack([F.normalize(zhat[:2].sum(0), dim=0), F.normalize(zhat[2:].sum(0), dim=0)])
    logits = zhat @ c.t() / T
    own = logits[torch.arange(5), torch.tensor([0, 0, 1, 1, 1])]
    expected = torch.logsumexp(logits, 1) - own
    got = cldmdf.centroid_contrastive_loss(z, entity, T, False, "none")
    torch.testing.assert_close(got, expected, **TOL[torch.float64])


def test_scale_of_z_does_not_matter(device):
    gen = make_generator("scale")
    z, entity = centroid_loss_inputs(30, 8, gen, E=5, device=device)
    scale = torch.rand(30, 1, generator=gen, dtype=torch.float64).to(device) * 100 + 0.01
    torch.testing.assert_close(cldmdf.centroid_contrastive_loss(z, entity, reduction="none"),
                               cldmdf.centroid_contrastive_loss(z * scale, entity,
                                                                reduction="none"),
                               **TOL[torch.float64])


@pytest.mark.parametrize("leave_one_out", LOO)
def test_reductions_agree_with_each_other(device, leave_one_out):
    gen = make_generator("reductions", leave_one_out)
    z, entity = centroid_loss_inputs(40, 8, gen, E=9, singletons=3, device=device)
    none = cldmdf.centroid_contrastive_loss(z, entity, 0.1, leave_one_out, "none")
    total = cldmdf.centroid_contrastive_loss(z, entity, 0.1, leave_one_out, "sum")
    mean = cldmdf.centroid_contrastive_loss(z, entity, 0.1, leave_one_out, "mean")
    included = 40 - 3 if leave_one_out else 40
    assert none.shape == (40,) and total.shape == () and mean.shape == ()
    torch.testing.assert_close(total, none.sum(), **TOL[torch.float64])
    torch.testing.assert_close(mean, none.sum() / included, **TOL[torch.float64])


def test_singletons_are_excluded_with_leave_one_out(device):
    gen = make_generator("excluded")
    z = randn((6, 4), gen, device=device)
    entity = torch.tensor([0, 1, 1, 2, 2, 3], device=device)  # 0 and 3 are singletons
    none = cldmdf.centroid_contrastive_loss(z, entity, 0.1, True, "none")
    assert none[0] == 0 and none[5] == 0
    assert torch.all(none[1:5] > 0)
    mean = cldmdf.centroid_contrastive_loss(z, entity, 0.1, True, "mean")
    torch.testing.assert_close(mean, none.sum() / 4, **TOL[torch.float64])
    # without leave-one-out a singleton is its own centroid and is included
    none_full = cldmdf.centroid_contrastive_loss(z, entity, 0.1, False, "none")
    assert torch.all(none_full > 0)


# --------------------------------------------------------------------------- ids

@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=dtype_id)
def test_arbitrary_int64_ids_match_reference(device, dtype, leave_one_out):
    gen = make_generator("ids", leave_one_out, dtype_id(dtype))
    E = len(ARBITRARY_IDS)
    ids = torch.tensor(ARBITRARY_IDS)[torch.randperm(E, generator=gen)]
    z, entity = centroid_loss_inputs(40, 8, gen, E=E, ids=ids, singletons=2, dtype=dtype,
                                     device=device)
    check_against_reference(*run_both(z, entity, 0.1, leave_one_out, "none", gen), dtype)


@pytest.mark.parametrize("leave_one_out", LOO)
def test_only_the_partition_of_ids_matters(device, leave_one_out):
    """Relabelling entities (negative, 2**62, unsorted, ...) changes nothing."""
    gen = make_generator("relabel", leave_one_out)
    E = len(ARBITRARY_IDS)
    z, dense = centroid_loss_inputs(50, 8, gen, E=E, ids=torch.arange(E), singletons=2,
                                    device=device)
    arbitrary = torch.tensor(ARBITRARY_IDS, device=device)[dense]
    z_a, z_b = leaf(z), leaf(z)
    a = cldmdf.centroid_contrastive_loss(z_a, dense, 0.1, leave_one_out, "none")
    b = cldmdf.centroid_contrastive_loss(z_b, arbitrary, 0.1, leave_one_out, "none")
    torch.testing.assert_close(a, b, **TOL[torch.float64])
    a.sum().backward()
    b.sum().backward()
    torch.testing.assert_close(z_a.grad, z_b.grad, **TOL[torch.float64])


def test_permuting_points_permutes_per_point_losses(device):
    gen = make_generator("permute")
    z, entity = centroid_loss_inputs(30, 8, gen, E=6, singletons=1, device=device)
    perm = torch.randperm(30, generator=gen).to(device)
    a = cldmdf.centroid_contrastive_loss(z, entity, 0.1, True, "none")
    b = cldmdf.centroid_contrastive_loss(z[perm], entity[perm], 0.1, True, "none")
    torch.testing.assert_close(b, a[perm], **TOL[torch.float64])


# --------------------------------------------------------------------------- edge cases

@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_single_point(device, leave_one_out, reduction):
    """One point: excluded with leave-one-out (no positive); otherwise its entity is the
    only one and L = 0. Either way the loss and its gradient are 0."""
    gen = make_generator("single", leave_one_out, reduction)
    z = leaf(randn((1, 5), gen, device=device))
    entity = torch.tensor([2 ** 62], device=device)
    loss = cldmdf.centroid_contrastive_loss(z, entity, 0.1, leave_one_out, reduction)
    assert loss.shape == ((1,) if reduction == "none" else ())
    assert torch.all(loss == 0)
    loss.sum().backward()
    assert torch.all(z.grad == 0)


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32] + REDUCED_DTYPES, ids=dtype_id)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_one_entity_gives_exactly_zero_loss(device, dtype, leave_one_out, reduction):
    gen = make_generator("one-entity", leave_one_out, reduction, dtype_id(dtype))
    z = leaf(randn((17, 6), gen, dtype, device))
    entity = torch.full((17,), -123456789, dtype=torch.int64, device=device)
    loss = cldmdf.centroid_contrastive_loss(z, entity, 0.1, leave_one_out, reduction)
    assert torch.all(loss == 0), loss
    loss.sum().backward()
    torch.testing.assert_close(z.grad, torch.zeros_like(z.grad), **TOL[dtype])


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_all_singletons_with_leave_one_out_give_zero_loss_and_grad(device, reduction):
    gen = make_generator("singletons", reduction)
    z = leaf(randn((12, 4), gen, device=device))
    entity = torch.tensor([9, -9, 2 ** 62, 0, 1, 7, -(2 ** 62), 3, 4, 5, 6, 8], device=device)
    loss = cldmdf.centroid_contrastive_loss(z, entity, 0.1, True, reduction)
    assert not torch.isnan(loss).any()
    assert torch.all(loss == 0)
    (gz,) = torch.autograd.grad(loss, z, torch.ones_like(loss))
    assert torch.all(gz == 0)


def test_all_singletons_without_leave_one_out_are_included(device):
    gen = make_generator("singletons-full")
    z = randn((12, 4), gen, device=device)
    entity = torch.arange(12, device=device) * 1000 - 5000
    check_against_reference(*run_both(z, entity, 0.1, False, "mean", gen), torch.float64)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_empty_batch_gives_zero_loss(device, reduction):
    """N = 0: no point is included, so the mean (and the sum) is 0."""
    z = leaf(torch.zeros(0, 4, dtype=torch.float64, device=device))
    entity = torch.zeros(0, dtype=torch.int64, device=device)
    loss = cldmdf.centroid_contrastive_loss(z, entity, 0.1, True, reduction)
    assert loss.shape == ((0,) if reduction == "none" else ())
    assert torch.all(loss == 0)
    (gz,) = torch.autograd.grad(loss, z, torch.ones_like(loss))
    assert gz.shape == (0, 4)


def test_zero_vector_point_is_normalised_with_the_epsilon(device):
    """z_i = 0: zhat_i = 0 / max(0, 1e-12) = 0, no NaN; matches the reference."""
    gen = make_generator("zero-row")
    z = randn((8, 4), gen, device=device)
    z[3] = 0.0
    entity = torch.tensor([0, 0, 1, 1, 1, 2, 2, 0], device=device)
    results = run_both(z, entity, 0.1, True, "none", gen)
    assert torch.isfinite(results[0]).all() and torch.isfinite(results[1]).all()
    check_against_reference(*results, torch.float64)


def test_nan_in_z_propagates_like_reference(device):
    gen = make_generator("nan")
    z = randn((10, 4), gen, device=device)
    z[2, 1] = float("nan")
    entity = torch.tensor([0, 0, 1, 1, 1, 2, 2, 0, 3, 3], device=device)
    got = cldmdf.centroid_contrastive_loss(z, entity, 0.1, True, "none")
    want = reference.centroid_contrastive_loss(z, entity, 0.1, True, "none")
    assert torch.equal(torch.isnan(got), torch.isnan(want))
    torch.testing.assert_close(got, want, equal_nan=True, **TOL[torch.float64])


# --------------------------------------------------------------------------- layouts

@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
def test_noncontiguous_z_and_entity(device, leave_one_out, reduction):
    gen = make_generator("layout", leave_one_out, reduction)
    z, entity = centroid_loss_inputs(40, 8, gen, E=7, singletons=2, device=device)
    zs, es = with_layout(z, "noncontiguous"), with_layout(entity, "noncontiguous")
    assert not zs.is_contiguous() and not es.is_contiguous()
    a_z, b_z = leaf(z), leaf(zs)
    a = cldmdf.centroid_contrastive_loss(a_z, entity, 0.1, leave_one_out, reduction)
    b = cldmdf.centroid_contrastive_loss(b_z, es, 0.1, leave_one_out, reduction)
    torch.testing.assert_close(a, b, atol=0, rtol=0)
    upstream = randn(a.shape, gen, device=device)
    ga = torch.autograd.grad(a, a_z, upstream)[0]
    gb = torch.autograd.grad(b, b_z, with_layout(upstream, "noncontiguous"))[0]
    torch.testing.assert_close(ga, gb, **TOL[torch.float64])
    check_against_reference(*run_both(zs, es, 0.1, leave_one_out, reduction, gen),
                            torch.float64)


def test_expanded_z_is_read_correctly(device):
    """A zero-stride z (every point the same vector): every logit is 1/T, so each
    included point has L = log(E)."""
    gen = make_generator("expanded")
    z = randn((1, 6), gen, device=device).expand(10, 6)
    assert z.stride(0) == 0
    entity = torch.tensor([0, 0, 1, 1, 2, 2, 2, 3, 3, 0], device=device)
    got = cldmdf.centroid_contrastive_loss(z, entity, 0.3, True, "none")
    torch.testing.assert_close(got, torch.full_like(got, math.log(4)), **TOL[torch.float64])
    torch.testing.assert_close(got, reference.centroid_contrastive_loss(z, entity, 0.3, True,
                                                                        "none"),
                               **TOL[torch.float64])


# --------------------------------------------------------------------------- gradcheck

GRADCHECK_CASES = [
    # N, P, E, singletons, temperature
    (6, 3, 2, 0, 0.1),
    (10, 4, 4, 1, 0.5),
    (9, 5, 5, 2, 1.0),
    (4, 2, 1, 0, 0.3),
]


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("N,P,E,singletons,temperature", GRADCHECK_CASES)
def test_gradcheck(device, N, P, E, singletons, temperature, leave_one_out, reduction):
    gen = make_generator("gradcheck", N, P, E, leave_one_out, reduction)
    z = leaf(with_layout(randn((N, P), gen, device=device), "noncontiguous"))
    entity = make_entities(N, E, gen, device, singletons=singletons)
    assert torch.autograd.gradcheck(
        lambda z: cldmdf.centroid_contrastive_loss(z, entity, temperature, leave_one_out,
                                                   reduction),
        [z], eps=1e-6, atol=1e-6, rtol=1e-5)


def test_no_gradient_to_entity(device):
    z = leaf(torch.randn(6, 3, dtype=torch.float64, device=device))
    entity = torch.tensor([0, 0, 1, 1, 2, 2], device=device)
    loss = cldmdf.centroid_contrastive_loss(z, entity)
    assert loss.requires_grad
    loss.backward()
    assert z.grad is not None and entity.grad is None


def test_ops_wrapper_is_the_registered_operator(device):
    z = torch.randn(6, 3, dtype=torch.float64, device=device)
    entity = torch.tensor([0, 0, 1, 1, 2, 2], device=device)
    assert torch.equal(cldmdf.centroid_contrastive_loss(z, entity, 0.2, False, "sum"),
                       torch.ops.cldmdf.centroid_contrastive_loss(z, entity, 0.2, False, "sum"))


# --------------------------------------------------------------------------- the scaled form (OPS.md 4a)

SCALES = [pytest.param(10.0, id="s10"), pytest.param(0.7, id="s0.7"), pytest.param(0.0, id="s0"),
          pytest.param(-3.0, id="s-3")]


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("scale", SCALES)
def test_scaled_loss_and_both_gradients_match_reference(device, scale, leave_one_out, reduction):
    gen = make_generator("scaled", scale, leave_one_out, reduction)
    z, entity = centroid_loss_inputs(70, 9, gen, E=13, singletons=2, device=device)
    op_z, op_s = leaf(z), leaf(torch.tensor(scale, dtype=torch.float32, device=device))
    loss = cldmdf.centroid_contrastive_loss_scaled(op_z, entity, op_s, leave_one_out, reduction)
    upstream = randn(loss.shape, gen, loss.dtype, loss.device)
    gz, gs = torch.autograd.grad(loss, (op_z, op_s), upstream)
    ref_z, ref_s = as_reference_input(z), leaf(torch.tensor(scale, dtype=torch.float64))
    ref = reference.centroid_contrastive_loss_scaled(ref_z, entity, ref_s, leave_one_out, reduction)
    ref_gz, ref_gs = torch.autograd.grad(ref, (ref_z, ref_s), upstream.double())
    assert_close(loss, ref, torch.float32, "loss")
    assert_close(gz, ref_gz, torch.float32, "grad z")
    assert_close(gs, ref_gs, torch.float32, "grad scale")
    assert gs.dtype == torch.float32 and gs.shape == ()


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
def test_scaled_loss_equals_the_temperature_form_at_scale_one_over_t(device, leave_one_out,
                                                                     reduction):
    gen = make_generator("scaled-vs-T", leave_one_out, reduction)
    z, entity = centroid_loss_inputs(20, 5, gen, E=6, singletons=1, device=device)
    scaled = cldmdf.centroid_contrastive_loss_scaled(z, entity, torch.tensor(4.0, dtype=torch.float64,
                                                                             device=device),
                                                     leave_one_out, reduction)
    plain = cldmdf.centroid_contrastive_loss(z, entity, 0.25, leave_one_out, reduction)
    torch.testing.assert_close(scaled, plain, **TOL[torch.float64])


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("scale", SCALES)
def test_scaled_gradcheck(device, scale, leave_one_out, reduction):
    gen = make_generator("scaled-gradcheck", scale, leave_one_out, reduction)
    z = leaf(with_layout(randn((10, 4), gen, device=device), "noncontiguous"))
    s = leaf(torch.tensor(scale, dtype=torch.float64, device=device))
    entity = make_entities(10, 4, gen, device, singletons=1)
    assert torch.autograd.gradcheck(
        lambda z, s: cldmdf.centroid_contrastive_loss_scaled(z, entity, s, leave_one_out, reduction),
        [z, s], eps=1e-6, atol=1e-6, rtol=1e-5)


@pytest.mark.parametrize("dtype", REDUCED_DTYPES, ids=dtype_id)
def test_scaled_reduced_precision_with_a_float32_scale(device, dtype):
    gen = make_generator("scaled-reduced", dtype)
    z, entity = centroid_loss_inputs(40, 8, gen, E=7, dtype=dtype, device=device)
    s = leaf(torch.tensor(5.0, device=device))
    loss = cldmdf.centroid_contrastive_loss_scaled(leaf(z), entity, s)
    (gs,) = torch.autograd.grad(loss, s)
    ref_s = leaf(torch.tensor(5.0, dtype=torch.float64))
    ref = reference.centroid_contrastive_loss_scaled(as_reference_input(z), entity, ref_s)
    (ref_gs,) = torch.autograd.grad(ref, ref_s)
    assert loss.dtype == dtype and gs.dtype == torch.float32
    assert_close(loss, ref, dtype, "loss")
    assert_close(gs, ref_gs, dtype, "grad scale")


def test_scaled_empty_batch(device):
    z = leaf(torch.zeros(0, 3, dtype=torch.float64, device=device))
    s = leaf(torch.tensor(2.0, dtype=torch.float64, device=device))
    loss = cldmdf.centroid_contrastive_loss_scaled(z, torch.zeros(0, dtype=torch.int64, device=device), s)
    loss.backward()
    assert loss.item() == 0.0 and s.grad.item() == 0.0 and z.grad.shape == (0, 3)


def test_scaled_nan_scale_propagates(device):
    z = torch.randn(6, 3, dtype=torch.float64, device=device)
    entity = torch.tensor([0, 0, 1, 1, 2, 2], device=device)
    loss = cldmdf.centroid_contrastive_loss_scaled(z, entity, torch.tensor(math.nan, dtype=torch.float64,
                                                                          device=device))
    assert torch.isnan(loss)


def test_scaled_learns_its_scale_like_the_reference():
    """A few SGD steps on (z, log scale): the operator and the reference move together."""
    gen = make_generator("scaled-training")
    z0, entity = centroid_loss_inputs(32, 6, gen, E=5)
    runs = []
    for loss_fn in (cldmdf.centroid_contrastive_loss_scaled, reference.centroid_contrastive_loss_scaled):
        z, log_s = leaf(z0.clone()), leaf(torch.tensor(1.0, dtype=torch.float64))
        opt = torch.optim.SGD([z, log_s], lr=0.1)
        for _ in range(5):
            opt.zero_grad()
            loss_fn(z, entity, log_s.exp()).backward()
            opt.step()
        runs.append((z.detach(), log_s.detach()))
    torch.testing.assert_close(runs[0][0], runs[1][0])
    torch.testing.assert_close(runs[0][1], runs[1][1])


# --------------------------------------------------------------------------- given entity sums (OPS.md 4c)

@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float16, torch.bfloat16], ids=dtype_id)
def test_from_sums_loss_and_every_gradient_match_reference(device, dtype, leave_one_out):
    gen = make_generator("from-sums", dtype, leave_one_out)
    z, index, sums, counts = from_sums_inputs(90, 12, 40, gen, local_entities=30, dtype=dtype,
                                              device=device)
    op_z, op_sums = leaf(z), leaf(sums)
    op_s = leaf(torch.tensor(6.0, dtype=torch.float32, device=device))
    loss = cldmdf.ops.centroid_contrastive_loss_from_sums(op_z, index, op_sums, counts, op_s,
                                                          leave_one_out)
    upstream = randn(loss.shape, gen, loss.dtype, loss.device)
    grads = torch.autograd.grad(loss, (op_z, op_sums, op_s), upstream)
    ref_in = [as_reference_input(z), as_reference_input(sums),
              leaf(torch.tensor(6.0, dtype=torch.float64))]
    ref = reference.centroid_contrastive_loss_from_sums(ref_in[0], index, ref_in[1], counts,
                                                        ref_in[2], leave_one_out)
    ref_grads = torch.autograd.grad(ref, ref_in, upstream.double())
    assert_close(loss, ref, dtype, "losses")
    for name, g, r in zip(("z", "sums", "scale"), grads, ref_grads):
        assert_close(g, r, dtype if name != "scale" else torch.float32, f"grad {name}")
    assert grads[1].dtype == dtype and grads[2].dtype == torch.float32


@pytest.mark.parametrize("leave_one_out", LOO)
def test_from_sums_gradcheck(device, leave_one_out):
    gen = make_generator("from-sums-gradcheck", leave_one_out)
    z, index, sums, counts = from_sums_inputs(11, 4, 7, gen, local_entities=5, device=device)
    z = leaf(with_layout(z, "noncontiguous"))
    scale = leaf(torch.tensor(3.0, dtype=torch.float64, device=device))
    assert torch.autograd.gradcheck(
        lambda a, b, c: cldmdf.ops.centroid_contrastive_loss_from_sums(a, index, b, counts, c,
                                                                        leave_one_out),
        (z, leaf(sums), scale))


def test_from_sums_with_the_local_sums_is_the_single_process_loss(device):
    gen = make_generator("from-sums-local")
    z, entity = centroid_loss_inputs(40, 6, gen, E=9, singletons=2, device=device)
    ids, index = torch.unique(entity, return_inverse=True)
    for leave_one_out in (True, False):
        op_z = leaf(z)
        zhat = torch.nn.functional.normalize(op_z, dim=1, eps=1e-12)
        sums = zhat.new_zeros(len(ids), 6).index_add(0, index, zhat)
        counts = torch.bincount(index, minlength=len(ids))
        got = cldmdf.ops.centroid_contrastive_loss_from_sums(
            op_z, index, sums, counts, torch.tensor(5.0, dtype=torch.float64, device=device),
            leave_one_out)
        want = cldmdf.centroid_contrastive_loss(z, entity, 0.2, leave_one_out, "none")
        torch.testing.assert_close(got, want, **TOL[torch.float64])
        # the gradient through the sums (autograd) plus the direct one is the full gradient
        plain_z = leaf(z)
        (want_g,) = torch.autograd.grad(
            cldmdf.centroid_contrastive_loss(plain_z, entity, 0.2, leave_one_out, "sum"), plain_z)
        (got_g,) = torch.autograd.grad(got.sum(), op_z)
        torch.testing.assert_close(got_g, want_g, **TOL[torch.float64])


def test_from_sums_entities_without_local_points_and_an_empty_rank(device):
    gen = make_generator("from-sums-empty")
    z, index, sums, counts = from_sums_inputs(0, 5, 4, gen, dtype=torch.float32, device=device)
    op_z, op_sums = leaf(z), leaf(sums)
    loss = cldmdf.ops.centroid_contrastive_loss_from_sums(
        op_z, index, op_sums, counts, torch.tensor(2.0, device=device), True)
    assert loss.shape == (0,)
    gz, gsums = torch.autograd.grad(loss.sum(), (op_z, op_sums), allow_unused=True)
    assert gz.shape == (0, 5)
    assert gsums is None or torch.equal(gsums, torch.zeros_like(sums))


# --------------------------------------------------------------------------- differentiated in the forward

@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float16], ids=dtype_id)
def test_one_pass_gradients_equal_the_recomputing_backward(device, dtype, leave_one_out,
                                                           reduction):
    """A reduced loss that will be differentiated runs cldmdf::centroid_contrastive_loss_with_grad
    (loss and gradients from one pass of tiles); its result and gradients are those of the
    forward kernel and the backward operator."""
    gen = make_generator("one-pass", dtype, leave_one_out, reduction)
    z, entity = centroid_loss_inputs(80, 10, gen, E=12, singletons=2, dtype=dtype, device=device)
    op_z = leaf(z)
    loss = cldmdf.centroid_contrastive_loss(op_z, entity, 0.2, leave_one_out, reduction)
    assert "OnePass" in type(loss.grad_fn).__name__
    upstream = torch.tensor(1.7, dtype=dtype, device=device)
    (gz,) = torch.autograd.grad(loss, op_z, upstream)
    with torch.no_grad():
        want = cldmdf.centroid_contrastive_loss(z, entity, 0.2, leave_one_out, reduction)
    want_gz = torch.ops.cldmdf.centroid_contrastive_loss_backward(upstream, z, entity, 0.2,
                                                                  leave_one_out, reduction)
    torch.testing.assert_close(loss, want, **TOL[dtype])
    torch.testing.assert_close(gz, want_gz, **TOL[dtype])


def test_one_pass_scaled_gradient_into_the_scale(device):
    gen = make_generator("one-pass-scaled")
    z, entity = centroid_loss_inputs(40, 6, gen, E=7, singletons=1, device=device,
                                     requires_grad=True)
    scale = leaf(torch.tensor(3.0, dtype=torch.float64, device=device))
    loss = cldmdf.centroid_contrastive_loss_scaled(z, entity, scale, True, "mean")
    assert "OnePass" in type(loss.grad_fn).__name__
    got = torch.autograd.grad(loss, (z, scale), torch.tensor(-0.5, dtype=torch.float64,
                                                              device=device))
    want = torch.ops.cldmdf.centroid_contrastive_loss_scaled_backward(
        torch.tensor(-0.5, dtype=torch.float64, device=device), z.detach(), entity,
        scale.detach(), True, "mean")
    for g, w in zip(got, want):
        torch.testing.assert_close(g, w, **TOL[torch.float64])


def test_second_derivatives_are_a_clear_error(device):
    gen = make_generator("double-backward")
    z, entity = centroid_loss_inputs(20, 4, gen, E=5, device=device, requires_grad=True)
    for reduction in REDUCTIONS:
        loss = cldmdf.centroid_contrastive_loss(z, entity, 0.3, True, reduction).sum()
        with pytest.raises(RuntimeError, match="second derivatives are not supported"):
            torch.autograd.grad(loss, z, create_graph=True)


def test_the_one_pass_operator_needs_a_reduced_loss(device):
    z = torch.randn(6, 3, device=device)
    with pytest.raises(RuntimeError, match="argument 'reduction' expected"):
        torch.ops.cldmdf.centroid_contrastive_loss_with_grad(
            z, torch.tensor([0, 0, 1, 1, 2, 2], device=device), torch.tensor(2.0, device=device),
            True, "none", False)
