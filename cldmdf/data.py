"""Loaders for the real multimodal data sets shipped in cldmdf/data/ (see
cldmdf/data/SOURCES.md for their origin and licences), and the missing-modality
protocol of the incomplete multi-view literature."""
import csv
import gzip
import os
from dataclasses import dataclass
from typing import List, Optional

import numpy as np
import torch

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


@dataclass
class MultimodalDataset:
    """Modalities as a list of [N, d_m] float32 tensors, `mask` [N, M] bool (True: present),
    integer `labels` [N] and `entity` [N] int64 ids (the sample itself when the data has no
    entity structure)."""
    name: str
    modalities: List[torch.Tensor]
    mask: torch.Tensor
    labels: torch.Tensor
    entity: torch.Tensor
    modality_names: List[str]
    num_classes: int

    def __len__(self):
        return self.labels.shape[0]


def load_handwritten() -> MultimodalDataset:
    """UCI Multiple Features ("Handwritten"): 2,000 digits, 6 views, 10 classes."""
    d = np.load(os.path.join(DATA_DIR, "handwritten.npz"))
    names = [str(v) for v in d["views"]]
    mods = [torch.from_numpy(d[v]) for v in names]
    n = len(d["labels"])
    return MultimodalDataset("handwritten", mods, torch.ones(n, len(mods), dtype=torch.bool),
                             torch.from_numpy(d["labels"]), torch.arange(n), names, 10)


def load_nutrimouse(target: str = "genotype") -> MultimodalDataset:
    """nutrimouse: 40 mice, gene (120) and lipid (21) views; target 'genotype' or 'diet'."""
    d = np.load(os.path.join(DATA_DIR, "nutrimouse.npz"))
    mods = [torch.from_numpy(d["gene"]), torch.from_numpy(d["lipid"])]
    labels = torch.from_numpy(d[target])
    return MultimodalDataset("nutrimouse", mods, torch.ones(40, 2, dtype=torch.bool), labels,
                             torch.arange(40), ["gene", "lipid"], int(labels.max()) + 1)


PBC_GROUPS = {
    "liver": ["bili", "albumin", "alk.phos", "ast", "protime"],
    "lipids_counts": ["chol", "platelet"],
    "clinical": ["ascites", "hepato", "spiders", "edema"],
    "demographics": ["age", "sex", "trt", "day"],
}


def load_pbcseq(target: str = "death") -> MultimodalDataset:
    """pbcseq: 1,945 visits of 312 patients in 4 modality groups with natural missingness.

    A group is missing at a visit when any of its values is NA. Entity = patient id.
    target 'death' (status == 2 at the end of follow-up) or 'stage' (histologic stage 1-4,
    as classes 0-3; visits with unknown stage get -1)."""
    with gzip.open(os.path.join(DATA_DIR, "pbcseq.csv.gz"), "rt") as f:
        rows = list(csv.DictReader(f))

    def value(row, col):
        v = row[col]
        if v == "NA":
            return np.nan
        if col == "sex":
            return 1.0 if v == "f" else 0.0
        return float(v)

    mods, present = [], []
    for cols in PBC_GROUPS.values():
        table = np.array([[value(r, c) for c in cols] for r in rows], dtype=np.float32)
        ok = ~np.isnan(table).any(axis=1)
        mods.append(torch.from_numpy(np.nan_to_num(table)))
        present.append(torch.from_numpy(ok))
    entity = torch.tensor([int(r["id"]) for r in rows])
    if target == "death":
        labels = torch.tensor([int(r["status"] == "2") for r in rows])
        classes = 2
    elif target == "stage":
        labels = torch.tensor([int(r["stage"]) - 1 if r["stage"] != "NA" else -1 for r in rows])
        classes = 4
    else:
        raise ValueError(f"target must be 'death' or 'stage', got {target!r}")
    return MultimodalDataset("pbcseq", mods, torch.stack(present, dim=1), labels, entity,
                             list(PBC_GROUPS), classes)


def missing_mask(num_samples: int, num_modalities: int, rate: float, seed: int,
                 base: Optional[torch.Tensor] = None, tol: float = 0.005) -> torch.Tensor:
    """Random missing-modality mask with realised missing rate within `tol` of `rate`
    (CPM-Nets' procedure): every sample keeps one randomly chosen present modality, the
    other entries are dropped at random, and the draw is repeated until the realised rate
    (over all entries, natural missingness of `base` included) is within tol of rate."""
    base = torch.ones(num_samples, num_modalities, dtype=torch.bool) if base is None else base
    if rate <= 0:
        return base.clone()
    gen = torch.Generator().manual_seed(seed)
    total = num_samples * num_modalities
    natural = total - int(base.sum())
    with_any = int(base.any(1).sum())
    max_rate = 1.0 - with_any / total
    if rate > max_rate + tol:
        raise ValueError(f"missing rate {rate} impossible: every sample keeps one of "
                         f"{num_modalities} modalities (max {max_rate:.3f})")
    if rate < natural / total - tol:
        raise ValueError(f"missing rate {rate} impossible: the natural missing rate of `base` "
                         f"is already {natural / total:.3f}")
    # the drop probability of a droppable entry (present and not the kept one) that makes
    # the expected realised rate, natural missingness included, equal to `rate`
    drop_prob = (rate * total - natural) / max(1, total - natural - with_any)
    for _ in range(10000):
        # the kept modality: uniformly among the sample's present ones
        scores = torch.rand(num_samples, num_modalities, generator=gen).masked_fill(~base, -1)
        keep = torch.nn.functional.one_hot(scores.argmax(1), num_modalities).bool()
        drop = torch.rand(num_samples, num_modalities, generator=gen) < drop_prob
        mask = base & (keep | ~drop)
        realised = 1.0 - mask.float().mean().item()
        if abs(realised - rate) <= tol:
            return mask
    raise RuntimeError(f"could not draw a mask with missing rate {rate} +- {tol}")


def standardize(train: torch.Tensor, *others: torch.Tensor, present: Optional[torch.Tensor] = None):
    """z-scores every column with the mean and std of the (present) training rows."""
    rows = train if present is None else train[present]
    mean = rows.mean(0, keepdim=True)
    std = rows.std(0, keepdim=True).clamp_min(1e-6)
    return [(t - mean) / std for t in (train,) + others]


def stratified_group_split(labels: torch.Tensor, groups: torch.Tensor, fraction: float,
                           seed: int):
    """Splits the samples [N] in two by whole groups, holding out round(fraction · n_c) of
    the n_c groups of every class c (a group's class is its first sample's label), so no
    group has samples on both sides. With `groups = arange(N)` it is a plain stratified
    split. Returns the (kept, held_out) sample indices, each sorted."""
    n = labels.shape[0]
    unique_groups, group_of = torch.unique(groups, return_inverse=True)
    first = torch.full((len(unique_groups),), n).scatter_reduce(0, group_of, torch.arange(n),
                                                                "amin")
    group_label = labels[first]
    gen = torch.Generator().manual_seed(seed)
    held_out_group = torch.zeros(len(unique_groups), dtype=torch.bool)
    for c in torch.unique(group_label):
        members = (group_label == c).nonzero().squeeze(1)
        members = members[torch.randperm(len(members), generator=gen)]
        held_out_group[members[: round(fraction * len(members))]] = True
    held_out = held_out_group[group_of]
    return (~held_out).nonzero().squeeze(1), held_out.nonzero().squeeze(1)
