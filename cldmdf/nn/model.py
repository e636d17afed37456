"""CL-DMDF: per-modality encoders, dual-attention blocks, adaptive fusion and a
classification head, trained with cross-entropy plus the entity-centroid
contrastive loss (docs/MODEL.md).

Shapes: ``B`` batch, ``M`` modalities, ``d_m`` width of modality ``m``, ``D`` token
width, ``C`` classes. ``mask`` [B, M] bool is True where a modality is present; the
rows of a missing modality are never read, so they may hold anything (zeros, NaN).
"""
from typing import List, NamedTuple, Optional, Sequence, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

from .layers import AdaptiveFusion, CentroidContrastiveLoss, DualAttention, masked_mean

ENTITY_MODES = ("entity", "sample", "class")
FUSIONS = ("adaptive", "mean")


def drop_modalities(mask: Tensor, p: float, generator: Optional[torch.Generator] = None) -> Tensor:
    """Modality dropout: each present entry of ``mask`` [B, M] is dropped with probability
    ``p``, but every sample keeps one randomly chosen present modality (samples with
    nothing present stay so). Returns the new [B, M] mask."""
    if p <= 0:
        return mask
    scores = torch.rand(mask.shape, generator=generator, device=mask.device)
    kept = F.one_hot(scores.masked_fill(~mask, -1).argmax(1), mask.shape[1]).to(torch.bool)
    dropped = torch.rand(mask.shape, generator=generator, device=mask.device) < p
    return mask & (kept | ~dropped)


def task_cross_entropy(logits: Tensor, labels: Tensor,
                       task_normaliser: Optional[float] = None) -> Tensor:
    """The task loss of every model: the mean cross-entropy, or with ``task_normaliser`` its
    sum divided by that (training across processes: the rank's share of the global mean)."""
    if task_normaliser is None:
        return F.cross_entropy(logits, labels)
    return F.cross_entropy(logits, labels, reduction="sum") / task_normaliser


def modality_encoder(in_dim: int, dim: int, dropout: float = 0.0) -> nn.Sequential:
    """``Linear(d_m, D) → LayerNorm → GELU → Dropout → Linear(D, D)``: [n, d_m] -> [n, D].
    GELU and dropout are one parameter-free stage, so the parameter names are those of the
    encoder without dropout (checkpoints of either load into the other)."""
    return nn.Sequential(nn.Linear(in_dim, dim), nn.LayerNorm(dim),
                         nn.Sequential(nn.GELU(), nn.Dropout(dropout)), nn.Linear(dim, dim))


class CLDMDFOutput(NamedTuple):
    """``logits`` [B, C]; ``tokens`` [B, M, D] after the last dual-attention block;
    ``mask`` [B, M] the mask the model used (after modality dropout in training);
    ``importance`` [B, M] modality importance of the last block; ``fusion_weights``
    [B, M, G] (None with mean pooling); ``modality_logits`` [B, M, C] the per-modality
    heads' logits of the encoded tokens (None without ``modality_heads``; 0 in missing
    slots); ``gate_mean`` the mean feature-gate value over the present rows (None without
    ``feature_gates``)."""
    logits: Tensor
    tokens: Tensor
    mask: Tensor
    importance: Tensor
    fusion_weights: Optional[Tensor]
    modality_logits: Optional[Tensor] = None
    gate_mean: Optional[Tensor] = None


class Embedded(NamedTuple):
    """:meth:`CLDMDF.embed`'s result: ``tokens`` [B, M, D] and ``gate_mean`` (the mean
    feature-gate value over the present rows; None without feature gates)."""
    tokens: Tensor
    gate_mean: Optional[Tensor]


