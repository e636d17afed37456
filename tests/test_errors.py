"""OPS.md "Errors": a bad call raises RuntimeError whose message names the operator,
the argument, and what was expected versus what was given; it never crashes or
silently broadcasts. NaN/inf in the inputs is not an error.

Each case is (id, operator name in the message, argument name, call). A call gets
the device and performs one bad call; everything but the named argument is valid.
"""
import math

import pytest
import torch

import cldmdf
from cldmdf.testing import (adaptive_fusion_inputs, centroid_loss_inputs, dual_attention_inputs,
                            from_sums_inputs)
from conftest import requires_cuda

F32, F64 = torch.float32, torch.float64
B, M, D, K, H, G, N, P = 2, 3, 8, 4, 2, 4, 6, 5


def _t(shape, device, dtype=F32):
    if dtype.is_floating_point:
        return torch.randn(shape, device=device).to(dtype)
    if dtype == torch.bool:
        return torch.ones(shape, dtype=dtype, device=device)
    return torch.ones(shape, device=device).to(dtype)


# --------------------------------------------------------------------------- dual_attention

def dual_attention(device, x=None, feat_logits=None, query=None, key=None, mask="valid",
                   num_heads=H, feat_temperature=1.0):
    valid = dual_attention_inputs(B, M, D, K, dtype=F32, device=device, mask="all_present")
    x = valid.x if x is None else x
    feat_logits = valid.feat_logits if feat_logits is None else feat_logits
    query = valid.query if query is None else query
    key = valid.key if key is None else key
    if isinstance(mask, str):
        mask = valid.mask
    return cldmdf.dual_attention(x, feat_logits, query, key, mask, num_heads, feat_temperature)


DUAL_ATTENTION_CASES = [
    # rank
    ("x-rank2", "x", lambda d: dual_attention(d, x=_t((B, M * D), d))),
    ("x-rank4", "x", lambda d: dual_attention(d, x=_t((B, M, D, 1), d))),
    ("feat_logits-rank2", "feat_logits", lambda d: dual_attention(d, feat_logits=_t((B, M * D), d))),
    ("query-rank2", "query", lambda d: dual_attention(d, query=_t((B, M * K), d))),
    ("key-rank4", "key", lambda d: dual_attention(d, key=_t((B, M, K, 1), d))),
    ("x-rank0", "x", lambda d: dual_attention(d, x=_t((), d))),
    # mismatched shapes (including broadcastable ones: never silently broadcast)
    ("feat_logits-D", "feat_logits", lambda d: dual_attention(d, feat_logits=_t((B, M, D + 1), d))),
    ("feat_logits-M1", "feat_logits", lambda d: dual_attention(d, feat_logits=_t((B, 1, D), d))),
    ("feat_logits-B", "feat_logits", lambda d: dual_attention(d, feat_logits=_t((B + 1, M, D), d))),
    ("query-M", "query", lambda d: dual_attention(d, query=_t((B, M + 1, K), d))),
    ("query-B1", "query", lambda d: dual_attention(d, query=_t((1, M, K), d))),
    ("key-K", "key", lambda d: dual_attention(d, key=_t((B, M, K + 2), d))),
    ("key-M", "key", lambda d: dual_attention(d, key=_t((B, M - 1, K), d))),
    # heads
    ("D%H", "num_heads", lambda d: dual_attention(d, num_heads=3, query=_t((B, M, 6), d),
                                                  key=_t((B, M, 6), d))),
    ("K%H", "num_heads", lambda d: dual_attention(d, num_heads=4, query=_t((B, M, 6), d),
                                                  key=_t((B, M, 6), d))),
    ("num_heads0", "num_heads", lambda d: dual_attention(d, num_heads=0)),
    ("num_heads-1", "num_heads", lambda d: dual_attention(d, num_heads=-1)),
    # temperature
    ("temperature0", "feat_temperature", lambda d: dual_attention(d, feat_temperature=0.0)),
    ("temperature-neg", "feat_temperature", lambda d: dual_attention(d, feat_temperature=-0.5)),
    ("temperature-inf", "feat_temperature", lambda d: dual_attention(d, feat_temperature=math.inf)),
    ("temperature--inf", "feat_temperature",
     lambda d: dual_attention(d, feat_temperature=-math.inf)),
    ("temperature-nan", "feat_temperature", lambda d: dual_attention(d, feat_temperature=math.nan)),
    # dtypes
    ("feat_logits-float64", "feat_logits",
     lambda d: dual_attention(d, feat_logits=_t((B, M, D), d, F64))),
    ("query-float16", "query", lambda d: dual_attention(d, query=_t((B, M, K), d, torch.float16))),
    ("key-bfloat16", "key", lambda d: dual_attention(d, key=_t((B, M, K), d, torch.bfloat16))),
    ("x-int64", "x", lambda d: dual_attention(d, x=_t((B, M, D), d, torch.int64))),
    ("x-int32-all", "x", lambda d: dual_attention(
        d, *[_t(s, d, torch.int32) for s in ((B, M, D), (B, M, D), (B, M, K), (B, M, K))])),
    ("feat_logits-int32", "feat_logits",
     lambda d: dual_attention(d, feat_logits=_t((B, M, D), d, torch.int32))),
    ("query-int64", "query", lambda d: dual_attention(d, query=_t((B, M, K), d, torch.int64))),
    ("key-bool", "key", lambda d: dual_attention(d, key=_t((B, M, K), d, torch.bool))),
    ("x-complex", "x", lambda d: dual_attention(d, x=_t((B, M, D), d).to(torch.complex64))),
    # mask
    ("mask-uint8", "mask", lambda d: dual_attention(d, mask=_t((B, M), d, torch.uint8))),
    ("mask-float", "mask", lambda d: dual_attention(d, mask=_t((B, M), d, F32))),
    ("mask-int64", "mask", lambda d: dual_attention(d, mask=_t((B, M), d, torch.int64))),
    ("mask-M+1", "mask", lambda d: dual_attention(d, mask=_t((B, M + 1), d, torch.bool))),
    ("mask-rank1", "mask", lambda d: dual_attention(d, mask=_t((B,), d, torch.bool))),
    ("mask-rank3", "mask", lambda d: dual_attention(d, mask=_t((B, M, 1), d, torch.bool))),
    ("mask-B1", "mask", lambda d: dual_attention(d, mask=_t((1, M), d, torch.bool))),
    ("mask-transposed", "mask", lambda d: dual_attention(d, mask=_t((M, B), d, torch.bool))),
]

