"""Dynamic (cost-aware) CL-DMDF: a small gate decides per sample which of its present
modalities the model runs at all, trained with a compute penalty (docs/MODEL.md,
"Dynamic fusion").

Packed execution. In a CL-DMDF model the rows of present modalities never depend on the
missing slots (docs/OPS.md §1: missing keys get weight 0, missing values are never read;
the fusion reads present tokens only), so the work on missing slots can be left out
without changing the result. :func:`packed_forward` runs the encoders, every linear layer
of the dual-attention blocks and of the adaptive fusion on the present (sample, modality)
tokens only, gathered into one ``[N, D]`` matrix; only the two fused operators see the
``[B, M, ·]`` layout (zeros in the missing slots), and they are cheap (``O(M²·D)`` per
sample). Its logits equal those of ``CLDMDF.forward`` for the same mask.

:class:`DynamicCLDMDF` chooses, per sample, one *plan* (a subset of the modalities) from a
fixed menu; the modalities outside the chosen plan are treated as absent, so their
encoders and tokens are never computed at inference.

FLOPs here are those of the matrix products (linear layers, attention scores and the
attention-weighted sum of values), ``2·m·n·k`` per ``[m, k] × [k, n]`` product, as
``torch.utils.flop_counter.FlopCounterMode`` counts them; element-wise work (norms,
activations, softmax, the fusion's weighted sum) is not counted.
"""
import itertools
import math
from typing import List, NamedTuple, Optional, Sequence, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

from .layers import AdaptiveFusion, DualAttention, masked_mean, modality_importance
from .model import CLDMDF, CLDMDFOutput, drop_modalities

PLAN_MENUS = ("auto", "all", "small")


# --------------------------------------------------------------------------- packed execution

class Packing(NamedTuple):
    """The present tokens of a mask [B, M], grouped by how many each sample has: samples
    sorted by that count (``order`` [B], stable), their present tokens one after another
    (``index`` [N]: flat positions ``b·M + m`` into [B·M]), and per group (``groups``:
    (count k, first sample, samples, first token)) a block of ``samples · k`` tokens that
    is the [samples, k, ·] layout with every slot present."""
    order: Tensor
    index: Tensor
    groups: List[Tuple[int, int, int, int]]


def pack(mask: Tensor) -> Packing:
    batch, num_modalities = mask.shape
    counts = mask.sum(1)
    order = torch.sort(counts, stable=True).indices
    slots = order[:, None] * num_modalities + torch.arange(num_modalities, device=mask.device)
    index = slots[mask[order]]
    groups = []
    first_sample = first_token = 0
    for k, samples in zip(*(t.tolist() for t in torch.unique_consecutive(
            counts[order], return_counts=True))):
        groups.append((k, first_sample, samples, first_token))
        first_sample, first_token = first_sample + samples, first_token + samples * k
    return Packing(order, index, groups)


def _blocks(rows: Tensor, k: int, first_token: int, samples: int) -> Tensor:
    """The group's [samples, k, W] view of ``rows`` [N, W]."""
    return rows.narrow(0, first_token, samples * k).view(samples, k, rows.shape[1])


def _join(parts: List[Tensor]) -> Tensor:
    """``torch.cat(parts)`` without the copy when there is one part."""
    return parts[0] if len(parts) == 1 else torch.cat(parts)


def _unsort(values: Tensor, packing: Packing) -> Tensor:
    """Rows in packing order (sorted samples) -> rows in the batch's order."""
    return torch.empty_like(values).index_copy_(0, packing.order, values)


