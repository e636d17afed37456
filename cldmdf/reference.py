"""Plain-PyTorch implementations of the three operators, written straight
from OPS.md. They are the test oracle and the idiom the compiler recognises;
they are not fast.

A missing modality contributes with weight exactly 0 and its values are never
read into a result (they are zeroed before the weighted sums), so a missing
slot holding NaN or inf cannot poison the present ones.
"""
import math
from typing import Optional, Tuple

import torch
import torch.nn.functional as F

NORM_EPS = 1e-12


def masked_softmax(scores: torch.Tensor, present: Optional[torch.Tensor], dim: int) -> torch.Tensor:
    """softmax over `dim` restricted to present entries; missing entries and
    rows with nothing present get exactly 0 (never NaN)."""
    if present is None:
        return torch.softmax(scores, dim=dim)
    present = present.expand_as(scores)
    scores = scores.masked_fill(~present, float("-inf"))
    row_max = scores.amax(dim=dim, keepdim=True).detach()
    row_max = torch.where(torch.isinf(row_max), torch.zeros_like(row_max), row_max)
    e = torch.exp(scores - row_max) * present
    total = e.sum(dim=dim, keepdim=True)
    return e / torch.where(total > 0, total, torch.ones_like(total))


def dual_attention(x: torch.Tensor, feat_logits: torch.Tensor, query: torch.Tensor,
                   key: torch.Tensor, mask: Optional[torch.Tensor] = None, num_heads: int = 1,
                   feat_temperature: float = 1.0) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    B, M, D = x.shape
    K = query.shape[-1]
    H = num_heads
    dk, dv = K // H, D // H
    feat_weights = torch.softmax(feat_logits / feat_temperature, dim=-1)
    v = D * feat_weights * x
    q = query.reshape(B, M, H, dk).transpose(1, 2)
    k = key.reshape(B, M, H, dk).transpose(1, 2)
    scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(dk)
    present = None if mask is None else mask[:, None, None, :]
    mod_weights = masked_softmax(scores, present, dim=-1)
    if mask is not None:
        v = v.masked_fill(~mask[:, :, None], 0.0)
    vh = v.reshape(B, M, H, dv).transpose(1, 2)
    out = torch.matmul(mod_weights, vh).transpose(1, 2).reshape(B, M, D)
    return out, feat_weights, mod_weights


def adaptive_fusion(h: torch.Tensor, gate_logits: torch.Tensor, mask: Optional[torch.Tensor] = None,
                    temperature: float = 1.0) -> Tuple[torch.Tensor, torch.Tensor]:
    B, M, D = h.shape
    G = gate_logits.shape[-1]
    present = None if mask is None else mask[:, :, None]
    weights = masked_softmax(gate_logits / temperature, present, dim=1)
    if mask is not None:
        h = h.masked_fill(~mask[:, :, None], 0.0)
    fused = (weights.repeat_interleave(D // G, dim=2) * h).sum(dim=1)
    return fused, weights


def centroid_contrastive_loss(z: torch.Tensor, entity: torch.Tensor, temperature: float = 0.1,
                              leave_one_out: bool = True, reduction: str = "mean") -> torch.Tensor:
    return _centroid_loss(z, entity, lambda cos: cos / temperature, leave_one_out, reduction)


def centroid_contrastive_loss_scaled(z: torch.Tensor, entity: torch.Tensor, scale: torch.Tensor,
                                     leave_one_out: bool = True,
                                     reduction: str = "mean") -> torch.Tensor:
    """OPS.md 4a: the cosines times a learned 0-dim `scale` instead of divided by a temperature."""
    if scale.dim() != 0:
        raise ValueError(f"scale must be a 0-dim tensor, got shape {list(scale.shape)}")
    return _centroid_loss(z, entity, lambda cos: scale.to(cos.dtype) * cos, leave_one_out,
                          reduction)


def centroid_contrastive_loss_from_sums(z: torch.Tensor, entity_index: torch.Tensor,
                                        sums: torch.Tensor, counts: torch.Tensor,
                                        scale: torch.Tensor,
                                        leave_one_out: bool = True) -> torch.Tensor:
    """OPS.md 4c: per-point losses of z against given entity sums (of every rank's points);
    entity_index [N] indexes the rows of sums [E, P], counts [E] decides leave-one-out."""
    zhat = F.normalize(z, dim=1, eps=NORM_EPS)
    losses, _ = _point_losses(zhat, entity_index, sums, counts,
                              lambda cos: scale.to(cos.dtype) * cos, leave_one_out)
    return losses


def _point_losses(zhat, inv, sums, counts, to_logits, leave_one_out):
    centroids = F.normalize(sums, dim=1, eps=NORM_EPS)
    logits = to_logits(zhat @ centroids.t())
    if leave_one_out:
        positives = F.normalize(sums[inv] - zhat, dim=1, eps=NORM_EPS)
        own = to_logits((zhat * positives).sum(dim=1))
        included = counts[inv] > 1
    else:
        own = logits.gather(1, inv[:, None]).squeeze(1)
        included = torch.ones(zhat.shape[0], dtype=torch.bool, device=zhat.device)
    logits = logits.scatter(1, inv[:, None], own[:, None])
    losses = torch.where(included, torch.logsumexp(logits, dim=1) - own, torch.zeros_like(own))
    return losses, included


def _centroid_loss(z, entity, to_logits, leave_one_out, reduction):
    N, P = z.shape
    zhat = F.normalize(z, dim=1, eps=NORM_EPS)
    _, inv = torch.unique(entity, return_inverse=True)
    E = int(inv.max()) + 1 if N > 0 else 0
    sums = zhat.new_zeros(E, P).index_add(0, inv, zhat)
    counts = torch.bincount(inv, minlength=E)
    losses, included = _point_losses(zhat, inv, sums, counts, to_logits, leave_one_out)
    if reduction == "none":
        return losses
    if reduction == "sum":
        return losses.sum()
    if reduction == "mean":
        return losses.sum() / included.sum().clamp(min=1).to(losses.dtype)
    raise ValueError(f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}")
