"""The three CL-DMDF modules as drop-in ``nn.Module``s around ``torch.ops.cldmdf.*``.

Shapes: ``B`` batch, ``M`` modalities, ``D`` token width, ``H`` heads, ``G`` gate
groups, ``N`` points, ``P`` projection width. ``mask[b, m]`` is True where modality
``m`` of sample ``b`` is present; ``None`` means every modality is present.
"""
from typing import Optional, Tuple

import math

import torch
import torch.nn as nn
from torch import Tensor


def masked_mean(h: Tensor, mask: Optional[Tensor]) -> Tensor:
    """Mean of ``h`` [B, M, D] over the present modalities -> [B, D] (0 where none is).

    Missing slots are never read, so they may hold anything, NaN included."""
    if mask is None:
        return h.mean(1)
    present = mask[:, :, None]
    total = h.masked_fill(~present, 0.0).sum(1)
    return total / present.sum(1).clamp_min(1).to(h.dtype)


def modality_importance(mod_weights: Tensor, mask: Optional[Tensor]) -> Tensor:
    """How much attention each modality receives: ``mod_weights`` [B, H, M, M] averaged
    over heads and over the present query rows -> [B, M] (rows sum to 1 when something
    is present, 0 otherwise)."""
    return masked_mean(mod_weights.mean(1), mask)


class DualAttention(nn.Module):
    """Feature-level and modality-level attention over modality tokens, one block.

    ``feat_logits``, ``query`` and ``key`` are linear projections of ``x``; the block
    computes ``LayerNorm(x + out_proj(dual_attention(x, feat_logits, query, key, mask)))``.

    Input ``x`` [B, M, D], ``mask`` [B, M] bool or None. Returns ``(y, importance)``:
    ``y`` [B, M, D] and the modality importance [B, M] (mean of the modality attention
    weights over heads and present query rows).

    Missing slots of ``x`` are read only as queries and through the residual, so the rows
    of present modalities never depend on them; a missing slot's row is what the present
    modalities say about it. Fill missing slots with something finite (e.g. a learned
    missing token): their queries reach the gradients of the projections.

    ``feature_attention=False`` fixes the feature logits to zero: uniform feature weights,
    so the block is plain masked multi-head attention over modalities (an ablation).
    """

    def __init__(self, dim: int, num_heads: int = 1, key_dim: Optional[int] = None,
                 feat_temperature: float = 1.0, feature_attention: bool = True,
                 dropout: float = 0.0):
        super().__init__()
        key_dim = dim if key_dim is None else key_dim
        self.num_heads = num_heads
        self.feat_temperature = feat_temperature
        self.feat_logits = nn.Linear(dim, dim) if feature_attention else None
        self.query = nn.Linear(dim, key_dim)
        self.key = nn.Linear(dim, key_dim)
        self.out_proj = nn.Linear(dim, dim)
        self.dropout = nn.Dropout(dropout)
        self.norm = nn.LayerNorm(dim)

    def forward(self, x: Tensor, mask: Optional[Tensor] = None) -> Tuple[Tensor, Tensor]:
        feat_logits = torch.zeros_like(x) if self.feat_logits is None else self.feat_logits(x)
        attended, _, mod_weights = torch.ops.cldmdf.dual_attention(
            x, feat_logits, self.query(x), self.key(x), mask, self.num_heads,
            self.feat_temperature)
        y = self.norm(x + self.dropout(self.out_proj(attended)))
        return y, modality_importance(mod_weights, mask)


class AdaptiveFusion(nn.Module):
    """Per-sample gated fusion of modality tokens into one vector.

    ``gate_logits = Linear([h_m ; mean of present h])`` with ``groups`` gates per modality
    (1: attention pooling, ``dim``: per-feature gate), values ``tanh(Linear(h_m))``, fused
    by ``torch.ops.cldmdf.adaptive_fusion`` with a softmax over present modalities.

    Input ``h`` [B, M, D], ``mask`` [B, M] bool or None. Returns ``(fused, weights)``:
    ``fused`` [B, D] (0 for a sample with nothing present) and ``weights`` [B, M, G].
    Missing slots of ``h`` are never read: they may hold anything, NaN included.
    """

    def __init__(self, dim: int, groups: int = 1, temperature: float = 1.0):
        super().__init__()
        self.temperature = temperature
        self.gate = nn.Linear(2 * dim, groups)
        self.value = nn.Linear(dim, dim)

    def forward(self, h: Tensor, mask: Optional[Tensor] = None) -> Tuple[Tensor, Tensor]:
        if mask is not None:
            # zero, not just mask out, missing slots: a NaN there would otherwise reach the
            # gradients of the linear layers (0 * NaN)
            h = h.masked_fill(~mask[:, :, None], 0.0)
        context = masked_mean(h, mask)[:, None, :].expand_as(h)
        gate_logits = self.gate(torch.cat([h, context], dim=-1))
        return torch.ops.cldmdf.adaptive_fusion(torch.tanh(self.value(h)), gate_logits, mask,
                                                self.temperature)