def packed_block(block: DualAttention, x: Tensor, packing: Packing,
                 num_modalities: int) -> Tuple[Tensor, Tensor]:
    """One dual-attention block on the present tokens ``x`` [N, D] of ``packing``; returns
    the block's output for them [N, D] and the modality importance [B, M]. The linear
    layers run on the N tokens at once; the operator runs once per group, on its samples'
    present tokens only (no mask needed)."""
    feat = torch.zeros_like(x) if block.feat_logits is None else block.feat_logits(x)
    query, key = block.query(x), block.key(x)
    attended, importance = [], []
    for k, first_sample, samples, first_token in packing.groups:
        if k == 0:
            importance.append(x.new_zeros(samples, num_modalities))
            continue
        out, _, mod_weights = torch.ops.cldmdf.dual_attention(
            *(_blocks(t, k, first_token, samples) for t in (x, feat, query, key)),
            None, block.num_heads, block.feat_temperature)
        attended.append(out.reshape(samples * k, -1))
        weights = mod_weights.mean(1).mean(1)  # over heads and query rows -> [samples, k]
        importance.append(F.pad(weights, (0, num_modalities - k)))
    attended = _join(attended) if attended else x
    y = block.norm(x + block.dropout(block.out_proj(attended)))
    return y, _join(importance)


def _to_slots(values: Tensor, packing: Packing, mask: Tensor) -> Tensor:
    """Per-modality values [B, M, ...] in packing order whose first k entries are a sample's
    present modalities in order -> [B, M, ...] by modality in the batch's order (0 where
    missing)."""
    sorted_mask = mask[packing.order]
    first = torch.arange(mask.shape[1], device=mask.device)[None] < sorted_mask.sum(
        1, keepdim=True)
    by_slot = torch.zeros_like(values)
    by_slot[sorted_mask] = values[first]
    return _unsort(by_slot, packing)


def packed_fusion(fusion: Optional[AdaptiveFusion], x: Tensor, packing: Packing,
                  num_modalities: int) -> Tuple[Tensor, Optional[Tensor]]:
    """Fusion of the present tokens ``x`` [N, D] per sample: adaptive fusion (``fusion``)
    or their mean (None). Returns (fused [B, D] in packing order, weights [B, M, G] in
    packing order with a sample's present modalities first, or None)."""
    contexts = []
    for k, first_sample, samples, first_token in packing.groups:
        if k > 0:
            mean = _blocks(x, k, first_token, samples).mean(1)
            contexts.append(mean[:, None, :].expand(samples, k, -1).reshape(samples * k, -1))
    fused, weights = [], []
    if fusion is not None:
        context = _join(contexts) if contexts else x
        gate_logits = fusion.gate(torch.cat([x, context], dim=-1))
        values = torch.tanh(fusion.value(x))
    for k, first_sample, samples, first_token in packing.groups:
        if k == 0:
            fused.append(x.new_zeros(samples, x.shape[1]))
            if fusion is not None:
                weights.append(x.new_zeros(samples, num_modalities, gate_logits.shape[1]))
        elif fusion is None:
            fused.append(_blocks(x, k, first_token, samples).mean(1))
        else:
            out, w = torch.ops.cldmdf.adaptive_fusion(
                _blocks(values, k, first_token, samples),
                _blocks(gate_logits, k, first_token, samples), None,
                fusion.temperature)
            fused.append(out)
            weights.append(F.pad(w, (0, 0, 0, num_modalities - k)))
    return _join(fused), (_join(weights) if fusion is not None else None)


def packed_body(model: CLDMDF, tokens: Tensor, mask: Tensor,
                gate_mean: Optional[Tensor] = None) -> CLDMDFOutput:
    """The blocks, fusion and head of ``model`` on the present tokens of ``tokens`` [B, M, D]
    (their missing slots are not read); ``gate_mean`` is passed to the output."""
    batch, num_modalities, dim = tokens.shape
    packing = pack(mask)
    x = tokens.reshape(batch * num_modalities, dim).index_select(0, packing.index)
    importance = tokens.new_zeros(batch, num_modalities)
    for block in model.blocks:
        x, importance = packed_block(block, x, packing, num_modalities)
    fused, weights = packed_fusion(model.fusion, x, packing, num_modalities)
    if weights is not None:
        weights = _to_slots(weights, packing, mask)
    all_tokens = tokens.new_zeros(batch * num_modalities, dim).index_copy_(0, packing.index, x)
    logits, per_modality = model.decide(_unsort(fused, packing), tokens, mask, weights)
    return CLDMDFOutput(logits, all_tokens.view(batch, num_modalities, dim), mask,
                        _to_slots(importance, packing, mask), weights, per_modality, gate_mean)


