"""Typed Python entry points of the three operators (``torch.ops.cldmdf.*``).

Shapes: ``B`` batch, ``M`` modalities, ``D`` feature width, ``K`` query/key
width, ``H`` heads, ``G`` gate groups, ``N`` points, ``P`` point width.
``mask[b, m]`` is True where modality m of sample b is present (None: all).
float16/bfloat16 inputs are accumulated in float32. The full contract,
edge cases and errors are in the project's OPS.md.
"""
from typing import Optional, Tuple

import torch
from torch import Tensor


def dual_attention(x: Tensor, feat_logits: Tensor, query: Tensor, key: Tensor,
                   mask: Optional[Tensor] = None, num_heads: int = 1,
                   feat_temperature: float = 1.0,
                   need_weights: bool = True) -> Tuple[Tensor, Tensor, Tensor]:
    """Feature-level then modality-level attention.

    ``feat_weights = softmax_d(feat_logits / feat_temperature)``  [B, M, D];
    ``v = D * feat_weights * x``;
    ``mod_weights[b, h, i, :] = masked_softmax_j(<q_i^h, k_j^h> / sqrt(K / H))`` over present j,
    [B, H, M, M] (rows of missing modalities are computed too);
    ``out[b, i, h-th slice] = sum_j mod_weights[b, h, i, j] * v[b, j, h-th slice]``  [B, M, D].
    x, feat_logits: [B, M, D]; query, key: [B, M, K]; H divides D and K.
    Returns ``(out, feat_weights, mod_weights)``; a sample with nothing present gets zeros.
    With ``need_weights=False`` both weight outputs are empty (shape [0]) and never written;
    ``out`` and every gradient are unchanged.
    """
    return torch.ops.cldmdf.dual_attention.default(x, feat_logits, query, key, mask, num_heads,
                                                   feat_temperature, need_weights)


def adaptive_fusion(h: Tensor, gate_logits: Tensor, mask: Optional[Tensor] = None,
                    temperature: float = 1.0, need_weights: bool = True) -> Tuple[Tensor, Tensor]:
    """Per-sample gated fusion of M modalities.

    ``weights[b, :, g] = masked_softmax_m(gate_logits[b, m, g] / temperature)``  [B, M, G];
    ``fused[b, d] = sum_m weights[b, m, g(d)] * h[b, m, d]``  [B, D], where group g covers
    features [g*D/G, (g+1)*D/G). h: [B, M, D]; gate_logits: [B, M, G] with G dividing D
    (G = 1: attention pooling, G = D: per-feature gate). Returns ``(fused, weights)``;
    with ``need_weights=False`` the weights are empty (shape [0]) and never written.
    """
    return torch.ops.cldmdf.adaptive_fusion.default(h, gate_logits, mask, temperature,
                                                    need_weights)


def centroid_contrastive_loss(z: Tensor, entity: Tensor, temperature: float = 0.1,
                              leave_one_out: bool = True, reduction: str = "mean") -> Tensor:
    """Entity-centroid contrastive loss.

    Points ``z`` [N, P] are L2-normalised; each entity (distinct int64 value of
    ``entity`` [N]) has centroid ``c_u = normalize(sum of its points)``. Point i of entity e
    scores ``<zhat_i, c_u> / temperature`` against every entity, with the positive
    ``c_e`` replaced by the centroid of the entity's *other* points when
    ``leave_one_out`` (points alone in their entity are then excluded).
    ``L_i = logsumexp_u(logits_i) - logit_i,e``; ``reduction`` is "mean" (over included
    points, 0 if none), "sum" or "none" ([N], 0 at excluded points). Gradient flows to z.
    Memory is O(N * P + E * P): no [N, N] or [N, E] buffer is kept.
    """
    return torch.ops.cldmdf.centroid_contrastive_loss.default(z, entity, temperature,
                                                              leave_one_out, reduction)


def centroid_contrastive_loss_scaled(z: Tensor, entity: Tensor, scale: Tensor,
                                     leave_one_out: bool = True, reduction: str = "mean") -> Tensor:
    """The entity-centroid loss with a learned scale (OPS.md 4a): the logits are
    ``scale * <zhat_i, c_u>`` instead of ``<zhat_i, c_u> / temperature``; ``scale`` is a 0-dim
    floating tensor on z's device (CLIP's ``logit_scale.exp()``, GE2E's ``w``). Gradient flows
    to ``z`` and to ``scale``; its sign is not checked. Otherwise as
    :func:`centroid_contrastive_loss`.
    """
    return torch.ops.cldmdf.centroid_contrastive_loss.scaled(z, entity, scale, leave_one_out,
                                                             reduction)


def centroid_contrastive_loss_from_sums(z: Tensor, entity_index: Tensor, sums: Tensor,
                                        counts: Tensor, scale: Tensor,
                                        leave_one_out: bool = True) -> Tensor:
    """The per-point losses of z's points against given entity sums (OPS.md 4c), the
    building block of the loss across processes (:mod:`cldmdf.distributed`).

    ``sums`` [E, P] (z's dtype) holds S_u, the sum of the L2-normalised points of entity u over
    every process; ``counts`` [E] int64 their numbers of points (leave-one-out drops points whose
    entity has one point in all); ``entity_index`` [N] int64 in [0, E) is each point's row;
    ``scale`` a 0-dim floating tensor multiplying the cosines (1 / temperature, or learned).
    Returns ``L_i`` [N] (0 for excluded points). Gradients flow to ``z`` (its direct part),
    ``sums`` and ``scale``.
    """
    return torch.ops.cldmdf.centroid_contrastive_loss_from_sums.default(
        z, entity_index, sums, counts, scale, leave_one_out)
