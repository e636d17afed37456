"""Search variants of dual attention (feature softmax gating, then masked
softmax attention across modalities) and their constraints.

Replaced by torch.ops.cldmdf.dual_attention. Stock code and the operator
differ on one edge: a sample with no present modality gets NaN from a stock
masked softmax and exactly 0 from the operator."""
import math

import torch

from .base import NearMiss, Pattern, differs, product_variants

SENTINELS = dict(B=11, M=6, D=15, K=35, H=5, temperature=0.7123,
                 scale_div=math.sqrt(7.0), scale_mul=1.0 / math.sqrt(7.0))


def _make_inputs(s):
    B, M, D, K = s["B"], s["M"], s["D"], s["K"]
    return (torch.randn(B, M, D), torch.randn(B, M, D), torch.randn(B, M, K), torch.randn(B, M, K),
            torch.rand(B, M) > 0.3)


def _build(heads, mask, matmul, reshape, scale, feat_temp):
    if heads == "single" and (reshape == "reshape" or matmul == "einsum"):
        return None  # no head split to spell differently

    def fn(x, feat_logits, query, key, mask_t, *, B, M, D, K, H, temperature,
           scale_div, scale_mul):
        logits = feat_logits / temperature if feat_temp == "div" else feat_logits
        feat_weights = torch.softmax(logits, dim=-1)
        v = D * feat_weights * x
        split = (lambda t: t.view(B, M, H, -1)) if reshape == "view" else (
            lambda t: t.reshape(B, M, H, -1))
        if heads == "single":
            scores = torch.matmul(query, key.transpose(-2, -1))
        elif matmul == "einsum":
            scores = torch.einsum("bihd,bjhd->bhij", split(query), split(key))
        else:
            scores = torch.matmul(split(query).transpose(1, 2),
                                  split(key).transpose(1, 2).transpose(-2, -1))
        scores = scores / scale_div if scale == "div" else scores * scale_mul
        if mask != "none":
            missing = ~mask_t[:, None, :] if heads == "single" else ~mask_t[:, None, None, :]
            if mask == "masked_fill":
                scores = scores.masked_fill(missing, float("-inf"))
            else:
                scores = torch.where(missing, torch.full_like(scores, float("-inf")), scores)
        weights = torch.softmax(scores, dim=-1)
        if heads == "single":
            return torch.matmul(weights, v)
        if matmul == "einsum":
            return torch.einsum("bhij,bjhd->bihd", weights, split(v)).reshape(B, M, D)
        return torch.matmul(weights, split(v).transpose(1, 2)).transpose(1, 2).reshape(B, M, D)

    return fn, ("out",)


def _bind(inputs, bound, choice):
    x, query = inputs["x"], inputs["query"]
    B, M, D = x.shape
    K = query.shape[-1]
    for name, actual in (("B", B), ("M", M), ("D", D), ("K", K)):
        if name in bound and differs(bound[name], actual):
            raise NearMiss(f"size {name}: the graph uses {bound[name]} where the inputs have {actual}")
    H = bound.get("H", 1)
    if not isinstance(H, int) or H <= 0 or K % H or D % H:
        raise NearMiss(f"heads: {H} does not divide K={K} and D={D}")
    dk = K // H
    if "scale_div" in bound and not math.isclose(bound["scale_div"], math.sqrt(dk), rel_tol=1e-6):
        raise NearMiss(f"scale: scores divided by {bound['scale_div']}, not sqrt(d_k)={math.sqrt(dk)}")
    if "scale_mul" in bound and not math.isclose(bound["scale_mul"], 1 / math.sqrt(dk), rel_tol=1e-6):
        raise NearMiss(f"scale: scores multiplied by {bound['scale_mul']}, not 1/sqrt(d_k)")
    temperature = float(bound.get("temperature", 1.0))
    if not temperature > 0:
        raise NearMiss(f"temperature: {temperature} is not > 0")
    return (H, temperature)


PATTERN = Pattern(
    name="dual_attention",
    op_name="dual_attention",
    inputs=("x", "feat_logits", "query", "key", "mask"),
    sentinels=SENTINELS,
    make_inputs=_make_inputs,
    bind=_bind,
    outputs=("out", "feat_weights", "mod_weights"),
    variants=product_variants(_build, dict(
        heads=["multi", "single"], mask=["masked_fill", "where", "none"],
        matmul=["matmul", "einsum"], reshape=["view", "reshape"], scale=["div", "mul"],
        feat_temp=["div", "none"])),
    edge_note="a sample with no present modality: stock masked softmax gives NaN, "
              "the fused operator gives 0",
    size_sources=dict(
        B=tuple((t, 0) for t in ("x", "feat_logits", "query", "key", "mask")),
        M=tuple((t, 1) for t in ("x", "feat_logits", "query", "key", "mask")),
        D=(("x", 2), ("feat_logits", 2)), K=(("query", 2), ("key", 2))),
)