def packed_forward(model: CLDMDF, modalities: List[Tensor], mask: Tensor) -> CLDMDFOutput:
    """``model``'s forward (no modality dropout) with the work on missing modalities left
    out: encoders on the present rows only (``CLDMDF.embed``), the linear layers of blocks
    and fusion on the present tokens only, the fused operators on the present tokens of the
    samples grouped by their number of present modalities. The logits equal
    ``model(modalities, mask).logits``; the tokens of missing slots are 0."""
    embedded = model.embed(modalities, mask)
    return packed_body(model, embedded.tokens, mask, embedded.gate_mean)


# --------------------------------------------------------------------------- FLOPs

def linear_flops(module: nn.Module) -> int:
    """FLOPs per row of every ``nn.Linear`` in ``module``: ``2 · in · out`` each."""
    return sum(2 * m.in_features * m.out_features for m in module.modules()
               if isinstance(m, nn.Linear))


class ComputeCost:
    """Matmul FLOPs of one sample of a CL-DMDF model, from its layer shapes.

    ``encoder[m]``: modality ``m``'s encoder (with its feature gate and head when the model
    has them); ``token``: the linear layers of the blocks and
    the fusion per token; ``attention``: the attention scores and weighted values of every
    block per squared number of slots the operator sees (``2 · (K + D)`` per block); ``head``;
    ``gate``: the dynamic model's gate (0 for a static model).
    """

    def __init__(self, model: CLDMDF):
        self.num_modalities = len(model.encoders)
        # encoder, feature gate and per-modality head of each modality (on its present rows)
        gates = list(model.feature_gates) or [None] * self.num_modalities
        head_flops = 2 * model.heads_weight.shape[1] * model.heads_weight.shape[2] \
            if model.modality_heads else 0
        self.encoder = torch.tensor(
            [float(linear_flops(e) + (0 if g is None else linear_flops(g)) + head_flops)
             for e, g in zip(model.encoders, gates)], dtype=torch.float64)
        fusion = 0 if model.fusion is None else linear_flops(model.fusion)
        self.token = float(sum(linear_flops(b) for b in model.blocks) + fusion)
        self.attention = float(sum(2 * (b.query.out_features + b.out_proj.in_features)
                                   for b in model.blocks))
        self.head = float(linear_flops(model.head))
        gate = getattr(model, "gate", None)
        self.gate = 0.0 if gate is None else float(linear_flops(gate))

    def per_modality(self) -> Tensor:
        """[M] the FLOPs of modality ``m``'s encoder and token."""
        return self.encoder + self.token

    def packed(self, mask: Tensor) -> Tensor:
        """[B] FLOPs of :func:`packed_forward` on ``mask`` [B, M] (without a gate): the
        operator sees the ``k`` present tokens of a sample."""
        mask = mask.to(torch.float64)
        per_modality = self.per_modality().to(mask.device)
        return self.head + self.attention * mask.sum(-1) ** 2 + mask @ per_modality

    def dense(self, mask: Tensor) -> Tensor:
        """[B] FLOPs of ``CLDMDF.forward``: encoders on the present rows, blocks and fusion
        on all ``M`` slots."""
        return (self.head + self.attention * self.num_modalities ** 2
                + self.num_modalities * self.token
                + mask.to(torch.float64) @ self.encoder.to(mask.device))


def _dual_attention_flops(x_shape, feat_shape, query_shape, key_shape, *args,
                          **kwargs) -> int:
    batch, num_modalities, dim = x_shape
    return 2 * batch * num_modalities * num_modalities * (query_shape[-1] + dim)


