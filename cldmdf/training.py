"""The evaluation protocol of MODEL.md: splits, missing-modality masks, standardisation,
training with early stopping on a validation split, and test metrics.

One run is (task, model variant, missing rate η, seed). Per seed the samples are split
into train / validation / test (by whole entities for pbcseq, stratified by class), the
mask of missing modalities is drawn at rate η for all samples (on top of the natural
missingness), every modality is standardised with the statistics of its present training
rows, and the missing entries are set to NaN so that no model can read them. The model is
trained with AdamW; the epoch kept is the one with the best validation score; the test
split is touched once, at the end.
"""
import copy
import inspect
import time
from dataclasses import dataclass, field, fields, replace
from typing import Callable, Dict, List, Tuple

import torch
import torch.nn.functional as F
from torch import Tensor

from . import data, metrics
from .nn import CLDMDF, ConcatMLP, LateFusion


@dataclass
class Fold:
    """Part of a data set ready for a model: ``modalities`` [n, d_m] (NaN where missing),
    ``mask`` [n, M] bool, ``labels`` [n] and ``entity`` [n] int64."""
    modalities: List[Tensor]
    mask: Tensor
    labels: Tensor
    entity: Tensor

    def __len__(self):
        return self.labels.shape[0]

    def rows(self, idx: Tensor) -> "Fold":
        return Fold([x[idx] for x in self.modalities], self.mask[idx], self.labels[idx],
                    self.entity[idx])


@dataclass
class TrainConfig:
    epochs: int = 150
    batch_size: int = 128
    lr: float = 1e-3
    weight_decay: float = 1e-2
    patience: int = 30  # epochs without a better validation score before stopping


@dataclass
class Task:
    """A data set with its metrics (the first selects the epoch on the validation split)
    and default missing rates η; ``model_kwargs`` and ``train`` are its default
    hyper-parameters."""
    load: Callable[[], data.MultimodalDataset]
    metrics: Tuple[str, ...]
    rates: Tuple[float, ...]
    model_kwargs: Dict = field(default_factory=dict)
    train: TrainConfig = field(default_factory=TrainConfig)


TASKS = {
    "handwritten": Task(data.load_handwritten, ("accuracy", "macro_f1"), (0.0, 0.1, 0.3, 0.5, 0.7),
                        dict(dim=128, groups=4, modality_dropout=0.5, entity_mode="class")),
    # η counts pbcseq's natural missingness (0.122), so η = 0 means "natural only"
    "pbcseq": Task(lambda: data.load_pbcseq("death"), ("auroc", "accuracy"), (0.0, 0.3, 0.5),
                   dict(dim=32, entity_mode="entity", modality_dropout=0.3)),
    "nutrimouse": Task(data.load_nutrimouse, ("accuracy", "macro_f1"), (0.0, 0.25),
                       dict(entity_mode="class"), TrainConfig(epochs=60, batch_size=16)),
}

# name -> (model class, the settings that define the variant; they win over any override)
VARIANTS = {
    "cl-dmdf": (CLDMDF, {}),
    "no-contrastive": (CLDMDF, dict(contrastive_weight=0.0)),
    "no-feature-attention": (CLDMDF, dict(feature_attention=False)),
    "mean-pooling": (CLDMDF, dict(fusion="mean")),
    "concat-mlp": (ConcatMLP, {}),
    "late-fusion": (LateFusion, {}),
}


def protocol_splits(ds: data.MultimodalDataset, seed: int, test_fraction: float = 0.2,
                    val_fraction: float = 0.2) -> Tuple[Tensor, Tensor, Tensor]:
    """(train, val, test) sample indices: ``test_fraction`` of the entities of each class
    held out for test, then ``val_fraction`` of the rest for validation. Entities are the
    data set's ids (patients in pbcseq; the samples themselves elsewhere)."""
    rest, test = data.stratified_group_split(ds.labels, ds.entity, test_fraction, seed)
    train, val = data.stratified_group_split(ds.labels[rest], ds.entity[rest], val_fraction,
                                             seed + 1)
    return rest[train], rest[val], test


def prepare_folds(ds: data.MultimodalDataset, rate: float, seed: int) -> Dict[str, Fold]:
    """The train / val / test folds of one seed at missing rate ``rate``."""
    mask = data.missing_mask(len(ds), len(ds.modalities), rate, seed, base=ds.mask)
    train, val, test = protocol_splits(ds, seed)
    modalities = []
    for m, x in enumerate(ds.modalities):
        _, x = data.standardize(x[train], x, present=mask[train, m])
        modalities.append(x.masked_fill(~mask[:, m:m + 1], float("nan")))
    full = Fold(modalities, mask, ds.labels, ds.entity)
    return {"train": full.rows(train), "val": full.rows(val), "test": full.rows(test)}