# --------------------------------------------------------------------------- adaptive_fusion


def adaptive_fusion(device, h=None, gate_logits=None, mask="valid", temperature=1.0):
    valid = adaptive_fusion_inputs(B, M, D, G, dtype=F32, device=device, mask="all_present")
    h = valid.h if h is None else h
    gate_logits = valid.gate_logits if gate_logits is None else gate_logits
    if isinstance(mask, str):
        mask = valid.mask
    return cldmdf.adaptive_fusion(h, gate_logits, mask, temperature)


ADAPTIVE_FUSION_CASES = [
    ("h-rank2", "h", lambda d: adaptive_fusion(d, h=_t((B, M * D), d))),
    ("h-rank4", "h", lambda d: adaptive_fusion(d, h=_t((B, M, D, 1), d))),
    ("gate_logits-rank2", "gate_logits", lambda d: adaptive_fusion(d, gate_logits=_t((B, M), d))),
    ("gate_logits-rank4", "gate_logits",
     lambda d: adaptive_fusion(d, gate_logits=_t((B, M, G, 1), d))),
    ("gate_logits-M", "gate_logits", lambda d: adaptive_fusion(d, gate_logits=_t((B, M + 1, G), d))),
    ("gate_logits-M1", "gate_logits", lambda d: adaptive_fusion(d, gate_logits=_t((B, 1, G), d))),
    ("gate_logits-B", "gate_logits", lambda d: adaptive_fusion(d, gate_logits=_t((B + 1, M, G), d))),
    ("D%G", "gate_logits", lambda d: adaptive_fusion(d, gate_logits=_t((B, M, 3), d))),
    ("G>D", "gate_logits", lambda d: adaptive_fusion(d, gate_logits=_t((B, M, 2 * D), d))),
    ("G0", "gate_logits", lambda d: adaptive_fusion(d, gate_logits=_t((B, M, 0), d))),
    ("temperature0", "temperature", lambda d: adaptive_fusion(d, temperature=0.0)),
    ("temperature-neg", "temperature", lambda d: adaptive_fusion(d, temperature=-2.0)),
    ("temperature-inf", "temperature", lambda d: adaptive_fusion(d, temperature=math.inf)),
    ("temperature-nan", "temperature", lambda d: adaptive_fusion(d, temperature=math.nan)),
    ("gate_logits-float64", "gate_logits",
     lambda d: adaptive_fusion(d, gate_logits=_t((B, M, G), d, F64))),
    ("gate_logits-float16", "gate_logits",
     lambda d: adaptive_fusion(d, gate_logits=_t((B, M, G), d, torch.float16))),
    ("h-int64", "h", lambda d: adaptive_fusion(d, h=_t((B, M, D), d, torch.int64))),
    ("h-int32-both", "h", lambda d: adaptive_fusion(d, _t((B, M, D), d, torch.int32),
                                                    _t((B, M, G), d, torch.int32))),
    ("gate_logits-int64", "gate_logits",
     lambda d: adaptive_fusion(d, gate_logits=_t((B, M, G), d, torch.int64))),
    ("mask-uint8", "mask", lambda d: adaptive_fusion(d, mask=_t((B, M), d, torch.uint8))),
    ("mask-float", "mask", lambda d: adaptive_fusion(d, mask=_t((B, M), d, F32))),
    ("mask-M+1", "mask", lambda d: adaptive_fusion(d, mask=_t((B, M + 1), d, torch.bool))),
    ("mask-rank1", "mask", lambda d: adaptive_fusion(d, mask=_t((M,), d, torch.bool))),
    ("mask-B1", "mask", lambda d: adaptive_fusion(d, mask=_t((1, M), d, torch.bool))),
    ("mask-rank3", "mask", lambda d: adaptive_fusion(d, mask=_t((B, M, 1), d, torch.bool))),
]