# FlopCounterMode(custom_mapping=OP_FLOP_FORMULAS) counts the fused attention operator as the
# products of its definition (scores and weighted values); the fusion operator is element-wise
OP_FLOP_FORMULAS = {torch.ops.cldmdf.dual_attention: _dual_attention_flops}


# --------------------------------------------------------------------------- the dynamic model

def plan_masks(num_modalities: int, menu: str = "auto") -> Tensor:
    """The plans [K, M] bool a dynamic model chooses from: 'all' every non-empty subset of
    the modalities; 'small' every single modality, every pair, every set without one
    modality and all of them; 'auto' 'all' up to 4 modalities, 'small' beyond. Ordered by
    size; the last plan is all modalities."""
    if menu not in PLAN_MENUS:
        raise ValueError(f"setting plans must be one of {PLAN_MENUS}, got {menu!r}")
    if menu == "auto":
        menu = "all" if num_modalities <= 4 else "small"
    if menu == "all":
        sizes = range(1, num_modalities + 1)
    else:
        sizes = sorted({k for k in (1, 2, num_modalities - 1, num_modalities)
                        if 1 <= k <= num_modalities})
    subsets = [s for k in sizes for s in itertools.combinations(range(num_modalities), k)]
    plans = torch.zeros(len(subsets), num_modalities, dtype=torch.bool)
    for i, subset in enumerate(subsets):
        plans[i, list(subset)] = True
    return plans


def _check_number(name: str, value, low: float, high: Optional[float] = None,
                  low_open: bool = False, integer: bool = False) -> None:
    kind = int if integer else (int, float)
    bad = isinstance(value, bool) or not isinstance(value, kind)
    if not bad:
        bad = value <= low if low_open else value < low
        bad = bad or (high is not None and value > high)
    if bad:
        what = "an integer" if integer else "a number"
        bounds = f"{'>' if low_open else '>='} {low}" + ("" if high is None else f" and <= {high}")
        raise ValueError(f"setting {name} must be {what} {bounds}, got {value!r}")