class CentroidContrastiveLoss(nn.Module):
    """Entity-centroid contrastive loss of points ``z`` [N, D] with entity ids [N] int64.

    Points are first projected by ``Linear(D, P)`` when ``proj_dim`` is given (the usual
    contrastive head), then ``torch.ops.cldmdf.centroid_contrastive_loss`` pulls every point
    toward the centroid of its entity's other points and away from the other entities'
    centroids. Returns a scalar (``reduction`` "mean"/"sum") or [N] ("none").
    With ``learn_temperature`` the temperature is learned (CLIP-style): a parameter
    ``log_scale`` starts at ``log(1 / temperature)`` and the loss's scaled form
    (docs/OPS.md §3a) uses ``log_scale.exp()``.

    With ``process_group`` (a ``torch.distributed`` ProcessGroup, or ``"world"`` for the
    default group) the loss is that of every rank's points together: the centroids are the
    global ones, each rank scores its own points, and DDP's gradient average gives the
    single-process gradient (:mod:`cldmdf.distributed`, docs/DISTRIBUTED.md). Eager only:
    a distributed loss is not scripted.
    """

    learn_temperature: torch.jit.Final[bool]  # a constant to TorchScript: one branch compiled
    distributed: torch.jit.Final[bool]

    def __init__(self, in_dim: Optional[int] = None, proj_dim: Optional[int] = None,
                 temperature: float = 0.1, leave_one_out: bool = True,
                 reduction: str = "mean", learn_temperature: bool = False,
                 process_group=None):
        super().__init__()
        if (in_dim is None) != (proj_dim is None):
            raise ValueError("CentroidContrastiveLoss: give both in_dim and proj_dim for a "
                             f"projection, or neither; got in_dim={in_dim}, proj_dim={proj_dim}")
        if not (temperature > 0 and math.isfinite(temperature)):
            raise ValueError("CentroidContrastiveLoss: temperature expected a finite value > 0, "
                             f"got {temperature}")
        self.proj = nn.Identity() if proj_dim is None else nn.Linear(in_dim, proj_dim)
        self.temperature = temperature
        self.leave_one_out = leave_one_out
        self.reduction = reduction
        self.learn_temperature = learn_temperature
        self.set_process_group(process_group)
        if learn_temperature:
            self.log_scale = nn.Parameter(torch.tensor(math.log(1.0 / temperature)))
        else:  # no parameter: models and checkpoints without it stay as they were
            self.register_parameter("log_scale", None)

    @torch.jit.unused
    def set_process_group(self, process_group) -> None:
        """Makes the loss span the ranks of ``process_group`` (None: this process only)."""
        self.distributed = process_group is not None
        self._process_group = process_group

    @torch.jit.unused
    def _distributed_loss(self, z: Tensor, entity: Tensor) -> Tensor:
        from .. import distributed
        return distributed.centroid_contrastive_loss(
            self.proj(z), entity, self.temperature, self.leave_one_out, self.reduction,
            scale=self.log_scale.exp() if self.learn_temperature else None,
            process_group=self._process_group)

    def forward(self, z: Tensor, entity: Tensor) -> Tensor:
        if self.distributed:
            return self._distributed_loss(z, entity)
        if self.learn_temperature:
            scale = self.log_scale.exp()
            if torch.jit.is_scripting():  # TorchScript picks .scaled by the Tensor argument
                return torch.ops.cldmdf.centroid_contrastive_loss(
                    self.proj(z), entity, scale, self.leave_one_out, self.reduction)
            return torch.ops.cldmdf.centroid_contrastive_loss.scaled(
                self.proj(z), entity, scale, self.leave_one_out, self.reduction)
        return torch.ops.cldmdf.centroid_contrastive_loss(
            self.proj(z), entity, self.temperature, self.leave_one_out, self.reduction)