# --------------------------------------------------------------------------- centroid_contrastive_loss


IDS = [0, 0, 1, 1, 2, 2]  # the valid entity ids of N points


def centroid_loss(device, z=None, entity=None, temperature=0.1, leave_one_out=True,
                  reduction="mean"):
    valid = centroid_loss_inputs(N, P, entities=IDS, dtype=F32, device=device)
    z = valid.z if z is None else z
    entity = valid.entity if entity is None else entity
    return cldmdf.centroid_contrastive_loss(z, entity, temperature, leave_one_out, reduction)


CENTROID_LOSS_CASES = [
    ("z-rank1", "z", lambda d: centroid_loss(d, z=_t((N,), d))),
    ("z-rank3", "z", lambda d: centroid_loss(d, z=_t((N, P, 1), d))),
    ("z-int64", "z", lambda d: centroid_loss(d, z=_t((N, P), d, torch.int64))),
    ("z-bool", "z", lambda d: centroid_loss(d, z=_t((N, P), d, torch.bool))),
    ("entity-int32", "entity",
     lambda d: centroid_loss(d, entity=torch.zeros(N, dtype=torch.int32, device=d))),
    ("entity-float", "entity", lambda d: centroid_loss(d, entity=_t((N,), d, F32))),
    ("entity-bool", "entity", lambda d: centroid_loss(d, entity=_t((N,), d, torch.bool))),
    ("entity-N+1", "entity",
     lambda d: centroid_loss(d, entity=torch.zeros(N + 1, dtype=torch.int64, device=d))),
    ("entity-N-1", "entity",
     lambda d: centroid_loss(d, entity=torch.zeros(N - 1, dtype=torch.int64, device=d))),
    ("entity-rank2", "entity",
     lambda d: centroid_loss(d, entity=torch.zeros(N, 1, dtype=torch.int64, device=d))),
    ("entity-rank0", "entity",
     lambda d: centroid_loss(d, entity=torch.tensor(0, device=d))),
    ("temperature0", "temperature", lambda d: centroid_loss(d, temperature=0.0)),
    ("temperature-neg", "temperature", lambda d: centroid_loss(d, temperature=-0.1)),
    ("temperature-inf", "temperature", lambda d: centroid_loss(d, temperature=math.inf)),
    ("temperature-nan", "temperature", lambda d: centroid_loss(d, temperature=math.nan)),
    ("reduction-avg", "reduction", lambda d: centroid_loss(d, reduction="avg")),
    ("reduction-empty", "reduction", lambda d: centroid_loss(d, reduction="")),
    ("reduction-MEAN", "reduction", lambda d: centroid_loss(d, reduction="MEAN")),
    ("reduction-batchmean", "reduction", lambda d: centroid_loss(d, reduction="batchmean")),
]