class DynamicCLDMDF(CLDMDF):
    """CL-DMDF with a cost-aware gate that picks, per sample, which present modalities to
    run (in the spirit of DynMM: a learned selection among execution plans with a compute
    penalty; straight-through Gumbel-softmax in training, argmax at inference).

    The gate is ``Linear(Σ d_m + M, gate_hidden) → GELU → Linear(gate_hidden, K)`` (one
    linear layer when ``gate_hidden=0``) on the raw inputs of the present modalities (zero
    elsewhere) and the mask; it scores the ``K`` plans of :func:`plan_masks` (``plans``).
    A plan is valid for a sample when it holds one of its present modalities; the chosen
    plan intersected with the present modalities is the mask the model runs with, so every
    sample with something present keeps at least one modality. At inference the unchosen
    modalities are absent: :func:`packed_forward` never runs their encoders or tokens.

    Training, two stages (``gate_holdout`` > 0, the default; :func:`cldmdf.training.fit`):
    ``gate_holdout`` of the training split's entities (per class) are held out from the
    backbone. Stage 1 trains the backbone alone (``training_loss``: the CL-DMDF loss on the
    modality-dropout mask, so it learns every subset; the gate is off, ``run_gate`` False,
    and validation scores the backbone on every present modality) on the other rows, epoch
    selected on validation. Stage 2 (:func:`cldmdf.training.fit_gate`) freezes the backbone
    (eval mode) and trains the re-initialised gate on the held-out rows only, which the
    backbone never fitted, so the plans' losses there show what each modality adds:
    ``Σ_k g_k · CE_k + cost_weight · max(0, E[relative compute] − budget)``, ``CE_k`` the
    cross-entropy of plan ``k`` on the row (:meth:`plan_losses`, fixed), ``g`` the hard
    straight-through Gumbel-softmax sample of the gate (temperature ``gate_temperature``),
    and the expected compute of the plans under the gate's probabilities relative to running
    every present modality, averaged over the rows (:meth:`gate_objective`; AdamW with learning
    rate ``gate_lr``: a few steps per epoch on the small held-out slice). Its epoch is
    selected on validation among those whose mean chosen compute there is within the budget.
    ``budget`` is the target mean compute (1: no penalty; 0 with ``cost_weight`` λ: the
    plain penalty λ · E[compute]).

    ``gate_holdout=0`` is the earlier joint training: ``training_loss`` adds to the
    backbone's loss the gate's loss on the first ``gate_rows`` rows of the batch (0: all)
    with ``CE_k`` under the current backbone on those same training rows (no gradient to
    it). The backbone fits its training rows to near-zero loss under every plan, so that
    gate learns little about which modalities help (docs/results.md, "Dynamic fusion").
    """

    def __init__(self, input_dims: Sequence[int], num_classes: int, budget: float = 1.0,
                 cost_weight: float = 10.0, plans: str = "auto", gate_hidden: int = 32,
                 gate_temperature: float = 1.0, gate_rows: int = 32,
                 gate_holdout: float = 0.2, gate_lr: float = 1e-2, **kwargs):
        _check_number("budget", budget, 0.0, 1.0)
        _check_number("cost_weight", cost_weight, 0.0)
        _check_number("gate_hidden", gate_hidden, 0, integer=True)
        _check_number("gate_temperature", gate_temperature, 0.0, low_open=True)
        _check_number("gate_rows", gate_rows, 0, integer=True)
        _check_number("gate_holdout", gate_holdout, 0.0, 0.9)
        _check_number("gate_lr", gate_lr, 0.0, low_open=True)
        super().__init__(input_dims, num_classes, **kwargs)
        num_modalities = len(input_dims)
        self.register_buffer("plans", plan_masks(num_modalities, plans), persistent=False)
        width = sum(input_dims) + num_modalities
        count = self.plans.shape[0]
        self.gate = (nn.Linear(width, count) if gate_hidden == 0 else
                     nn.Sequential(nn.Linear(width, gate_hidden), nn.GELU(),
                                   nn.Linear(gate_hidden, count)))
        self.budget = float(budget)
        self.cost_weight = float(cost_weight)
        self.gate_temperature = float(gate_temperature)
        self.gate_rows = gate_rows
        self.gate_holdout = float(gate_holdout)
        self.gate_lr = float(gate_lr)
        # False while stage 1 trains the backbone alone: the forward runs every present
        # modality (cldmdf.training.fit_dynamic)
        self.run_gate = True
        self.cost = ComputeCost(self)

    def reset_gate(self) -> None:
        """Fresh parameters for the gate (the default initialisation of its layers), with a
        prior for the full plan: its bias ``log(K − 1) + 2``, so that the fresh gate picks it
        with probability about 0.88 (every other plan's about 0.12 / (K − 1)) and moves
        away from it only as far as the plans' losses and the budget push it."""
        for layer in self.gate.modules():
            if isinstance(layer, nn.Linear):
                layer.reset_parameters()
        count = self.plans.shape[0]
        if count > 1:
            with torch.no_grad():
                last = self.gate if isinstance(self.gate, nn.Linear) else self.gate[-1]
                last.bias[count - 1] += math.log(count - 1) + 2.0

    def gate_logits(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        """[B, K] plan scores; -inf for plans that hold none of a sample's present
        modalities (a sample with nothing present keeps every plan: it runs nothing)."""
        inputs = [torch.where(mask[:, m:m + 1], x, torch.zeros_like(x))
                  for m, x in enumerate(modalities)]
        logits = self.gate(torch.cat(inputs + [mask.to(modalities[0].dtype)], dim=1))
        valid = (mask[:, None, :] & self.plans[None]).any(2) | ~mask.any(1, keepdim=True)
        return logits.masked_fill(~valid, float("-inf"))

    def relative_cost(self, mask: Tensor) -> Tensor:
        """[B, K] the compute of each plan on each sample relative to running every present
        modality (packed FLOPs, without the gate)."""
        chosen = mask[:, None, :] & self.plans[None]
        return (self.cost.packed(chosen) / self.cost.packed(mask)[:, None]).to(torch.float32)

    def select(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        """The mask [B, M] the model runs with: the present modalities of each sample's
        plan (a Gumbel-softmax sample in training, the argmax at inference)."""
        logits = self.gate_logits(modalities, mask)
        if self.training:
            logits = F.gumbel_softmax(logits, tau=self.gate_temperature, hard=True)
        return mask & self.plans[logits.argmax(1)]

    def forward(self, modalities: List[Tensor], mask: Tensor) -> CLDMDFOutput:
        """The gated forward: ``mask`` of the output is the mask the model ran with (every
        present modality while ``run_gate`` is False)."""
        if not self.run_gate:
            return packed_forward(self, modalities, mask)
        return packed_forward(self, modalities, self.select(modalities, mask))

    @torch.no_grad()
    def plan_losses(self, modalities: List[Tensor], mask: Tensor, labels: Tensor) -> Tensor:
        """[B, K] the cross-entropy of each plan on each row under the backbone as it is (its
        current train / eval mode; no gradient); 0 for plans that hold none of the row's
        present modalities."""
        rows, num_modalities = mask.shape
        count = self.plans.shape[0]
        tokens = self.embed(modalities, mask).tokens
        plan_mask = (mask[None] & self.plans[:, None, :]).reshape(count * rows, num_modalities)
        out = packed_body(self, tokens.repeat(count, 1, 1), plan_mask)
        ce = F.cross_entropy(out.logits, labels.repeat(count), reduction="none")
        valid = (mask[:, None, :] & self.plans[None]).any(2)
        return ce.view(count, rows).t().masked_fill(~valid, 0.0)

    def gate_objective(self, modalities: List[Tensor], mask: Tensor, ce: Tensor) -> Tensor:
        """The gate's loss on rows with something present, given their plans' losses ``ce``
        [B, K] (:meth:`plan_losses`): the hard straight-through Gumbel-softmax selection of
        the plans' losses plus the penalty on the expected relative compute."""
        logits = self.gate_logits(modalities, mask)
        choice = F.gumbel_softmax(logits, tau=self.gate_temperature, hard=True)
        # plans no present modality of the sample is in have g = 0 and CE 0
        task = (choice * ce).sum(1).mean()
        expected = (logits.softmax(1) * self.relative_cost(mask)).sum(1).mean()
        return task + self.cost_weight * F.relu(expected - self.budget)

    def gate_loss(self, modalities: List[Tensor], mask: Tensor, labels: Tensor) -> Tensor:
        """The joint training's gate loss on a batch (``gate_holdout=0``, see the class):
        the plans' losses under the current backbone on these rows, then
        :meth:`gate_objective`."""
        live = mask.any(1)
        if not bool(live.all()):
            modalities = [x[live] for x in modalities]
            mask, labels = mask[live], labels[live]
        if mask.shape[0] == 0:
            return mask.new_zeros((), dtype=torch.float32)
        return self.gate_objective(modalities, mask, self.plan_losses(modalities, mask, labels))

    def training_loss(self, modalities: List[Tensor], mask: Tensor, labels: Tensor,
                      entity: Tensor, task_normaliser: Optional[float] = None,
                      row_offset: int = 0) -> Tensor:
        if (torch.distributed.is_available() and torch.distributed.is_initialized()
                and torch.distributed.get_world_size() > 1):
            raise RuntimeError("cl-dmdf-dynamic does not train across processes (torchrun): "
                               "its gate's loss is not shared out over ranks")
        dropped = drop_modalities(mask, self.modality_dropout)
        loss = self.output_loss(packed_forward(self, modalities, dropped), labels, entity,
                                task_normaliser, row_offset)
        if self.gate_holdout > 0:  # two stages: the gate trains apart (training.fit_gate)
            return loss
        rows = mask.shape[0] if self.gate_rows == 0 else min(self.gate_rows, mask.shape[0])
        return loss + self.gate_loss([x[:rows] for x in modalities], mask[:rows],
                                     labels[:rows])