class CLDMDF(nn.Module):
    """The CL-DMDF classifier over ``M`` modalities of widths ``input_dims``.

    ``forward(modalities, mask)`` takes a list of ``M`` tensors [B, d_m] and ``mask``
    [B, M] and returns a :class:`CLDMDFOutput`. ``training_loss(modalities, mask, labels,
    entity)`` is ``cross_entropy + contrastive_weight · centroid loss``, the contrastive
    points being ``Linear(D, proj_dim)`` projections of the post-attention tokens of the
    present modalities, grouped by ``entity_mode``: 'entity' (the given ids, e.g.
    patients), 'sample' (cross-modal alignment of each sample's modalities) or 'class'
    (supervised prototypes).

    ``modality_heads``: a ``Linear(D, C)`` head per modality on its encoded token; the
    prediction adds to the fused head's logits the present modalities' head logits weighted
    by the fusion weights (averaged over the groups; uniform with mean pooling), so the
    model fuses at the decision level as well, and the training loss adds
    ``modality_head_weight`` times the heads' mean cross-entropy over the present (sample,
    modality) entries (each encoder is supervised directly, as in late fusion).
    ``feature_gates``: each encoder's input is multiplied by a per-sample feature gate
    ``sigmoid(Linear(d_m, d_m)(x))`` (feature informativeness), the training loss adding
    ``feature_gate_l1`` times the mean gate value (a sparsity penalty).
    ``encoder_dropout``: dropout inside each modality encoder (:func:`modality_encoder`).

    Ablations: ``contrastive_weight=0``; ``feature_attention=False`` (uniform feature
    weights); ``fusion='mean'`` (mean pooling of the present tokens);
    ``modality_heads=False`` (the fused head alone).
    """

    def __init__(self, input_dims: Sequence[int], num_classes: int, dim: int = 64,
                 num_layers: int = 2, num_heads: int = 4, groups: int = 1,
                 feature_attention: bool = True, fusion: str = "adaptive",
                 dropout: float = 0.1, modality_dropout: float = 0.0,
                 contrastive_weight: float = 0.1, contrastive_temperature: float = 0.1,
                 proj_dim: int = 32, entity_mode: str = "class",
                 modality_heads: bool = True, modality_head_weight: float = 1.0,
                 feature_gates: bool = False, feature_gate_l1: float = 0.0,
                 encoder_dropout: float = 0.0):
        super().__init__()
        if entity_mode not in ENTITY_MODES:
            raise ValueError(f"CLDMDF: entity_mode must be one of {ENTITY_MODES}, "
                             f"got {entity_mode!r}")
        if fusion not in FUSIONS:
            raise ValueError(f"CLDMDF: fusion must be one of {FUSIONS}, got {fusion!r}")
        if num_layers < 1:
            raise ValueError(f"CLDMDF: num_layers must be at least 1, got {num_layers}")
        num_modalities = len(input_dims)
        self.encoders = nn.ModuleList(modality_encoder(d, dim, encoder_dropout)
                                      for d in input_dims)
        self.modality_embedding = nn.Parameter(0.02 * torch.randn(num_modalities, dim))
        self.missing_token = nn.Parameter(0.02 * torch.randn(num_modalities, dim))
        self.blocks = nn.ModuleList(
            DualAttention(dim, num_heads, feature_attention=feature_attention, dropout=dropout)
            for _ in range(num_layers))
        self.fusion = AdaptiveFusion(dim, groups) if fusion == "adaptive" else None
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(dim, num_classes))
        self.contrastive = CentroidContrastiveLoss(dim, proj_dim, contrastive_temperature)
        self.contrastive_weight = contrastive_weight
        self.entity_mode = entity_mode
        self.modality_dropout = modality_dropout
        self.modality_heads = bool(modality_heads)
        self.modality_head_weight = float(modality_head_weight)
        if modality_heads:  # [M, D, C] and [M, C], initialised as nn.Linear's
            self.heads_weight = nn.Parameter(torch.stack(
                [nn.Linear(dim, num_classes).weight.t() for _ in input_dims]))
            self.heads_bias = nn.Parameter(torch.zeros(num_modalities, num_classes))
        else:  # no entries in the state dict: the weights of a model without heads
            self.register_parameter("heads_weight", None)
            self.register_parameter("heads_bias", None)
        self.feature_gates = nn.ModuleList(
            nn.Linear(d, d) for d in (input_dims if feature_gates else ()))
        self.feature_gate_l1 = float(feature_gate_l1)

    def embed(self, modalities: List[Tensor], mask: Tensor) -> Embedded:
        """Modality tokens [B, M, D]: encoder output plus modality embedding where present,
        the learned missing token elsewhere. Encoders (and feature gates) run on the present
        rows only."""
        batch = mask.shape[0]
        rows = [mask[:, m].nonzero().squeeze(1) for m in range(mask.shape[1])]
        inputs = [x.index_select(0, r) for x, r in zip(modalities, rows)]
        # the feature gates, when the model has them (one per modality); indexing the lists,
        # not zip(): TorchScript unrolls a ModuleList loop only when the ModuleList itself is
        # iterated
        gate_mean: Optional[Tensor] = None
        if len(self.feature_gates) > 0:
            gate_sum = modalities[0].new_zeros(())
            gate_count = 0
            for m, gate in enumerate(self.feature_gates):
                weights = torch.sigmoid(gate(inputs[m]))
                inputs[m] = inputs[m] * weights
                gate_sum = gate_sum + weights.sum()
                gate_count += weights.numel()
            gate_mean = gate_sum / max(gate_count, 1)
        tokens = []
        for m, encoder in enumerate(self.encoders):
            encoded = encoder(inputs[m]) + self.modality_embedding[m]
            missing = self.missing_token[m].expand(batch, -1)
            tokens.append(missing.index_copy(0, rows[m], encoded))
        return Embedded(torch.stack(tokens, dim=1), gate_mean)

    def decide(self, fused: Tensor, embedded: Tensor, mask: Tensor,
               fusion_weights: Optional[Tensor]) -> Tuple[Tensor, Optional[Tensor]]:
        """The logits [B, C] from the fused vector [B, D] and, with ``modality_heads``, the
        per-modality logits [B, M, C] of the encoded tokens ``embedded`` [B, M, D] joined by
        the fusion weights [B, M, G] (uniform over the present modalities without)."""
        logits = self.head(fused)
        heads_weight, heads_bias = self.heads_weight, self.heads_bias
        if heads_weight is None or heads_bias is None:
            return logits, None
        # each head on its modality's present rows only (the others stay 0)
        per_modality = fused.new_zeros(mask.shape[0], mask.shape[1], heads_bias.shape[1])
        for m in range(mask.shape[1]):
            rows = mask[:, m].nonzero().squeeze(1)
            per_modality[:, m] = per_modality[:, m].index_copy(
                0, rows, embedded[:, m].index_select(0, rows) @ heads_weight[m] + heads_bias[m])
        present = mask.to(fused.dtype)
        if fusion_weights is None:
            weights = present / present.sum(1, keepdim=True).clamp_min(1.0)
        else:
            weights = fusion_weights.mean(2) * present
        joined = (weights[:, :, None] * per_modality).sum(1)
        return logits + joined, per_modality

    def forward(self, modalities: List[Tensor], mask: Tensor) -> CLDMDFOutput:
        if self.training:
            mask = drop_modalities(mask, self.modality_dropout)
        embedded = self.embed(modalities, mask)
        tokens = embedded.tokens
        for block in self.blocks:
            tokens, importance = block(tokens, mask)
        if self.fusion is None:
            fused, fusion_weights = masked_mean(tokens, mask), None
        else:
            fused, fusion_weights = self.fusion(tokens, mask)
        logits, per_modality = self.decide(fused, embedded.tokens, mask, fusion_weights)
        return CLDMDFOutput(logits, tokens, mask, importance, fusion_weights, per_modality,
                            embedded.gate_mean)

    @torch.jit.export
    def predict_logits(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        """Class logits [B, C]."""
        return self(modalities, mask).logits

    @torch.jit.export
    def point_entities(self, rows: Tensor, labels: Tensor, entity: Tensor,
                       row_offset: int = 0) -> Tensor:
        """The entity id [N] of each contrastive point, given its sample ``rows`` [N]
        (in 'sample' mode the sample's row in the whole batch: ``row_offset + rows``)."""
        if self.entity_mode == "entity":
            return entity[rows]
        if self.entity_mode == "class":
            return labels[rows]
        return rows + row_offset

    def task_terms(self, mask: Tensor) -> int:
        """How many terms the task loss of a batch with this ``mask`` averages: its rows."""
        return mask.shape[0]

    @torch.jit.export
    def training_loss(self, modalities: List[Tensor], mask: Tensor, labels: Tensor,
                      entity: Tensor, task_normaliser: Optional[float] = None,
                      row_offset: int = 0) -> Tensor:
        """Scalar training loss of a batch; ``labels`` [B] and ``entity`` [B] int64.

        The cross-entropy is the batch mean, or with ``task_normaliser`` its sum divided by
        that (training across processes: the rank's share of the global batch's mean);
        ``row_offset`` is the batch's first row in the global batch ('sample' entities)."""
        return self.output_loss(self(modalities, mask), labels, entity, task_normaliser,
                                row_offset)

    @torch.jit.unused
    def _share_of_global_mean(self, count: Tensor) -> Tensor:
        """world size / the count over every rank (the loss's process group), or 1 / count in
        one process."""
        group = self.contrastive._process_group
        if group is None:
            return 1.0 / count.clamp_min(1.0)
        from .. import distributed
        return distributed.share_of_global_mean(count, group)

    def output_loss(self, out: CLDMDFOutput, labels: Tensor, entity: Tensor,
                    task_normaliser: Optional[float] = None, row_offset: int = 0) -> Tensor:
        """The training loss of a forward's output ``out``: its cross-entropy, plus
        ``modality_head_weight`` times the per-modality heads' mean cross-entropy over the
        present entries, ``feature_gate_l1`` times the mean feature gate, and
        ``contrastive_weight`` times the centroid loss of its present tokens."""
        loss = task_cross_entropy(out.logits, labels, task_normaliser)
        modality_logits = out.modality_logits  # a local: TorchScript refines Optional on it
        if modality_logits is not None and self.modality_head_weight > 0:
            # the mean over the present (sample, modality) entries, without a data-dependent
            # branch (missing slots hold 0 logits: finite, then masked out)
            batch, num_modalities, num_classes = modality_logits.shape
            entries = F.cross_entropy(modality_logits.reshape(-1, num_classes),
                                      labels.repeat_interleave(num_modalities),
                                      reduction="none").view(batch, num_modalities)
            present = out.mask.to(entries.dtype)
            total, count = (entries * present).sum(), present.sum()
            if task_normaliser is not None and not torch.jit.is_scripting():
                # across processes: the rank's share of the mean over every rank's entries
                head_loss = total * self._share_of_global_mean(count)
            else:
                head_loss = total / count.clamp_min(1.0)
            loss = loss + self.modality_head_weight * head_loss
        gate_mean = out.gate_mean
        if gate_mean is not None and self.feature_gate_l1 > 0:
            loss = loss + self.feature_gate_l1 * gate_mean
        if self.contrastive_weight > 0:
            present = out.mask.nonzero()  # [N, 2]; not as_tuple, which TorchScript lacks
            rows, mods = present[:, 0], present[:, 1]
            points = out.tokens[rows, mods]
            loss = loss + self.contrastive_weight * self.contrastive(
                points, self.point_entities(rows, labels, entity, row_offset))
        return loss
