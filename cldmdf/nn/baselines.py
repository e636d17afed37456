"""Baselines for classification with missing modalities, with the same interface as
:class:`cldmdf.nn.CLDMDF` (``predict_logits`` and ``training_loss``).

Shapes: ``B`` batch, ``M`` modalities, ``d_m`` width of modality ``m``, ``C`` classes.
``mask`` [B, M] bool is True where a modality is present; missing rows are never read.
"""
from typing import Dict, List, Optional, Sequence, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

from .model import drop_modalities, task_cross_entropy


def zero_filled(modalities: List[Tensor], mask: Tensor, missing_indicator: bool) -> Tensor:
    """The modalities concatenated, missing rows zero-filled (the training mean, on
    standardised data), then M indicators: ``~mask`` if ``missing_indicator``, else ``mask``."""
    # where, not multiplication: a NaN in a missing row must not survive as 0 * NaN
    imputed = [torch.where(mask[:, m:m + 1], x, 0.0) for m, x in enumerate(modalities)]
    flags = ~mask if missing_indicator else mask
    return torch.cat(imputed + [flags.to(imputed[0].dtype)], dim=1)


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
        return self.net(zero_filled(modalities, mask, False))

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
        return task_cross_entropy(self(modalities, mask), labels, task_normaliser)


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
        return task_cross_entropy(logits, targets, task_normaliser)


class LogisticRegression(nn.Module):
    """The linear baseline: L2-regularised (multinomial) logistic regression on the
    concatenated standardised features, missing modalities zero-filled (the training mean) with
    the M missing indicators appended.

    Fitted to convergence by L-BFGS (full batch, float64), not by the epochs of
    :func:`cldmdf.training.fit`: :meth:`fit_convex` minimises ``mean cross-entropy +
    ||W||² / (2 C n)`` (the bias unpenalised; C as in scikit-learn) for every ``C`` of
    ``C_GRID`` and keeps the one with the best validation score (``C`` > 0: that one only).
    The chosen C is the buffer ``chosen_C``, saved with the weights."""

    C_GRID = (1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0)

    def __init__(self, input_dims: Sequence[int], num_classes: int, C: float = 0.0,
                 max_iter: int = 500):
        super().__init__()
        if C < 0:
            raise ValueError(f"LogisticRegression: C expected > 0 (or 0: chosen on validation), "
                             f"got {C}")
        self.linear = nn.Linear(sum(input_dims) + len(input_dims), num_classes)
        self.C = C
        self.max_iter = max_iter
        self.register_buffer("chosen_C", torch.tensor(float(C)))

    def features(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        return zero_filled(modalities, mask, True)

    def forward(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        return self.linear(self.features(modalities, mask))

    @torch.jit.export
    def predict_logits(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        return self(modalities, mask)

    def task_terms(self, mask: Tensor) -> int:
        return mask.shape[0]

    @torch.jit.export
    def training_loss(self, modalities: List[Tensor], mask: Tensor, labels: Tensor,
                      entity: Tensor, task_normaliser: Optional[float] = None,
                      row_offset: int = 0) -> Tensor:
        """Mean cross-entropy (its sum / ``task_normaliser`` when given); the penalty is
        :meth:`fit_convex`'s."""
        return task_cross_entropy(self(modalities, mask), labels, task_normaliser)

    def _solve(self, x: Tensor, y: Tensor, C: float) -> Tuple[Tensor, Tensor]:
        n, k = x.shape[0], self.linear.out_features
        w = torch.zeros(k, x.shape[1], dtype=torch.float64, requires_grad=True)
        b = torch.zeros(k, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.LBFGS([w, b], lr=1.0, max_iter=self.max_iter, tolerance_grad=1e-9,
                                tolerance_change=1e-12, history_size=20,
                                line_search_fn="strong_wolfe")

        def closure():
            opt.zero_grad()
            loss = F.cross_entropy(x @ w.t() + b, y) + (w * w).sum() / (2 * C * n)
            loss.backward()
            return loss
        opt.step(closure)
        return w.detach(), b.detach()

    @torch.no_grad()
    def _load(self, w: Tensor, b: Tensor, C: float) -> None:
        self.linear.weight.copy_(w)
        self.linear.bias.copy_(b)
        self.chosen_C.fill_(C)

    def fit_convex(self, train, val, select: str, evaluate) -> Tuple[float, Dict[str, float]]:
        """Fits on ``train`` for each C and keeps the best on ``val`` by ``select`` (ties: the
        lower validation loss); ``evaluate(model, fold)`` scores a fold. Returns (C, scores)."""
        with torch.no_grad():
            x = self.features(train.modalities, train.mask).double()
        y = train.labels
        best = None
        for C in ((self.C,) if self.C > 0 else self.C_GRID):
            with torch.enable_grad():
                w, b = self._solve(x, y, C)
            self._load(w, b, C)
            scores = evaluate(self, val)
            key = (scores[select], -scores["loss"])
            if best is None or key > best[0]:
                best = (key, C, w, b, scores)
        _, C, w, b, scores = best
        self._load(w, b, C)
        return C, scores
