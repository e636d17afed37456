"""Classification metrics in plain torch (no scikit-learn), and the mean ± std summary.

``pred`` and ``labels`` are [N] int64 class indices; ``scores`` [N] float are the
positive-class scores of a binary problem."""
import math
from typing import Sequence, Tuple

import torch
from torch import Tensor


def accuracy(pred: Tensor, labels: Tensor) -> float:
    return (pred == labels).double().mean().item()


def f1(pred: Tensor, labels: Tensor, positive: int = 1) -> float:
    """F1 of class ``positive`` (e.g. AD in ROSMAP): 2·TP / (2·TP + FP + FN); 0 when the class
    is neither present nor predicted."""
    tp = ((pred == positive) & (labels == positive)).sum().item()
    fp = ((pred == positive) & (labels != positive)).sum().item()
    fn = ((pred != positive) & (labels == positive)).sum().item()
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn > 0 else 0.0


def macro_f1(pred: Tensor, labels: Tensor, num_classes: int) -> float:
    """Unweighted mean over classes of F1 = 2·TP / (2·TP + FP + FN); a class that is neither
    present nor predicted is left out (its F1 is undefined)."""
    f1s = []
    for c in range(num_classes):
        tp = ((pred == c) & (labels == c)).sum().item()
        fp = ((pred == c) & (labels != c)).sum().item()
        fn = ((pred != c) & (labels == c)).sum().item()
        if tp + fp + fn > 0:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s)


def auroc(scores: Tensor, labels: Tensor) -> float:
    """Area under the ROC curve of a binary problem (labels in {0, 1}), as the
    Mann-Whitney statistic with tied scores given their average rank. NaN when only
    one class is present."""
    positive = labels == 1
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if n_pos == 0 or n_neg == 0:
        return math.nan
    _, value_of, counts = torch.unique(scores.double(), return_inverse=True, return_counts=True)
    # ranks 1..N; ties share the mean of the ranks they span
    average_rank = counts.cumsum(0).double() - (counts.double() - 1) / 2
    rank_sum = average_rank[value_of][positive].sum().item()
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def mean_std(values: Sequence[float]) -> Tuple[float, float]:
    """Mean and sample standard deviation (n - 1; 0 for one value)."""
    t = torch.tensor(values, dtype=torch.float64)
    return t.mean().item(), (t.std().item() if len(values) > 1 else 0.0)
