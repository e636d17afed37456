"""Baselines for classification with missing modalities, with the same interface as
:class:`cldmdf.nn.CLDMDF` (``predict_logits`` and ``training_loss``).

Shapes: ``B`` batch, ``M`` modalities, ``d_m`` width of modality ``m``, ``C`` classes.
``mask`` [B, M] bool is True where a modality is present; missing rows are never read.
"""
from typing import List, Optional, Sequence

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

from .model import drop_modalities


def mlp(in_dim: int, hidden: int, out_dim: int, dropout: float) -> nn.Sequential:
    """``Linear → LayerNorm → GELU → Dropout → Linear``: [n, in_dim] -> [n, out_dim]."""
    return nn.Sequential(nn.Linear(in_dim, hidden), nn.LayerNorm(hidden), nn.GELU(),
                         nn.Dropout(dropout), nn.Linear(hidden, out_dim))


class ConcatMLP(nn.Module):
    """Feature concatenation: missing modalities imputed by zeros (the training mean,
    on standardised data), the M missing indicators appended, then an MLP.

    ``predict_logits(modalities, mask)`` -> [B, C]."""

    def __init__(self, input_dims: Sequence[int], num_classes: int, hidden: int = 256,
                 dropout: float = 0.1, modality_dropout: float = 0.0):
        super().__init__()
        self.net = mlp(sum(input_dims) + len(input_dims), hidden, num_classes, dropout)
        self.modality_dropout = modality_dropout

    def forward(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        if self.training:
            mask = drop_modalities(mask, self.modality_dropout)
        # where, not multiplication: a NaN in a missing row must not survive as 0 * NaN
        imputed = [torch.where(mask[:, m:m + 1], x, 0.0) for m, x in enumerate(modalities)]
        return self.net(torch.cat(imputed + [mask.to(imputed[0].dtype)], dim=1))

    @torch.jit.export
    def predict_logits(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        return self(modalities, mask)

    def task_terms(self, mask: Tensor) -> int:
        return mask.shape[0]

    @torch.jit.export
    def training_loss(self, modalities: List[Tensor], mask: Tensor, labels: Tensor,
                      entity: Tensor, task_normaliser: Optional[float] = None,
                      row_offset: int = 0) -> Tensor:
        """Mean cross-entropy of the batch (its sum / ``task_normaliser`` when given)."""
        if task_normaliser is None:
            return F.cross_entropy(self(modalities, mask), labels)
        return F.cross_entropy(self(modalities, mask), labels, reduction="sum") / task_normaliser


class LateFusion(nn.Module):
    """Late fusion: one MLP classifier per modality, each trained on the rows where its
    modality is present; the prediction is the mean of the present modalities' class
    probabilities.

    ``predict_logits(modalities, mask)`` -> [B, C] log mean probabilities (uniform for
    a sample with nothing present)."""

    def __init__(self, input_dims: Sequence[int], num_classes: int, hidden: int = 128,
                 dropout: float = 0.1):
        super().__init__()
        self.classifiers = nn.ModuleList(mlp(d, hidden, num_classes, dropout) for d in input_dims)
        self.num_classes = num_classes

    def modality_logits(self, modalities: List[Tensor], mask: Tensor) -> List[Tensor]:
        """Per modality, the logits [n_m, C] of its present rows (in row order)."""
        # indexing the list, not zip(): TorchScript unrolls a loop over the ModuleList itself
        return [clf(modalities[m][mask[:, m]]) for m, clf in enumerate(self.classifiers)]

    @torch.jit.export
    def predict_logits(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        batch = mask.shape[0]
        probs = modalities[0].new_zeros(batch, self.num_classes)
        for m, logits in enumerate(self.modality_logits(modalities, mask)):
            probs = probs.index_add(0, mask[:, m].nonzero().squeeze(1), logits.softmax(-1))
        counts = mask.sum(1, keepdim=True)
        mean = torch.where(counts > 0, probs / counts.clamp_min(1), 1.0 / self.num_classes)
        return mean.log()

    def task_terms(self, mask: Tensor) -> int:
        return int(mask.sum())

    @torch.jit.export
    def training_loss(self, modalities: List[Tensor], mask: Tensor, labels: Tensor,
                      entity: Tensor, task_normaliser: Optional[float] = None,
                      row_offset: int = 0) -> Tensor:
        """Mean cross-entropy over the present (sample, modality) entries (their sum /
        ``task_normaliser`` when given)."""
        per_modality = self.modality_logits(modalities, mask)
        logits = torch.cat(per_modality)
        targets = torch.cat([labels[mask[:, m]] for m in range(mask.shape[1])])
        if task_normaliser is None:
            return F.cross_entropy(logits, targets)
        return F.cross_entropy(logits, targets, reduction="sum") / task_normaliser