def build_model(variant: str, input_dims: List[int], num_classes: int,
                overrides: Dict) -> torch.nn.Module:
    """The model of ``variant``; ``overrides`` the constructor does not take are ignored
    (so one setting such as ``dropout`` serves every model that has it)."""
    cls, switches = VARIANTS[variant]
    accepted = inspect.signature(cls).parameters
    kwargs = {k: v for k, v in overrides.items() if k in accepted}
    return cls(input_dims, num_classes, **{**kwargs, **switches})


@torch.no_grad()
def evaluate(model: torch.nn.Module, fold: Fold, num_classes: int) -> Dict[str, float]:
    """Cross-entropy ``loss``, ``accuracy``, ``macro_f1`` and, for two classes, ``auroc``."""
    model.eval()
    logits = model.predict_logits(fold.modalities, fold.mask)
    pred = logits.argmax(1)
    scores = {"loss": F.cross_entropy(logits, fold.labels).item(),
              "accuracy": metrics.accuracy(pred, fold.labels),
              "macro_f1": metrics.macro_f1(pred, fold.labels, num_classes)}
    if num_classes == 2:
        scores["auroc"] = metrics.auroc(logits.softmax(1)[:, 1], fold.labels)
    return scores


def fit(model: torch.nn.Module, train: Fold, val: Fold, num_classes: int, cfg: TrainConfig,
        select: str, seed: int) -> Tuple[int, Dict[str, float]]:
    """Trains ``model`` with AdamW and leaves it at the epoch with the best validation
    ``select`` score (ties: lower validation loss). Returns (that epoch, its val scores)."""
    # foreach: one multi-tensor update instead of a Python loop over the parameters
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay,
                            foreach=True)
    order = torch.Generator().manual_seed(seed)
    best_key, best_epoch, best_scores, best_state = None, 0, {}, None
    for epoch in range(1, cfg.epochs + 1):
        model.train()
        for idx in torch.randperm(len(train), generator=order).split(cfg.batch_size):
            batch = train.rows(idx)
            loss = model.training_loss(batch.modalities, batch.mask, batch.labels, batch.entity)
            opt.zero_grad()
            loss.backward()
            opt.step()
        scores = evaluate(model, val, num_classes)
        key = (scores[select], -scores["loss"])
        if best_key is None or key > best_key:
            best_key, best_epoch, best_scores = key, epoch, scores
            best_state = copy.deepcopy(model.state_dict())
        elif epoch - best_epoch >= cfg.patience:
            break
    model.load_state_dict(best_state)
    return best_epoch, best_scores


def run_settings(task: Task, overrides: Dict) -> Tuple[TrainConfig, Dict]:
    """The training config and model keyword arguments of a run: the task's defaults
    updated by ``overrides``. A setting that neither TrainConfig nor a model takes is an
    error, so a typo cannot go unnoticed."""
    train_fields = {f.name for f in fields(TrainConfig)}
    known = train_fields.union(*(inspect.signature(cls).parameters for cls, _ in VARIANTS.values()))
    known -= {"input_dims", "num_classes"}  # given by the data set
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise ValueError(f"unknown settings {unknown}; known: {sorted(known)}")
    cfg = replace(task.train, **{k: v for k, v in overrides.items() if k in train_fields})
    model_kwargs = {**task.model_kwargs,
                    **{k: v for k, v in overrides.items() if k not in train_fields}}
    return cfg, model_kwargs


def run(task_name: str, variant: str, rate: float, seed: int, overrides: Dict = None,
        ds: data.MultimodalDataset = None) -> Dict:
    """One run of the protocol. ``overrides`` (model keyword arguments and TrainConfig
    fields) win over the task's defaults; ``ds`` saves reloading the task's data. Returns
    the realised missing rate, the selected epoch, val and test scores and the wall time."""
    task = TASKS[task_name]
    ds = task.load() if ds is None else ds
    cfg, model_kwargs = run_settings(task, overrides or {})
    start = time.time()
    folds = prepare_folds(ds, rate, seed)
    torch.manual_seed(seed)
    model = build_model(variant, [x.shape[1] for x in ds.modalities], ds.num_classes,
                        model_kwargs)
    epoch, val = fit(model, folds["train"], folds["val"], ds.num_classes, cfg, task.metrics[0],
                     seed)
    all_mask = torch.cat([f.mask for f in folds.values()])
    return {"task": task_name, "model": variant, "rate": rate, "seed": seed,
            "realised_rate": 1.0 - all_mask.double().mean().item(), "epoch": epoch,
            "val": val, "test": evaluate(model, folds["test"], ds.num_classes),
            "seconds": time.time() - start}
