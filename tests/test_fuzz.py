"""Property-based tests (hypothesis) of the three operators against cldmdf.reference.

Hypothesis draws the cases: shapes (B = 0, M = 1, D = H, K = H included), dtypes (float64,
float32, float16, bfloat16, each with the tolerance of OPS.md "Reference and tolerances"),
layouts of every input (contiguous, strided, transposed, sliced with a storage offset,
zero-stride expanded), masks (None, random, all missing, all present, mixed), large logits in
float64/float16/bfloat16, ±inf and NaN where OPS.md says how they propagate, and the loss's
entity distributions (random, one huge entity, all singletons, one entity; ids anywhere in
int64, the extremes included) in both its forms (temperature, learned scale). Forward values
and autograd gradients are compared with the reference evaluated in float64 on the values the
operator saw, with the input builders of cldmdf.testing and the checks of tests/conftest.py and
the operator tests.

What is checked for non-finite inputs is what OPS.md promises, no more:
* "NaN or inf in the inputs propagates like it would through the reference math": forward
  outputs equal the reference's, NaN and inf positions included (gradients of non-finite
  inputs are not specified and not compared). mask=None is compared with the reference under
  an all-True mask, OPS.md's meaning of None (see reference_mask);
* "a missing modality's values never reach a result": NaN/inf in the x, feat_logits and key
  (dual_attention) or h and gate_logits (adaptive_fusion) of missing modalities leave out /
  mod_weights / fused / weights bit for bit unchanged, and the gradients of present inputs
  finite and as without them;
* "a batch with one entity only gives L_i = 0 exactly" (and leave-one-out over singletons).

Where no float32 arithmetic can meet the tolerance the case is not held to it: a case whose
float32 evaluation of the reference misses the float64 one too passes when the operator's
error is of that size (close_or_ill_conditioned), and loss cases with a nearly cancelling
entity sum are filtered out (centroids_conditioned). ±inf scales of the loss are drawn too;
the bug they found (logsumexp shifted by an infinite max) has its own minimised test.

Every case runs on "cpu", on "cudasim" (the CUDA kernels under the SIMT emulator, smaller
shapes, a third of the examples) and on "cuda" where there is a GPU.

Bounded time: the default profile ("ci") draws from a fixed seed per test and device (the
same cases on every run, no example database), with 100-150 examples per test on the CPU;
the file runs in about 15 s on two cores. A longer, randomized search is run by hand:

    CLDMDF_FUZZ_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py -q

("long": 40x the examples, about 7 minutes, a fresh random seed on each run, failures saved
under .pytest_cache/cldmdf-hypothesis and replayed first next time). CLDMDF_FUZZ_EXAMPLES=<n>
sets the number of examples per test on the CPU in either profile. A failure prints the
falsifying case (a dict: shapes, dtype, layouts, seed of its values) and the blob to replay it
with @reproduce_failure.
"""
import math
import os
import zlib
from typing import NamedTuple

import pytest
import torch
from hypothesis import HealthCheck, assume, given, seed, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

import cldmdf
from cldmdf import reference, testing
from conftest import (FLOAT_DTYPES, TOL, as_reference_input, assert_close,
                      grads, leaf, noncontiguous, randn)
import test_adaptive_fusion as fusion_tests
import test_centroid_loss as loss_tests
import test_dual_attention as dual_tests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --------------------------------------------------------------------------- profiles

PROFILE = os.environ.get("CLDMDF_FUZZ_PROFILE", "ci")
if PROFILE not in ("ci", "long"):
    raise ValueError(f"CLDMDF_FUZZ_PROFILE must be 'ci' or 'long', got {PROFILE!r}")
_BASE = dict(deadline=None, print_blob=True,
             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                    HealthCheck.filter_too_much])
if PROFILE == "ci":   # a fixed seed per test and device (run_fuzz), no example database
    settings.register_profile("cldmdf-fuzz", database=None, **_BASE)
    SCALE = 1
else:
    settings.register_profile(
        "cldmdf-fuzz", derandomize=False,
        database=DirectoryBasedExampleDatabase(os.path.join(ROOT, ".pytest_cache",
                                                            "cldmdf-hypothesis")), **_BASE)
    SCALE = 40
