"""Loaders for the real multimodal data sets shipped in cldmdf/data/ (see
cldmdf/data/SOURCES.md for their origin and licences) and for a user's CSV file, and the
missing-modality protocol of the incomplete multi-view literature."""
import csv
import gzip
import math
import os
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

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
    class_names: Optional[List[str]] = None  # the labels as written in a CSV file
    # a fixed test split (bool [N], e.g. ROSMAP's published one); None: drawn per seed
    fixed_test: Optional[torch.Tensor] = None
    test_fraction: float = 0.2  # of each class's entities held out for test per seed

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


def load_rosmap(split: str = "fixed") -> MultimodalDataset:
    """ROSMAP (MOGONET's release): 351 subjects, mRNA / methylation / miRNA (200 features
    each), AD (1) vs normal control (0). ``split="fixed"``: MOGONET's 245/106 train/test split
    (``fixed_test``); ``"random"``: no fixed split (the protocol draws one per seed)."""
    if split not in ("fixed", "random"):
        raise ValueError(f"load_rosmap: split expected 'fixed' or 'random', got {split!r}")
    d = np.load(os.path.join(DATA_DIR, "rosmap.npz"))
    names = [str(v) for v in d["modalities"]]
    mods = [torch.from_numpy(d[v]) for v in names]
    n = len(d["labels"])
    fixed = torch.from_numpy(d["is_test"]) if split == "fixed" else None
    return MultimodalDataset("rosmap" if split == "fixed" else "rosmap-random", mods,
                             torch.ones(n, len(mods), dtype=torch.bool),
                             torch.from_numpy(d["labels"]), torch.arange(n), names, 2,
                             ["NC", "AD"], fixed, 0.2 if split == "fixed" else 0.3)


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


class DataError(ValueError):
    """A data file that cannot be used; the message names the file and what is wrong."""


MISSING_CELLS = {"", "na", "nan", "null"}  # compared lower-cased, after stripping spaces


def load_csv(path: str, label_column: str = "label",
             entity_column: str = "entity") -> MultimodalDataset:
    """A user's multimodal data set from a CSV file (optionally gzip-compressed, *.gz).

    The first line is the header. Columns:

    * ``label`` (required): the class of the row, any text or number (never empty). Classes
      are numbered in sorted order (numerically when every label is an integer).
    * ``entity`` (optional): the id of the entity the row belongs to (e.g. a patient with
      several visits); splits then keep an entity's rows together. Without it every row
      is its own entity.
    * ``<modality>:<feature>``: a numeric feature of a modality, e.g. ``mri:volume``; the
      modalities are taken in the order in which they first appear.

    An empty cell (or ``NA``, ``NaN``, ``null``) is a missing value. A modality is missing
    in a row when all its cells are empty; a single missing cell of a present modality is
    later imputed with the training mean of its feature. Raises :class:`DataError` with a
    one-line message for a file that cannot be read or does not follow this format."""
    name = os.path.basename(path)
    for ext in (".gz", ".csv"):
        name = name[:-len(ext)] if name.lower().endswith(ext) else name
    where = path

    def fail(message):
        raise DataError(f"{where}: {message}")

    if not os.path.exists(path):
        fail("no such file")
    if os.path.isdir(path):
        fail("is a directory, not a CSV file")
    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            lines = list(csv.reader(f))
    except UnicodeDecodeError:
        fail("cannot read it as UTF-8 text (is it a CSV file?)")
    except (OSError, EOFError, csv.Error) as err:
        fail(f"cannot read it: {getattr(err, 'strerror', None) or err}")
    # (line number, cells) of the non-blank lines; line numbers as an editor shows them
    rows = [(i + 1, row) for i, row in enumerate(lines) if any(c.strip() for c in row)]
    if not rows:
        fail("the file is empty (expected a header line with a 'label' column)")
    header_line, header = rows[0]
    header = [c.strip() for c in header]
    rows = rows[1:]
    if not rows:
        fail("no data rows after the header")
    seen = set()
    for column in header:
        if column in seen:
            fail(f"column {column!r} appears twice in the header")
        seen.add(column)
    if label_column not in header:
        fail(f"no {label_column!r} column in the header (columns: {', '.join(header)})")
    features: Dict[str, List[int]] = {}  # modality -> column indices
    feature_names: Dict[str, List[str]] = {}
    for i, column in enumerate(header):
        if column in (label_column, entity_column):
            continue
        modality, sep, feature = column.partition(":")
        if not sep or not modality.strip() or not feature.strip():
            fail(f"column {column!r} is neither {label_column!r}, {entity_column!r} nor "
                 "'<modality>:<feature>'")
        features.setdefault(modality.strip(), []).append(i)
        feature_names.setdefault(modality.strip(), []).append(feature.strip())
    if not features:
        fail("no feature columns; name them '<modality>:<feature>', e.g. 'mri:volume'")
    label_at = header.index(label_column)
    entity_at = header.index(entity_column) if entity_column in header else None

    labels_text, entities_text = [], []
    values = {m: [] for m in features}
    for line, row in rows:
        if len(row) != len(header):
            fail(f"line {line} has {len(row)} fields, the header has {len(header)}")
        label = row[label_at].strip()
        if label.lower() in MISSING_CELLS:
            fail(f"line {line}: the label is empty or NaN ({row[label_at]!r})")
        labels_text.append(label)
        if entity_at is not None:
            entity = row[entity_at].strip()
            if entity.lower() in MISSING_CELLS:
                fail(f"line {line}: the entity is empty")
            entities_text.append(entity)
        for modality, columns in features.items():
            parsed = []
            for c in columns:
                cell = row[c].strip()
                if cell.lower() in MISSING_CELLS:
                    parsed.append(math.nan)
                    continue
                try:
                    number = float(cell)
                except ValueError:
                    fail(f"line {line}, column {header[c]!r}: {cell!r} is not a number")
                if not math.isfinite(number):
                    fail(f"line {line}, column {header[c]!r}: {cell!r} is not a finite number")
                parsed.append(number)
            values[modality].append(parsed)

    def integer(text):
        try:
            return int(text)
        except ValueError:
            return None

    classes = sorted(set(labels_text))
    if all(integer(c) is not None for c in classes):
        classes.sort(key=int)
    if len(classes) < 2:
        fail(f"the label column holds a single class ({classes[0]!r}); need at least 2")
    class_of = {c: k for k, c in enumerate(classes)}
    labels = torch.tensor([class_of[t] for t in labels_text])
    if entity_at is None:
        entity = torch.arange(len(rows))
    else:
        ids: Dict[str, int] = {}
        entity = torch.tensor([ids.setdefault(e, len(ids)) for e in entities_text])
    modalities, present = [], []
    for modality in features:
        table = torch.tensor(values[modality], dtype=torch.float32)
        modalities.append(table)
        present.append(~table.isnan().all(1))
    return MultimodalDataset(name, modalities, torch.stack(present, dim=1), labels, entity,
                             list(features), len(classes), classes)


