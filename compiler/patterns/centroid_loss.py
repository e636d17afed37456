"""Search variants of the entity-centroid contrastive loss as stock code writes
it: normalise the points, group them by entity with torch.unique, sum each
entity's points (index_add), normalise the sums into centroids, score every
point against every centroid and take the cross-entropy with the point's own
entity as the target. That is centroid_contrastive_loss with
leave_one_out=False; replaced by torch.ops.cldmdf.centroid_contrastive_loss,
which never builds the [N, E] logits."""
import torch
import torch.nn.functional as F

from .base import NearMiss, Pattern, product_variants

SENTINELS = dict(P=13, temperature=0.0913, inv_temperature=1 / 0.0913)


def _make_inputs(s):
    g = torch.Generator().manual_seed(0)
    return torch.randn(24, s["P"], generator=g), torch.randint(0, 5, (24,), generator=g)


def _build(normalize, segment_sum, zeros, temp, reduction):
    def unit(t):
        if normalize == "functional":
            return F.normalize(t, dim=1)
        return t / t.norm(dim=1, keepdim=True).clamp_min(1e-12)

    def fn(z, entity, *, P, temperature, inv_temperature):
        points = unit(z)
        ids, inverse = torch.unique(entity, return_inverse=True)
        if zeros == "zeros":
            sums = torch.zeros(ids.shape[0], P)
        else:
            sums = points.new_zeros(ids.shape[0], P)
        if segment_sum == "index_add_":
            sums.index_add_(0, inverse, points)
        else:
            sums = sums.index_add(0, inverse, points)
        logits = points @ unit(sums).t()
        logits = logits / temperature if temp == "div" else logits * inv_temperature
        return F.cross_entropy(logits, inverse, reduction=reduction)

    return fn, ("loss",)


def _bind(inputs, bound, choice):
    z = inputs["z"]
    if "P" in bound and bound["P"] != z.shape[1]:
        raise NearMiss(f"size P: the graph uses {bound['P']} where z has {z.shape[1]}")
    if "temperature" in bound:
        temperature = float(bound["temperature"])
    else:
        temperature = 1.0 / float(bound.get("inv_temperature", 1.0))
    if not temperature > 0:
        raise NearMiss(f"temperature: {temperature} is not > 0")
    return (temperature, False, choice["reduction"])


PATTERN = Pattern(
    name="centroid_contrastive_loss",
    op_name="centroid_contrastive_loss",
    inputs=("z", "entity"),
    sentinels=SENTINELS,
    make_inputs=_make_inputs,
    bind=_bind,
    outputs=("loss",),
    variants=product_variants(_build, dict(
        normalize=["functional", "manual"], segment_sum=["index_add_", "index_add"],
        zeros=["zeros", "new_zeros"], temp=["div", "mul"], reduction=["mean", "sum", "none"])),
    edge_note="leave_one_out=False (the stock idiom scores each point against its own "
              "entity's full centroid)",
    size_sources=dict(P=(("z", 1),)),
)