def scaled_loss(device, scale=None, z=None, reduction="mean"):
    valid = centroid_loss_inputs(N, P, entities=IDS, dtype=F32, device=device)
    z = valid.z if z is None else z
    scale = torch.tensor(2.0, device=device) if scale is None else scale
    return cldmdf.centroid_contrastive_loss_scaled(z, valid.entity, scale, True, reduction)


SCALED_LOSS_CASES = [
    ("scale-shape1", "scale", lambda d: scaled_loss(d, scale=torch.ones(1, device=d))),
    ("scale-shape2x1", "scale", lambda d: scaled_loss(d, scale=torch.ones(2, 1, device=d))),
    ("scale-int64", "scale", lambda d: scaled_loss(d, scale=torch.tensor(3, device=d))),
    ("scale-bool", "scale", lambda d: scaled_loss(d, scale=torch.tensor(True, device=d))),
    ("z-rank1", "z", lambda d: scaled_loss(d, z=_t((N,), d))),
    ("reduction-avg", "reduction", lambda d: scaled_loss(d, reduction="avg")),
]



def from_sums(device, **override):
    valid = from_sums_inputs(N, P, 3, dtype=F32, device=device)
    args = dict(z=valid.z, entity_index=valid.entity_index, sums=valid.sums,
                counts=valid.counts, scale=torch.tensor(2.0, device=device))
    args.update(override)
    return cldmdf.ops.centroid_contrastive_loss_from_sums(*args.values())


FROM_SUMS_CASES = [
    ("index-out-of-range", "entity_index",
     lambda d: from_sums(d, entity_index=torch.tensor([0, 0, 1, 3, 2, 2], device=d))),
    ("index-negative", "entity_index",
     lambda d: from_sums(d, entity_index=torch.tensor([0, -1, 1, 1, 2, 2], device=d))),
    ("index-int32", "entity_index",
     lambda d: from_sums(d, entity_index=torch.zeros(N, dtype=torch.int32, device=d))),
    ("index-short", "entity_index",
     lambda d: from_sums(d, entity_index=torch.zeros(N - 1, dtype=torch.int64, device=d))),
    ("sums-width", "sums", lambda d: from_sums(d, sums=_t((3, P + 1), d))),
    ("sums-rank1", "sums", lambda d: from_sums(d, sums=_t((3,), d))),
    ("sums-float64", "sums", lambda d: from_sums(d, sums=_t((3, P), d, F64))),
    ("counts-length", "counts",
     lambda d: from_sums(d, counts=torch.full((4,), 2, device=d))),
    ("counts-float", "counts", lambda d: from_sums(d, counts=torch.full((3,), 2.0, device=d))),
    ("scale-shape1", "scale", lambda d: from_sums(d, scale=torch.ones(1, device=d))),
    ("scale-int", "scale", lambda d: from_sums(d, scale=torch.tensor(2, device=d))),
]

# --------------------------------------------------------------------------- backward operators


def _dual_backward(d, **override):
    x, fl, q, k = dual_attention_inputs(B, M, D, K, dtype=F32, device=d).tensors
    args = dict(grad_out=_t((B, M, D), d), grad_feat_weights=_t((B, M, D), d),
                grad_mod_weights=_t((B, H, M, M), d), x=x, feat_logits=fl, query=q, key=k,
                mask=None, num_heads=H, feat_temperature=1.0)
    args.update(override)
    return torch.ops.cldmdf.dual_attention_backward(*args.values())