RATE_TOL = 0.005  # how far a requested missing rate may be from what the data allows


def missing_rate_bounds(mask: torch.Tensor) -> Tuple[float, float]:
    """(natural, maximum) missing rate of a [n, M] presence mask: the share of missing entries
    already, and the most that leaves every sample that has a modality one of them."""
    total = max(1, mask.numel())
    return 1.0 - int(mask.sum()) / total, 1.0 - int(mask.any(1).sum()) / total


def rate_is_reachable(mask: torch.Tensor, rate: float) -> bool:
    """η = 0 (natural missingness only) always; otherwise within the bounds, up to RATE_TOL."""
    natural, maximum = missing_rate_bounds(mask)
    return rate == 0 or natural - RATE_TOL <= rate <= maximum + RATE_TOL


def missing_mask(num_samples: int, num_modalities: int, rate: float, seed: int,
                 base: Optional[torch.Tensor] = None, tol: float = RATE_TOL) -> torch.Tensor:
    """Random missing-modality mask with realised missing rate within `tol` of `rate`
    (CPM-Nets' procedure): every sample keeps one randomly chosen present modality, the
    other entries are dropped at random, and the draw is repeated until the realised rate
    (over all entries, natural missingness of `base` included) is within tol of rate."""
    base = torch.ones(num_samples, num_modalities, dtype=torch.bool) if base is None else base
    if rate <= 0:
        return base.clone()
    gen = torch.Generator().manual_seed(seed)
    total = num_samples * num_modalities
    natural_rate, max_rate = missing_rate_bounds(base)
    natural = total - int(base.sum())
    with_any = int(base.any(1).sum())
    if rate > max_rate + tol:
        raise ValueError(f"missing rate {rate} impossible: every sample keeps one of "
                         f"{num_modalities} modalities (max {max_rate:.3f})")
    if rate < natural_rate - tol:
        raise ValueError(f"missing rate {rate} impossible: the natural missing rate of `base` "
                         f"is already {natural_rate:.3f}")
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
    """z-scores every column with the mean and std of the (present) training rows.

    NaN cells (missing values of a present modality) are left out of the statistics and
    stay NaN; a column without two values gets mean 0 and std 1."""
    rows = train if present is None else train[present]
    if rows.isnan().any():
        count = (~rows.isnan()).sum(0, keepdim=True)
        mean = rows.nanmean(0, keepdim=True).nan_to_num(0.0)
        var = (rows - mean).square().nansum(0, keepdim=True) / (count - 1).clamp_min(1)
        std = torch.where(count > 1, var.sqrt(), torch.ones_like(var)).clamp_min(1e-6)
    else:
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