# Not loaded globally (other hypothesis tests keep their own settings): each test applies it.
FUZZ = settings.get_profile("cldmdf-fuzz")


def examples(kind: str, ci_cpu: int) -> int:
    """Examples of one test: `ci_cpu` on the CPU in the ci profile, 40x in the long one; the
    emulator runs a third (at least 3)."""
    n = int(os.environ.get("CLDMDF_FUZZ_EXAMPLES", ci_cpu * SCALE))
    return n if kind != "cudasim" else max(3, n // 3)


class Caps(NamedTuple):
    B: int     # batch
    M: int     # modalities
    H: int     # heads / gate groups
    dv: int    # features per head / group
    dk: int    # query/key width per head
    N: int     # loss points
    P: int     # loss point width


CAPS = {"cpu": Caps(B=6, M=6, H=4, dv=20, dk=12, N=48, P=12),
        "cuda": Caps(B=6, M=6, H=4, dv=20, dk=12, N=48, P=12),
        # the emulator runs every CUDA thread as a fiber: small cases only
        "cudasim": Caps(B=4, M=4, H=3, dv=9, dk=9, N=24, P=8)}


@pytest.fixture
def fuzz_device(device, request):
    """(device for the tensors, kind: "cpu", "cuda" or "cudasim")."""
    return device, request.node.callspec.params["device"]


def run_fuzz(kind, n, strategy, check):
    """Runs check(case) for `n` cases drawn from `strategy` under the fuzz profile; in the
    ci profile from a seed fixed by the test's name and the device."""
    @settings(FUZZ, max_examples=n)
    @given(case=strategy)
    def fuzz(case):
        check(case)
    if PROFILE == "ci":
        fuzz = seed(zlib.crc32(f"{check.__qualname__}/{kind}".encode()))(fuzz)
    fuzz()


# --------------------------------------------------------------------------- layouts, masks, values

LAYOUTS = ["contiguous", "strided", "transposed", "sliced", "expanded"]
INDEX_LAYOUTS = ["contiguous", "strided", "sliced"]      # bool masks, int64 ids
# cldmdf.testing.make_mask's kinds ("mixed": an all-missing and an all-present sample), in the
# order the fixed-seed ci profile has always drawn them from
MASK_KINDS = ["none", "random", "all_missing", "all_present", "mixed"]
assert sorted(MASK_KINDS) == sorted(testing.MASK_KINDS)
WITH_MISSING = ["random", "all_missing", "mixed"]


def relayout(t, layout):
    """`t`'s values (for "expanded": its first slice along dim 1, or dim 0 of a 1-/2-D
    tensor, broadcast) in the given memory layout."""
    if t is None or layout == "contiguous":
        return t
    if layout == "strided":      # conftest: reversed dims, stride 2, NaN/junk in the gaps
        return noncontiguous(t)
    if layout == "transposed":   # first and last dims swapped in memory, no gaps
        if t.dim() < 2:
            return t
        return t.transpose(0, -1).contiguous().transpose(0, -1)
    if layout == "sliced":       # a window of a wider buffer, at a storage offset
        fill = float("nan") if t.dtype.is_floating_point else (True if t.dtype == torch.bool
                                                                 else 987654321)
        buf = torch.full((*t.shape[:-1], t.shape[-1] + 5), fill, dtype=t.dtype, device=t.device)
        view = buf[..., 3:3 + t.shape[-1]]
        view.copy_(t)
        return view
    assert layout == "expanded", layout
    dim = 1 if t.dim() >= 3 else 0
    if t.shape[dim] == 0:
        return t
    return t.narrow(dim, 0, 1).expand_as(t)


# Scales of the logits' standard normal values: large ones in float64/float16/bfloat16
# (float16 stays far from its 65504 limit, bfloat16 goes further), moderate in float32 (at
# large logits float32 inputs are ill-conditioned for any float32 arithmetic, OPS.md's 1e-4
# included; the existing suites draw the same line).
LOGIT_SCALES = {torch.float64: [1.0, 30.0, 3000.0], torch.float32: [1.0, 5.0],
                torch.float16: [1.0, 30.0, 3000.0], torch.bfloat16: [1.0, 30.0, 1e5]}
QK_SCALES = {torch.float64: [1.0, 10.0, 100.0], torch.float32: [1.0, 2.0],
             torch.float16: [1.0, 10.0, 30.0], torch.bfloat16: [1.0, 10.0, 100.0]}
TEMPERATURES = st.sampled_from([1.0, 0.5, 2.0]) | st.floats(0.5, 3.0)
SEEDS = st.integers(0, 2 ** 31 - 1)
NONFINITE = st.sampled_from([math.nan, math.inf, -math.inf])


def poisons(n_inputs):
    """Per input: a list of (position in [0, 1), value) of NaN/±inf to write into it."""
    one = st.lists(st.tuples(st.floats(0.0, 1.0, exclude_max=True), NONFINITE), max_size=3)
    return st.lists(one, min_size=n_inputs, max_size=n_inputs)


def poisoned(t, where, allowed=None):
    """`t` with NaN/inf written at the drawn positions (of the elements where `allowed`, an
    [B, M] bool mask, is True when given); returns a contiguous copy."""
    t = t.detach().clone().contiguous()
    flat = t.view(-1)
    if allowed is not None:
        candidates = allowed[..., None].expand(t.shape).reshape(-1).nonzero().view(-1)
    else:
        candidates = torch.arange(flat.numel(), device=t.device)
    for pos, value in where:
        if candidates.numel():
            flat[candidates[int(pos * candidates.numel())]] = value
    return t


def reference_mask(mask, B, M, device):
    """The mask the reference is evaluated with in the non-finite tests: OPS.md's None,
    "all present". (The reference's mask=None path is torch.softmax, which at infinite
    logits differs from its own masked arithmetic that OPS.md's notes describe and the
    operators follow for None and all-True alike: a row whose logits are all -inf gets NaN
    there instead of exactly 0, a row with one +inf gets NaN everywhere instead of NaN at
    the +inf and 0 elsewhere.)"""
    return torch.ones(B, M, dtype=torch.bool, device=device) if mask is None else mask


def assert_like_reference(got, want, dtype, names):
    """Forward outputs equal the reference's in dtype, shape and value, NaN and ±inf
    positions included."""
    for name, a, b in zip(names, got, want):
        assert a.dtype == dtype and a.shape == b.shape, name
        assert_close(a, b, dtype, what=name, equal_nan=True)


def assert_grads_close(got, want, dtype, names, where=None):
    for i, (name, a, b) in enumerate(zip(names, got, want)):
        if where is not None and where[i] is not None:
            a, b = a[where[i]], b[where[i]]
        assert torch.isfinite(a).all(), f"grad of {name} is not finite"
        assert_close(a, b, dtype, what=f"grad of {name}")


def float32_reference(fn, tensors, upstream):
    """The reference's outputs and input gradients evaluated in float32 (the operators'
    accumulation type) on the same input values and upstream gradients."""
    ins = [leaf(t.detach().float()) for t in tensors]
    outs = fn(ins)
    outs = list(outs) if isinstance(outs, (tuple, list)) else [outs]
    return outs + list(grads(outs, ins, [u.float() for u in upstream]))


def close_or_ill_conditioned(check, got, want, reference32, dtype):
    """check() (the operator against the float64 reference, OPS.md's tolerance of `dtype`).
    Where it fails in float32/float16/bfloat16, the case may be ill-conditioned for any
    float32 arithmetic (large logits over wide rows, cancelling gradient terms): if the
    reference's own math in float32 (reference32(), the list matching got / want) misses
    the float64 reference by the tolerance too, the operator passes when its error is of
    the same size (at most 10x float32's, plus atol). Otherwise the failure stands."""
    try:
        check()
        return
    except AssertionError as err:
        if dtype == torch.float64:
            raise
        failure = err
    ref32 = reference32()
    try:
        for a, b in zip(ref32, want):
            assert_close(a, b, dtype)
    except AssertionError:
        pass
    else:
        raise failure                       # float32 arithmetic can do it: the operator is off
    for i, (a, r, b) in enumerate(zip(got, ref32, want)):
        if b.numel() == 0:
            continue
        err_op = (a.detach().double() - b.detach().double()).abs().max().item()
        err_32 = (r.detach().double() - b.detach().double()).abs().max().item()
        assert err_op <= 10 * err_32 + TOL[dtype]["atol"], (
            f"result {i}: the operator is off by {err_op:.3g}, float32 reference arithmetic "
            f"by {err_32:.3g} (ill-conditioned case)\n{failure}")


# --------------------------------------------------------------------------- dual_attention

@st.composite
def dual_cases(draw, caps, finite=True, masks=MASK_KINDS, min_B=0):
    dtype = draw(st.sampled_from(FLOAT_DTYPES))
    H = draw(st.integers(1, caps.H))
    case = dict(
        dtype=dtype, B=draw(st.integers(min_B, caps.B)), M=draw(st.integers(1, caps.M)), H=H,
        D=H * draw(st.integers(1, caps.dv)),                 # dv = 1: D = H
        K=H * draw(st.integers(1, caps.dk)),
        mask=draw(st.sampled_from(masks)),
        layouts=draw(st.lists(st.sampled_from(LAYOUTS), min_size=4, max_size=4)),
        mask_layout=draw(st.sampled_from(INDEX_LAYOUTS)),
        feat_temperature=draw(TEMPERATURES),
        logit_scale=draw(st.sampled_from(LOGIT_SCALES[dtype] if finite else [1.0])),
        qk_scale=draw(st.sampled_from(QK_SCALES[dtype] if finite else [1.0])),
        seed=draw(SEEDS))
    if not finite:
        case["poison"] = draw(poisons(4))
    return case


def dual_inputs(case, device):
    """The case's inputs (contiguous) and the generator they were drawn from."""
    gen = testing.as_generator(case["seed"])
    tensors, mask = testing.dual_attention_inputs(
        case["B"], case["M"], case["D"], case["K"], gen, dtype=case["dtype"], device=device,
        mask=case["mask"], logit_scale=case["logit_scale"], qk_scale=case["qk_scale"]).unpack()
    return tensors, mask, gen


def apply_layouts(tensors, mask, case, broadcast=True):
    """The case's layouts; broadcast=False turns "expanded" (which copies one modality's
    values into every other) into "strided"."""
    layouts = [lay if broadcast or lay != "expanded" else "strided" for lay in case["layouts"]]
    return ([relayout(t, lay) for t, lay in zip(tensors, layouts)],
            relayout(mask, case["mask_layout"]))


def test_dual_attention_matches_reference(fuzz_device):
    """Outputs and the gradients of every floating input (for random upstream gradients on
    all three outputs) within OPS.md's tolerance of the float64 reference."""
    device, kind = fuzz_device

    def check(case):
        tensors, mask, gen = dual_inputs(case, device)
        tensors, mask = apply_layouts(tensors, mask, case)
        args = (mask, case["H"], case["feat_temperature"])
        upstream = [randn(s, gen, case["dtype"], device) for s in
                    (tensors[0].shape, tensors[0].shape,
                     (case["B"], case["H"], case["M"], case["M"]))]
        results = dual_tests.run_both(tensors, *args, upstream=upstream)
        close_or_ill_conditioned(
            lambda: dual_tests.check_against_reference(*results, case["dtype"]),
            [*results[0], *results[1]], [*results[2], *results[3]],
            lambda: float32_reference(lambda t: reference.dual_attention(*t, *args), tensors,
                                      upstream),
            case["dtype"])

    run_fuzz(kind, examples(kind, 150), dual_cases(CAPS[kind]), check)


def test_dual_attention_nonfinite_inputs_propagate_like_reference(fuzz_device):
    """NaN/±inf anywhere in x, feat_logits, query, key (present or missing modalities):
    the three outputs equal the reference's, NaN and inf positions included."""
    device, kind = fuzz_device

    def check(case):
        tensors, mask, _ = dual_inputs(case, device)
        tensors = [poisoned(t, p) for t, p in zip(tensors, case["poison"])]
        tensors, mask = apply_layouts(tensors, mask, case)
        args = (case["H"], case["feat_temperature"])
        got = cldmdf.dual_attention(*tensors, mask, *args)
        want = reference.dual_attention(*[as_reference_input(t) for t in tensors],
                                        reference_mask(mask, case["B"], case["M"], device), *args)
        assert_like_reference(got, want, case["dtype"], dual_tests.OUTPUT_NAMES)

    run_fuzz(kind, examples(kind, 100), dual_cases(CAPS[kind], finite=False), check)


def test_dual_attention_missing_modalities_never_reach_a_result(fuzz_device):
    """NaN/±inf in the x, feat_logits and key of missing modalities: out and mod_weights
    bit for bit as without them, feat_weights too at present modalities; the gradients of
    query and of the present x, feat_logits, key finite and as without them."""
    device, kind = fuzz_device

    def check(case):
        clean, mask, gen = dual_inputs(case, device)
        assume(mask is not None and case["B"] > 0 and not bool(mask.all()))
        x, fl, q, k = clean
        dirty = [poisoned(x, case["poison"][0], ~mask), poisoned(fl, case["poison"][1], ~mask),
                 q, poisoned(k, case["poison"][3], ~mask)]
        runs = []
        for tensors in (clean, dirty):
            tensors, m = apply_layouts(tensors, mask, case, broadcast=False)
            ins = [leaf(t) for t in tensors]
            outs = cldmdf.dual_attention(*ins, m, case["H"], case["feat_temperature"])
            runs.append((ins, outs))
        (c_in, c_out), (d_in, d_out) = runs
        assert torch.equal(d_out[0], c_out[0]), "out"
        assert torch.equal(d_out[2], c_out[2]), "mod_weights"
        assert torch.equal(d_out[1][mask], c_out[1][mask]), "feat_weights of present modalities"
        upstream = [randn(o.shape, gen, o.dtype, o.device) for o in c_out]
        assert_grads_close(grads(d_out, d_in, upstream), grads(c_out, c_in, upstream),
                           case["dtype"], dual_tests.INPUT_NAMES, where=[mask, mask, None, mask])

    run_fuzz(kind, examples(kind, 100),
             dual_cases(CAPS[kind], finite=False, masks=WITH_MISSING, min_B=1), check)


# --------------------------------------------------------------------------- adaptive_fusion

@st.composite
def fusion_cases(draw, caps, finite=True, masks=MASK_KINDS, min_B=0):
    dtype = draw(st.sampled_from(FLOAT_DTYPES))
    G = draw(st.integers(1, caps.H * 2))
    per_group = draw(st.integers(1, caps.dv))                # 1: G = D, the per-feature gate
    case = dict(
        dtype=dtype, B=draw(st.integers(min_B, caps.B)), M=draw(st.integers(1, caps.M)),
        D=G * per_group, G=G,
        mask=draw(st.sampled_from(masks)),
        layouts=draw(st.lists(st.sampled_from(LAYOUTS), min_size=2, max_size=2)),
        mask_layout=draw(st.sampled_from(INDEX_LAYOUTS)),
        temperature=draw(TEMPERATURES),
        logit_scale=draw(st.sampled_from(LOGIT_SCALES[dtype] if finite else [1.0])),
        seed=draw(SEEDS))
    if not finite:
        case["poison"] = draw(poisons(2))
    return case


def fusion_inputs(case, device):
    """The case's inputs (contiguous) and the generator they were drawn from."""
    gen = testing.as_generator(case["seed"])
    tensors, mask = testing.adaptive_fusion_inputs(
        case["B"], case["M"], case["D"], case["G"], gen, dtype=case["dtype"], device=device,
        mask=case["mask"], logit_scale=case["logit_scale"]).unpack()
    return tensors, mask, gen


def test_adaptive_fusion_matches_reference(fuzz_device):
    device, kind = fuzz_device

    def check(case):
        tensors, mask, gen = fusion_inputs(case, device)
        tensors, mask = apply_layouts(tensors, mask, case)
        state = gen.get_state()       # run_both draws its upstream gradients first
        results = fusion_tests.run_both(tensors, mask, case["temperature"], gen)
        gen.set_state(state)
        upstream = [randn(o.shape, gen, o.dtype, o.device) for o in results[0]]
        close_or_ill_conditioned(
            lambda: fusion_tests.check_against_reference(*results, case["dtype"]),
            [*results[0], *results[1]], [*results[2], *results[3]],
            lambda: float32_reference(
                lambda t: reference.adaptive_fusion(*t, mask, case["temperature"]), tensors,
                upstream),
            case["dtype"])

    run_fuzz(kind, examples(kind, 150), fusion_cases(CAPS[kind]), check)


def test_adaptive_fusion_nonfinite_inputs_propagate_like_reference(fuzz_device):
    device, kind = fuzz_device

    def check(case):
        tensors, mask, _ = fusion_inputs(case, device)
        tensors = [poisoned(t, p) for t, p in zip(tensors, case["poison"])]
        tensors, mask = apply_layouts(tensors, mask, case)
        got = cldmdf.adaptive_fusion(*tensors, mask, case["temperature"])
        want = reference.adaptive_fusion(*[as_reference_input(t) for t in tensors],
                                         reference_mask(mask, case["B"], case["M"], device),
                                         case["temperature"])
        assert_like_reference(got, want, case["dtype"], fusion_tests.OUTPUT_NAMES)

    run_fuzz(kind, examples(kind, 100), fusion_cases(CAPS[kind], finite=False), check)


def test_adaptive_fusion_missing_modalities_never_reach_a_result(fuzz_device):
    device, kind = fuzz_device

    def check(case):
        clean, mask, gen = fusion_inputs(case, device)
        assume(mask is not None and case["B"] > 0 and not bool(mask.all()))
        dirty = [poisoned(t, p, ~mask) for t, p in zip(clean, case["poison"])]
        runs = []
        for tensors in (clean, dirty):
            tensors, m = apply_layouts(tensors, mask, case, broadcast=False)
            ins = [leaf(t) for t in tensors]
            runs.append((ins, cldmdf.adaptive_fusion(*ins, m, case["temperature"])))
        (c_in, c_out), (d_in, d_out) = runs
        for name, a, b in zip(fusion_tests.OUTPUT_NAMES, d_out, c_out):
            assert torch.equal(a, b), name
        upstream = [randn(o.shape, gen, o.dtype, o.device) for o in c_out]
        assert_grads_close(grads(d_out, d_in, upstream), grads(c_out, c_in, upstream),
                           case["dtype"], fusion_tests.INPUT_NAMES, where=[mask, mask])

    run_fuzz(kind, examples(kind, 100),
             fusion_cases(CAPS[kind], finite=False, masks=WITH_MISSING, min_B=1), check)


# --------------------------------------------------------------------------- centroid_contrastive_loss

INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
ENTITY_KINDS = ["random", "one_huge", "singletons", "one_entity"]
IDS = st.sampled_from(loss_tests.ARBITRARY_IDS) | st.integers(INT64_MIN, INT64_MAX)


@st.composite
def entities(draw, max_n):
    """(kind, ids [N] as a Python list): the dense entity of each point mapped through
    distinct int64 ids, in a drawn order."""
    kind = draw(st.sampled_from(ENTITY_KINDS))
    N = draw(st.integers(0 if kind == "random" else 1, max_n))
    if kind == "random":
        E = draw(st.integers(1, max(1, N)))
        dense = draw(st.lists(st.integers(0, E - 1), min_size=N, max_size=N))
    elif kind == "one_huge":          # one entity with nearly every point, a few small ones
        small = draw(st.integers(0, min(3, N - 1)))
        dense = [0] * (N - small) + list(range(1, small + 1))
    elif kind == "singletons":
        dense = list(range(N))
    else:
        dense = [0] * N
    E = max(dense, default=-1) + 1
    ids = draw(st.lists(IDS, min_size=E, max_size=E, unique=True))
    order = draw(st.permutations(range(N)))
    return kind, [ids[dense[i]] for i in order]


@st.composite
def loss_cases(draw, caps, finite=True):
    dtype = draw(st.sampled_from(FLOAT_DTYPES))
    kind, ids = draw(entities(caps.N))
    form = draw(st.sampled_from(["temperature", "scaled"]))
    case = dict(
        # P = 1: zhat = +-1 and the gradient of z is exactly 0, so what float32 arithmetic
        # returns is rounding noise of about 6e-8 * |dL/dzhat| / |z|, beyond atol = 1e-5 at
        # small |z|: float64 only
        dtype=dtype, entities=kind, ids=ids,
        P=draw(st.integers(1 if dtype == torch.float64 else 2, max(2, caps.P))),
        leave_one_out=draw(st.booleans()),
        reduction=draw(st.sampled_from(loss_tests.REDUCTIONS)),
        form=form,
        temperature=draw(st.sampled_from([0.1, 0.05, 1.0]) | st.floats(0.05, 3.0)),
        z_layout=draw(st.sampled_from(LAYOUTS)),
        entity_layout=draw(st.sampled_from(INDEX_LAYOUTS)),
        seed=draw(SEEDS))
    if form == "scaled":
        case["scale_dtype"] = draw(st.sampled_from(FLOAT_DTYPES))
        values = st.sampled_from([10.0, 0.0, -3.0]) | st.floats(-20.0, 20.0)
        if not finite:
            values = values | st.sampled_from([math.nan, math.inf, -math.inf])
        case["scale"] = draw(values)
    if not finite:
        case["poison"] = draw(poisons(1))[0]
    return case


def loss_inputs(case, device):
    """The case's z and entity ids (contiguous) and the generator they were drawn from."""
    gen = testing.as_generator(case["seed"])
    z, entity = testing.centroid_loss_inputs(len(case["ids"]), case["P"], gen,
                                             entities=case["ids"], dtype=case["dtype"],
                                             device=device)
    return z, entity, gen


def centroids_conditioned(z, entity, leave_one_out, floor=1e-2):
    """False where a centroid is ill-conditioned: an entity sum S_u (or, with leave-one-out,
    S_e - zhat_i of an included point) whose normalised points nearly cancel (|S| < floor;
    P = 1 makes zhat = +-1 and exact cancellation common). There c = S / max(|S|, 1e-12)
    amplifies the last bit of zhat up to 1e12 times: OPS.md's zhat = z / |z| and the CPU
    kernel's z * (1 / |z|) differ by an ulp, and the reference's zero centroid becomes a
    1e-4 one (float64 losses off by 1e-4, float32/float16 gradients off by 1e6 or inf). No
    arithmetic short of the reference's exact rounding agrees there; hypothesis counts the
    cases left out as filtered."""
    zhat = torch.nn.functional.normalize(z.detach().double().cpu(), dim=1, eps=1e-12)
    if zhat.shape[0] == 0:
        return True
    _, inv = torch.unique(entity.cpu(), return_inverse=True)
    E = int(inv.max()) + 1
    sums = zhat.new_zeros(E, zhat.shape[1]).index_add(0, inv, zhat)
    if bool((sums.norm(dim=1) < floor).any()):
        return False
    if leave_one_out:
        counts = torch.bincount(inv, minlength=E)
        rest = (sums[inv] - zhat).norm(dim=1)
        if bool(((rest < floor) & (counts[inv] > 1)).any()):
            return False
    return True


def loss_call(fn, case, z, entity, scale):
    if case["form"] == "scaled":
        return fn.centroid_contrastive_loss_scaled(z, entity, scale, case["leave_one_out"],
                                                   case["reduction"])
    return fn.centroid_contrastive_loss(z, entity, case["temperature"], case["leave_one_out"],
                                        case["reduction"])


def test_centroid_loss_matches_reference(fuzz_device):
    """Loss and the gradient of z (and of scale, in the learned-scale form) within OPS.md's
    tolerance of the float64 reference; one entity gives exactly 0; so does leave-one-out
    with every point a singleton."""
    device, kind = fuzz_device

    def check(case):
        z, entity, gen = loss_inputs(case, device)
        z, entity = relayout(z, case["z_layout"]), relayout(entity, case["entity_layout"])
        assume(centroids_conditioned(z, entity, case["leave_one_out"]))
        dtype = case["dtype"]
        if case["form"] == "temperature":
            state = gen.get_state()   # run_both draws its upstream gradient first
            loss, gz, ref, ref_gz = loss_tests.run_both(z, entity, case["temperature"],
                                                        case["leave_one_out"],
                                                        case["reduction"], gen)
            gen.set_state(state)
            upstream = randn(loss.shape, gen, loss.dtype, loss.device)
            close_or_ill_conditioned(
                lambda: loss_tests.check_against_reference(loss, gz, ref, ref_gz, dtype),
                [loss, gz], [ref, ref_gz],
                lambda: float32_reference(lambda t: loss_call(reference, case, t[0], entity, None),
                                          [z], [upstream]),
                dtype)
        else:
            s_dtype = case["scale_dtype"]
            scale = torch.tensor(case["scale"], dtype=s_dtype, device=device)
            op_z, op_s = leaf(z), leaf(scale)
            loss = loss_call(cldmdf, case, op_z, entity, op_s)
            upstream = randn(loss.shape, gen, loss.dtype, loss.device)
            gz, gs = torch.autograd.grad(loss, (op_z, op_s), upstream)
            ref_z, ref_s = as_reference_input(z), as_reference_input(scale)
            ref = loss_call(reference, case, ref_z, entity, ref_s)
            ref_gz, ref_gs = torch.autograd.grad(ref, (ref_z, ref_s), upstream.double())
            assert loss.dtype == dtype and gz.dtype == dtype and gs.dtype == s_dtype
            assert loss.shape == ref.shape and gs.shape == ()
            # the scale's gradient sums over every logit in z's accumulation type and is
            # rounded to the scale's dtype: the looser of the two tolerances
            loose = max((dtype, s_dtype), key=lambda d: TOL[d]["rtol"])

            def compare():
                assert_close(loss, ref, dtype, "loss")
                assert_close(gz, ref_gz, dtype, "grad of z")
                assert_close(gs, ref_gs, loose, "grad of scale")

            close_or_ill_conditioned(
                compare, [loss, gz, gs], [ref, ref_gz, ref_gs],
                lambda: float32_reference(lambda t: loss_call(reference, case, t[0], entity, t[1]),
                                          [z, scale], [upstream]),
                loose)
        if case["entities"] == "one_entity" or (case["entities"] == "singletons"
                                                and case["leave_one_out"]):
            assert bool((loss == 0).all()), f"{case['entities']}: loss {loss} is not exactly 0"

    run_fuzz(kind, examples(kind, 150), loss_cases(CAPS[kind]), check)


def test_centroid_loss_nonfinite_inputs_propagate_like_reference(fuzz_device):
    """NaN/±inf in z (and NaN/±inf scales, which "go through the math"): the loss equals the
    reference's, NaN and inf positions included."""
    device, kind = fuzz_device

    def check(case):
        z, entity, _ = loss_inputs(case, device)
        z = poisoned(z, case["poison"])
        z, entity = relayout(z, case["z_layout"]), relayout(entity, case["entity_layout"])
        assume(centroids_conditioned(z, entity, case["leave_one_out"]))
        scale = None
        if case["form"] == "scaled":
            scale = torch.tensor(case["scale"], dtype=case["scale_dtype"], device=device)
        got = loss_call(cldmdf, case, z, entity, scale)
        want = loss_call(reference, case, as_reference_input(z), entity,
                         as_reference_input(scale))
        assert_like_reference([got], [want], case["dtype"], ["loss"])

    run_fuzz(kind, examples(kind, 100), loss_cases(CAPS[kind], finite=False), check)


def test_centroid_loss_infinite_logits_propagate_like_reference(device):
    """OPS.md 3a: infinite scales "go through the math" (minimised from the fuzz cases: the
    kernels once shifted logsumexp by an infinite max, exp(inf - inf) = NaN)."""
    z = torch.tensor([[1.0], [-1.0]], dtype=torch.float64, device=device)
    entity = torch.tensor([0, 1], device=device)
    scale = torch.tensor(-math.inf, dtype=torch.float64, device=device)
    want = reference.centroid_contrastive_loss_scaled(z, entity, scale, False, "none")
    assert torch.equal(want, torch.full_like(want, math.inf))
    got = cldmdf.centroid_contrastive_loss_scaled(z, entity, scale, False, "none")
    assert_close(got, want, torch.float64, what="loss", equal_nan=True)