def _fusion_backward(d, **override):
    h, gate_logits = adaptive_fusion_inputs(B, M, D, G, dtype=F32, device=d).tensors
    args = dict(grad_fused=_t((B, D), d), grad_weights=_t((B, M, G), d), h=h,
                gate_logits=gate_logits, mask=None, temperature=1.0)
    args.update(override)
    return torch.ops.cldmdf.adaptive_fusion_backward(*args.values())


def _centroid_backward(d, reduction="mean", **override):
    z, entity = centroid_loss_inputs(N, P, entities=IDS, dtype=F32, device=d)
    args = dict(grad=_t((), d), z=z, entity=entity, temperature=0.1,
                leave_one_out=True, reduction=reduction)
    args.update(override)
    return torch.ops.cldmdf.centroid_contrastive_loss_backward(*args.values())


# Only the checks specific to the backward operators: the arguments they share with
# the forward operator are validated by the forward operator's check and reported
# under its name (e.g. "cldmdf::dual_attention: argument 'num_heads'").
BACKWARD_CASES = [
    ("dual_attention_backward", "grad_out",
     lambda d: _dual_backward(d, grad_out=_t((B, M, D + 1), d))),
    ("dual_attention_backward", "grad_feat_weights",
     lambda d: _dual_backward(d, grad_feat_weights=_t((B, M, D), d, F64))),
    ("dual_attention_backward", "grad_mod_weights",
     lambda d: _dual_backward(d, grad_mod_weights=_t((B, H + 1, M, M), d))),
    ("dual_attention_backward", "grad_mod_weights",
     lambda d: _dual_backward(d, grad_mod_weights=_t((B, M, M), d))),
    ("adaptive_fusion_backward", "grad_fused",
     lambda d: _fusion_backward(d, grad_fused=_t((B, M, D), d))),
    ("adaptive_fusion_backward", "grad_fused",
     lambda d: _fusion_backward(d, grad_fused=_t((B, D + 1), d))),
    ("adaptive_fusion_backward", "grad_weights",
     lambda d: _fusion_backward(d, grad_weights=_t((B, M, G + 1), d))),
    ("centroid_contrastive_loss_backward", "grad",
     lambda d: _centroid_backward(d, grad=_t((N,), d))),
    ("centroid_contrastive_loss_backward", "grad",
     lambda d: _centroid_backward(d, "none", grad=_t((N + 1,), d))),
    ("centroid_contrastive_loss_backward", "grad",
     lambda d: _centroid_backward(d, grad=_t((), d, F64))),
    ("centroid_contrastive_loss_from_sums_backward", "grad",
     lambda d: torch.ops.cldmdf.centroid_contrastive_loss_from_sums_backward(
         _t((N + 1,), d), *from_sums_inputs(N, P, 3, dtype=F32, device=d),
         torch.tensor(2.0, device=d), True)),
]

ALL_CASES = (
    [pytest.param("dual_attention", arg, fn, id=f"dual_attention-{cid}")
     for cid, arg, fn in DUAL_ATTENTION_CASES]
    + [pytest.param("adaptive_fusion", arg, fn, id=f"adaptive_fusion-{cid}")
       for cid, arg, fn in ADAPTIVE_FUSION_CASES]
    + [pytest.param("centroid_contrastive_loss", arg, fn, id=f"centroid_loss-{cid}")
       for cid, arg, fn in CENTROID_LOSS_CASES]
    + [pytest.param("centroid_contrastive_loss.scaled", arg, fn, id=f"scaled_loss-{cid}")
       for cid, arg, fn in SCALED_LOSS_CASES]
    + [pytest.param("centroid_contrastive_loss_from_sums", arg, fn, id=f"from_sums-{cid}")
       for cid, arg, fn in FROM_SUMS_CASES]
    + [pytest.param(op, arg, fn, id=f"{op}-{arg}-{i}")
       for i, (op, arg, fn) in enumerate(BACKWARD_CASES)]
)


def check_message(message: str, op: str, arg: str) -> None:
    assert f"cldmdf::{op}" in message or op in message, f"operator {op!r} not named: {message}"
    assert f"'{arg}'" in message, f"argument '{arg}' not named: {message}"
    assert "expected" in message, f"message does not say what was expected: {message}"
    assert "got" in message, f"message does not say what was given: {message}"


@pytest.mark.parametrize("op,arg,call", ALL_CASES)
def test_bad_call_raises_runtime_error_naming_operator_and_argument(device, op, arg, call):
    with pytest.raises(RuntimeError) as info:
        call(device)
    check_message(str(info.value), op, arg)


@pytest.mark.parametrize("op,arg,call", ALL_CASES)
def test_bad_call_raises_under_no_grad(device, op, arg, call):
    """The check does not depend on autograd being involved."""
    with torch.no_grad(), pytest.raises(RuntimeError):
        call(device)


def test_check_messages_report_what_was_given(device):
    with pytest.raises(RuntimeError, match=r"got num_heads = 3"):
        dual_attention(device, num_heads=3, query=_t((B, M, 6), device), key=_t((B, M, 6), device))
    with pytest.raises(RuntimeError, match=r"expected dtype float32 .*got float64"):
        dual_attention(device, key=_t((B, M, K), device, F64))
    with pytest.raises(RuntimeError, match=r"expected shape \[B, M\] = \[2, 3\]"):
        adaptive_fusion(device, mask=_t((B, M + 1), device, torch.bool))
    with pytest.raises(RuntimeError, match=r'got "avg"'):
        centroid_loss(device, reduction="avg")
    with pytest.raises(RuntimeError, match=r"expected dtype int64, got int32"):
        centroid_loss(device, entity=torch.zeros(N, dtype=torch.int32, device=device))


# --------------------------------------------------------------------------- devices (GPU only)

DEVICE_CASES = [
    ("dual_attention", "feat_logits",
     lambda: dual_attention("cuda", feat_logits=_t((B, M, D), "cpu"))),
    ("dual_attention", "query", lambda: dual_attention("cuda", query=_t((B, M, K), "cpu"))),
    ("dual_attention", "key", lambda: dual_attention("cpu", key=_t((B, M, K), "cuda"))),
    ("dual_attention", "mask", lambda: dual_attention("cuda", mask=_t((B, M), "cpu", torch.bool))),
    ("dual_attention", "mask", lambda: dual_attention("cpu", mask=_t((B, M), "cuda", torch.bool))),
    ("adaptive_fusion", "gate_logits",
     lambda: adaptive_fusion("cuda", gate_logits=_t((B, M, G), "cpu"))),
    ("adaptive_fusion", "mask",
     lambda: adaptive_fusion("cuda", mask=_t((B, M), "cpu", torch.bool))),
    ("centroid_contrastive_loss", "entity",
     lambda: centroid_loss("cuda", entity=torch.tensor(IDS))),
    ("centroid_contrastive_loss", "entity",
     lambda: centroid_loss("cpu", entity=torch.tensor(IDS, device="cuda"))),
]


@requires_cuda
@pytest.mark.parametrize("op,arg,call", [pytest.param(*c, id=f"{c[0]}-{c[1]}-{i}")
                                         for i, c in enumerate(DEVICE_CASES)])
def test_tensors_on_different_devices_raise(op, arg, call):
    with pytest.raises(RuntimeError) as info:
        call()
    check_message(str(info.value), op, arg)


# --------------------------------------------------------------------------- not errors

def test_nan_and_inf_inputs_are_not_errors(device):
    x = _t((B, M, D), device)
    x[0, 0, 0] = math.nan
    x[1, 2, 3] = math.inf
    out = dual_attention(device, x=x)
    assert torch.isnan(out[0]).any()
    fused, _ = adaptive_fusion(device, h=x)
    assert torch.isnan(fused).any()
    z = _t((N, P), device)
    z[1, 1] = math.nan
    assert torch.isnan(centroid_loss(device, z=z))


def test_valid_calls_succeed(device):
    """The baseline every error case perturbs is itself valid."""
    dual_attention(device)
    adaptive_fusion(device)
    centroid_loss(device)
    for reduction in ("mean", "sum", "none"):
        centroid_loss(device, reduction=reduction)
    _dual_backward(device)
    _fusion_backward(device)
    _centroid_backward(device)
    _centroid_backward(device, "none", grad=_t((N,), device))
