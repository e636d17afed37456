"""The evaluation protocol of docs/MODEL.md: splits, missing-modality masks, standardisation,
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
from typing import Any, Callable, Dict, List, Optional, Tuple

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import Tensor
from torch.nn.parallel import DistributedDataParallel

from . import data, metrics
from .nn import CLDMDF, ConcatMLP, DynamicCLDMDF, LateFusion, LogisticRegression


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

    def to(self, device) -> "Fold":
        return Fold([x.to(device) for x in self.modalities], self.mask.to(device),
                    self.labels.to(device), self.entity.to(device))


@dataclass
class TrainConfig:
    epochs: int = 150
    batch_size: int = 128
    lr: float = 1e-3
    weight_decay: float = 1e-2
    patience: int = 30  # epochs without a better validation score before stopping

    def __post_init__(self):
        for name in ("epochs", "batch_size", "patience"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"setting {name} must be an integer >= 1, got {value!r}")
        for name in ("lr", "weight_decay"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
                raise ValueError(f"setting {name} must be a number >= 0, got {value!r}")


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
    # loads a fixed random subset of that many rows (quick runs, tests); None: not offered
    subsample: Optional[Callable[[int], data.MultimodalDataset]] = None


ROSMAP_MODEL = dict(dim=32, modality_dropout=0.3, encoder_dropout=0.5, entity_mode="class")
ROSMAP_TRAIN = TrainConfig(epochs=100, batch_size=32, patience=20)
CLOTHING_MODEL = dict(dim=64, entity_mode="entity", modality_dropout=0.3)
CLOTHING_TRAIN = TrainConfig(epochs=20, batch_size=256, patience=5)


TASKS = {
    "handwritten": Task(data.load_handwritten, ("accuracy", "macro_f1"), (0.0, 0.1, 0.3, 0.5, 0.7),
                        dict(dim=128, groups=4, modality_dropout=0.5, entity_mode="class")),
    # η counts pbcseq's natural missingness (0.122), so η = 0 means "natural only"
    "pbcseq": Task(lambda: data.load_pbcseq("death"), ("auroc", "accuracy"), (0.0, 0.3, 0.5),
                   dict(dim=32, entity_mode="entity", modality_dropout=0.3)),
    # MOGONET's fixed 245/106 split (validation from the 245), or its protocol of random
    # stratified 70/30 splits; selection on validation AUROC. dim and modality_dropout: the
    # best validation AUROC of 15 settings (η = 0, 5 seeds), encoder_dropout with the
    # per-modality heads: 20 validation splits (docs/results.md)
    "rosmap": Task(data.load_rosmap, ("auroc", "accuracy", "f1"), (0.0, 0.1, 0.3, 0.5),
                   ROSMAP_MODEL, ROSMAP_TRAIN),
    "rosmap-random": Task(lambda: data.load_rosmap("random"), ("auroc", "accuracy", "f1"),
                          (0.0, 0.1, 0.3, 0.5), ROSMAP_MODEL, ROSMAP_TRAIN),
    # reviews of 1,206 garments: title / review text (TF-IDF + SVD fit per split on the
    # training rows) and tabular; splits and contrastive centroids by garment; natural
    # missingness (title 16 %, review 4 %) counted in η. macro-F1 selects for the 5
    # unbalanced ratings (56 % are 5). Rating is never an input of clothing-recommended.
    "clothing-rating": Task(lambda: data.load_clothing("rating"), ("macro_f1", "accuracy"),
                            (0.0, 0.3, 0.5), CLOTHING_MODEL, CLOTHING_TRAIN,
                            lambda rows: data.load_clothing("rating", rows)),
    "clothing-recommended": Task(lambda: data.load_clothing("recommended"),
                                 ("auroc", "accuracy"), (0.0, 0.3, 0.5), CLOTHING_MODEL,
                                 CLOTHING_TRAIN,
                                 lambda rows: data.load_clothing("recommended", rows)),
    "nutrimouse": Task(data.load_nutrimouse, ("accuracy", "macro_f1"), (0.0, 0.25),
                       dict(entity_mode="class"), TrainConfig(epochs=60, batch_size=16)),
}

DEFAULT_RATES = (0.0, 0.1, 0.3, 0.5, 0.7)


def dataset_task(ds: data.MultimodalDataset) -> Task:
    """The task of a user's data set (e.g. from :func:`cldmdf.data.load_csv`): AUROC,
    accuracy and macro-F1 for two classes (AUROC selects the epoch), accuracy and
    macro-F1 otherwise; the missing rates of DEFAULT_RATES that the data allows (0 means
    "natural missingness only"); contrastive points grouped by entity when the data has
    entities, by class otherwise."""
    metrics = ("auroc", "accuracy", "macro_f1") if ds.num_classes == 2 else ("accuracy",
                                                                              "macro_f1")
    rates = tuple(r for r in DEFAULT_RATES if data.rate_is_reachable(ds.mask, r))
    has_entities = len(torch.unique(ds.entity)) < len(ds)
    return Task(lambda: ds, metrics, rates,
                dict(entity_mode="entity" if has_entities else "class"))


# name -> (model class, the settings that define the variant; they win over any override)
VARIANTS = {
    "cl-dmdf": (CLDMDF, {}),
    "no-contrastive": (CLDMDF, dict(contrastive_weight=0.0)),
    "no-feature-attention": (CLDMDF, dict(feature_attention=False)),
    "mean-pooling": (CLDMDF, dict(fusion="mean")),
    # without the per-modality heads (decision-level fusion, deep supervision)
    "no-modality-heads": (CLDMDF, dict(modality_heads=False)),
    # per-sample choice of the modalities to run, with a compute penalty (budget=...)
    "cl-dmdf-dynamic": (DynamicCLDMDF, {}),
    "concat-mlp": (ConcatMLP, {}),
    "late-fusion": (LateFusion, {}),
    "logistic": (LogisticRegression, {}),
}


def protocol_splits(ds: data.MultimodalDataset, seed: int, test_fraction: Optional[float] = None,
                    val_fraction: float = 0.2) -> Tuple[Tensor, Tensor, Tensor]:
    """(train, val, test) sample indices: ``test_fraction`` (default: the data set's) of the
    entities of each class held out for test (or the data set's ``fixed_test`` split), then ``val_fraction`` of the
    rest for validation. Entities are the data set's ids (patients in pbcseq; the samples
    themselves elsewhere)."""
    if ds.fixed_test is not None:
        rest, test = (~ds.fixed_test).nonzero().squeeze(1), ds.fixed_test.nonzero().squeeze(1)
    else:
        fraction = ds.test_fraction if test_fraction is None else test_fraction
        rest, test = data.stratified_group_split(ds.labels, ds.entity, fraction, seed)
    train, val = data.stratified_group_split(ds.labels[rest], ds.entity[rest], val_fraction,
                                             seed + 1)
    return rest[train], rest[val], test


def prepare_folds(ds: data.MultimodalDataset, rate: float, seed: int) -> Dict[str, Fold]:
    """The train / val / test folds of one seed at missing rate ``rate``."""
    mask = data.missing_mask(len(ds), len(ds.modalities), rate, seed, base=ds.mask)
    train, val, test = protocol_splits(ds, seed)
    modalities = []
    # features fit on the training rows (text) are fit on the rows this mask leaves present
    for m, x in enumerate(ds.split_modalities(train, mask)):
        _, x = data.standardize(x[train], x, present=mask[train, m])
        # a missing value of a present modality (user CSV data): the training mean
        x = x.nan_to_num(0.0)
        modalities.append(x.masked_fill(~mask[:, m:m + 1], float("nan")))
    full = Fold(modalities, mask, ds.labels, ds.entity)
    return {"train": full.rows(train), "val": full.rows(val), "test": full.rows(test)}


def model_settings(cls) -> Dict[str, Any]:
    """The settings a model class takes (its constructor's arguments other than the data's
    ``input_dims`` and ``num_classes``) with their defaults (``inspect.Parameter.empty`` when
    none). A constructor that passes ``**kwargs`` on to its base class also takes the base
    class's settings."""
    settings = {}
    for name, p in inspect.signature(cls).parameters.items():
        if p.kind is inspect.Parameter.VAR_KEYWORD:
            base = cls.__mro__[1]
            settings.update({k: v for k, v in model_settings(base).items()
                             if k not in settings})
        elif name not in ("input_dims", "num_classes"):
            settings[name] = p.default
    return settings


def setting_defaults() -> Dict[str, Any]:
    """Every model setting of every variant with its first non-None default."""
    defaults = {}
    for cls, _ in VARIANTS.values():
        for name, default in model_settings(cls).items():
            if default is not inspect.Parameter.empty and default is not None:
                defaults.setdefault(name, default)
    return defaults


def build_model(variant: str, input_dims: List[int], num_classes: int,
                overrides: Dict) -> torch.nn.Module:
    """The model of ``variant``; ``overrides`` the constructor does not take are ignored
    (so one setting such as ``dropout`` serves every model that has it)."""
    cls, switches = VARIANTS[variant]
    accepted = model_settings(cls)
    kwargs = {k: v for k, v in overrides.items() if k in accepted}
    return cls(input_dims, num_classes, **{**kwargs, **switches})


@torch.no_grad()
def evaluate(model: torch.nn.Module, fold: Fold, num_classes: int) -> Dict[str, float]:
    """Cross-entropy ``loss``, ``accuracy``, ``macro_f1`` and, for two classes, ``auroc`` and
    ``f1`` (of class 1)."""
    model.eval()
    logits = model.predict_logits(fold.modalities, fold.mask)
    pred = logits.argmax(1)
    scores = {"loss": F.cross_entropy(logits, fold.labels).item(),
              "accuracy": metrics.accuracy(pred, fold.labels),
              "macro_f1": metrics.macro_f1(pred, fold.labels, num_classes)}
    if num_classes == 2:
        scores["auroc"] = metrics.auroc(logits.softmax(1)[:, 1], fold.labels)
        scores["f1"] = metrics.f1(pred, fold.labels)
    return scores


@dataclass
class FitState:
    """Where training stands after ``epoch`` epochs: the best epoch so far (its
    validation key, scores and model state), whether early stopping has fired, and the
    per-epoch history (``epoch``, ``train_loss`` and the validation scores)."""
    epoch: int = 0
    best_epoch: int = 0
    best_key: Optional[Tuple[float, float]] = None
    best_scores: Dict[str, float] = field(default_factory=dict)
    best_state: Optional[Dict[str, Tensor]] = None
    stopped: bool = False
    history: List[Dict[str, float]] = field(default_factory=list)

    def to_dict(self) -> Dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "FitState":
        d = dict(d)
        if d.get("best_key") is not None:
            d["best_key"] = tuple(d["best_key"])
        return cls(**d)


@dataclass
class EpochEnd:
    """What a :func:`fit` callback receives after every epoch: the epoch, its mean training
    loss, its validation scores, whether it is the new best, the fit state, and the
    objects whose state :meth:`snapshot` saves."""
    epoch: int
    train_loss: float
    val: Dict[str, float]
    improved: bool
    state: FitState
    model: torch.nn.Module
    optimizer: torch.optim.Optimizer
    order: torch.Generator
    rank_rng: Optional[List[Tensor]] = None  # every rank's torch generator (across processes)

    def snapshot(self) -> Dict[str, Any]:
        """Everything needed to continue training exactly where it stands (pass it to
        ``fit(resume=...)``): model and optimizer state, fit state (best epoch, its model
        state, early-stopping counter, history) and the random generators (batch order,
        and torch's global generator that dropout and modality dropout draw from: every
        rank's when training across processes)."""
        rng = {"order": self.order.get_state(), "torch": torch.get_rng_state()}
        if self.rank_rng is not None:
            rng["torch_ranks"] = [s.clone() for s in self.rank_rng]
        return {"model": copy.deepcopy(self.model.state_dict()),
                "optimizer": copy.deepcopy(self.optimizer.state_dict()),
                "fit": copy.deepcopy(self.state.to_dict()),
                "rng": rng}


def world() -> Tuple[int, int]:
    """(world size, rank) of the default process group; (1, 0) without one."""
    if dist.is_available() and dist.is_initialized():
        return dist.get_world_size(), dist.get_rank()
    return 1, 0


class _TrainingStep(torch.nn.Module):
    """What DistributedDataParallel wraps: one forward is the model's training loss."""

    def __init__(self, model: torch.nn.Module):
        super().__init__()
        self.model = model

    def forward(self, modalities: List[Tensor], mask: Tensor, labels: Tensor, entity: Tensor,
                task_normaliser: float, row_offset: int) -> Tensor:
        return self.model.training_loss(modalities, mask, labels, entity, task_normaliser,
                                        row_offset)


def rank_batches(n: int, batch_size: int, order: torch.Generator, world_size: int, rank: int):
    """The distributed sampler of :func:`fit`: the global batches are those of one process
    (every rank draws the same permutation of the training rows from ``order``), and each
    rank takes its consecutive share of every global batch. Yields (global rows, this rank's
    rows, the first of them within the global batch). The splits are made before, on whole
    entities, so an entity's rows stay on one side of every split; a batch may spread an
    entity over ranks, which the distributed contrastive loss handles."""
    for idx in torch.randperm(n, generator=order).split(batch_size):
        parts = idx.tensor_split(world_size)
        yield idx, parts[rank], sum(len(p) for p in parts[:rank])


def fit(model: torch.nn.Module, train: Fold, val: Fold, num_classes: int, cfg: TrainConfig,
        select: str, seed: int, callback: Optional[Callable[[EpochEnd], None]] = None,
        resume: Optional[Dict[str, Any]] = None) -> Tuple[int, Dict[str, float]]:
    """Trains ``model`` with AdamW and leaves it at the epoch with the best validation
    ``select`` score (ties: lower validation loss); stops early after ``cfg.patience``
    epochs without a better one. Returns (that epoch, its val scores).

    ``callback(EpochEnd)`` runs after every epoch (progress display, checkpoints; an
    exception it raises stops training, e.g. to continue later). ``resume``, a
    :meth:`EpochEnd.snapshot`, continues a run from that epoch: the result is the same
    as that of the uninterrupted run.

    Under torch.distributed (e.g. torchrun) with more than one process, ``fit`` trains with
    DistributedDataParallel: ``cfg.batch_size`` is the global batch, shared out by
    :func:`rank_batches`; the task loss is normalised by the global batch and the contrastive
    loss spans every rank (cldmdf.distributed), so a step equals the single-process step on
    the global batch. Dropout draws differ per rank (each rank's generator is seeded with its
    rank). Every rank evaluates the whole validation split; ``callback`` runs where given
    (the CLI gives it to rank 0 only)."""
    if hasattr(model, "fit_convex"):  # solved to convergence, C chosen on validation
        C, scores = model.fit_convex(train, val, select,
                                     lambda m, fold: evaluate(m, fold, num_classes))
        return 0, scores
    if isinstance(model, DynamicCLDMDF) and model.gate_holdout > 0 and model.run_gate:
        return fit_dynamic(model, train, val, num_classes, cfg, select, seed, callback, resume)
    world_size, rank = world()
    step = model
    contrastive = getattr(model, "contrastive", None)
    if world_size > 1:
        torch.manual_seed(seed * 1_000_003 + rank)
        loss_group = dist.new_group()  # the loss's collectives apart from DDP's
        if contrastive is not None:
            contrastive.set_process_group(loss_group)
        device = next(model.parameters()).device
        # the contrastive head is the one part a model can leave unused (weight 0)
        unused = getattr(model, "contrastive_weight", None) == 0
        step = DistributedDataParallel(_TrainingStep(model), find_unused_parameters=unused,
                                       device_ids=[device.index] if device.type == "cuda"
                                       else None)
    # foreach: one multi-tensor update instead of a Python loop over the parameters
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay,
                            foreach=True)
    order = torch.Generator().manual_seed(seed)
    state = FitState()
    if resume is not None:
        model.load_state_dict(resume["model"])
        opt.load_state_dict(resume["optimizer"])
        state = FitState.from_dict(resume["fit"])
        order.set_state(resume["rng"]["order"])
        ranks = resume["rng"].get("torch_ranks")
        torch.set_rng_state(ranks[rank] if ranks is not None and len(ranks) == world_size
                            else resume["rng"]["torch"])
    try:
        _epochs(model, step, opt, order, state, train, val, num_classes, cfg, select, callback,
                world_size, rank)
    finally:
        if world_size > 1:
            if contrastive is not None:
                contrastive.set_process_group(None)
            dist.destroy_process_group(loss_group)
    model.load_state_dict(state.best_state)
    return state.best_epoch, state.best_scores


def gate_split(train: Fold, fraction: float, seed: int) -> Tuple[Tensor, Tensor]:
    """(backbone rows, gate rows) of a training fold for the two-stage dynamic model:
    ``fraction`` of the fold's entities of each class held out for the gate (whole
    entities, so no entity is on both sides), the rest for the backbone. Indices into the
    fold, on its device."""
    kept, held = data.stratified_group_split(train.labels.cpu(), train.entity.cpu(), fraction,
                                             seed + 2)
    return kept.to(train.mask.device), held.to(train.mask.device)


def fit_dynamic(model: DynamicCLDMDF, train: Fold, val: Fold, num_classes: int,
                cfg: TrainConfig, select: str, seed: int,
                callback: Optional[Callable[[EpochEnd], None]] = None,
                resume: Optional[Dict[str, Any]] = None) -> Tuple[int, Dict[str, float]]:
    """The two stages of a :class:`DynamicCLDMDF` with ``gate_holdout`` > 0 (docs/MODEL.md,
    "Dynamic fusion"): stage 1 trains the backbone alone by :func:`fit` on the training rows
    outside the gate's slice (:func:`gate_split`; the gate is off, validation scores the
    backbone on every present modality; ``callback`` and ``resume`` apply to this stage);
    stage 2 trains the gate on the held-out slice with the backbone frozen
    (:func:`fit_gate`). Returns (stage 1's selected epoch, the validation scores of the
    gated model at stage 2's selected epoch)."""
    backbone_rows, gate_rows = gate_split(train, model.gate_holdout, seed)
    model.run_gate = False
    try:
        epoch, _ = fit(model, train.rows(backbone_rows), val, num_classes, cfg, select, seed,
                       callback=callback, resume=resume)
    finally:
        model.run_gate = True
    _, scores = fit_gate(model, train.rows(gate_rows), val, num_classes, cfg, select, seed)
    return epoch, scores


def mean_relative_compute(model: DynamicCLDMDF, fold: Fold) -> float:
    """The mean over ``fold``'s rows with something present of the compute of the plan the
    gate picks at inference, relative to running every present modality."""
    model.eval()
    live = fold.mask.any(1)
    if not bool(live.any()):
        return 0.0
    with torch.no_grad():
        modalities = [x[live] for x in fold.modalities]
        mask = fold.mask[live]
        chosen = model.select(modalities, mask)
        cost = model.cost.packed(chosen) / model.cost.packed(mask)
    return cost.mean().item()


def fit_gate(model: DynamicCLDMDF, gate: Fold, val: Fold, num_classes: int, cfg: TrainConfig,
             select: str, seed: int) -> Tuple[int, Dict[str, float]]:
    """Stage 2 of the dynamic model: the backbone frozen in eval mode, the gate re-initialised
    (from ``seed``; :meth:`DynamicCLDMDF.reset_gate`) and trained with AdamW (learning rate
    ``model.gate_lr``) on the rows of ``gate`` (rows the backbone did not train on) by
    :meth:`DynamicCLDMDF.gate_objective`, the plans' losses there computed once
    (:meth:`DynamicCLDMDF.plan_losses`). Up to ``cfg.epochs`` epochs of ``cfg.batch_size``
    rows; the epoch kept (0: the fresh gate) is the best by (mean chosen compute on
    validation within the budget, validation ``select`` score, lower validation loss), early
    stopping after ``cfg.patience`` epochs without a better one once some epoch has been
    within the budget. The result depends on the backbone,
    ``gate``, ``val``, the budget and ``seed`` only (not on the random state before), so
    one backbone can serve every budget. Returns (that epoch, its validation scores)."""
    model.eval()
    torch.manual_seed(seed)
    model.reset_gate()
    live = gate.mask.any(1)
    modalities = [x[live] for x in gate.modalities]
    mask, labels = gate.mask[live], gate.labels[live]
    ce = model.plan_losses(modalities, mask, labels)
    params = list(model.gate.parameters())
    opt = torch.optim.AdamW(params, lr=model.gate_lr, weight_decay=cfg.weight_decay,
                            foreach=True)
    order = torch.Generator().manual_seed(seed)
    best_key, best_epoch, best_scores, best_state = None, 0, {}, None
    for epoch in range(0, cfg.epochs + 1):  # epoch 0: the fresh gate (DynamicCLDMDF.reset_gate)
        for idx in (torch.randperm(len(labels), generator=order).split(cfg.batch_size)
                    if epoch > 0 else []):
            idx = idx.to(mask.device)
            loss = model.gate_objective([x[idx] for x in modalities], mask[idx], ce[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        scores = evaluate(model, val, num_classes)
        within = mean_relative_compute(model, val) <= model.budget + 1e-6
        key = (within, scores[select], -scores["loss"])
        if best_key is None or key > best_key:
            best_key, best_epoch, best_scores = key, epoch, scores
            best_state = copy.deepcopy(model.gate.state_dict())
        elif best_key[0] and epoch - best_epoch >= cfg.patience:
            break  # (no stop while no epoch has been within the budget on validation)
    for p in params:
        p.grad = None
    if best_state is not None:
        model.gate.load_state_dict(best_state)
    return best_epoch, best_scores


def _epochs(model, step, opt, order, state, train, val, num_classes, cfg, select, callback,
            world_size, rank):
    while not state.stopped and state.epoch < cfg.epochs:
        epoch = state.epoch + 1
        model.train()
        total, count = 0.0, 0
        for idx, mine, offset in rank_batches(len(train), cfg.batch_size, order, world_size,
                                              rank):
            idx, mine = idx.to(train.mask.device), mine.to(train.mask.device)
            batch = train.rows(mine)
            if world_size > 1:
                # DDP averages the gradients over ranks: each rank's share of the global mean
                normaliser = max(model.task_terms(train.mask[idx]), 1) / world_size
                loss = step(batch.modalities, batch.mask, batch.labels, batch.entity,
                            normaliser, offset)
            else:
                loss = model.training_loss(batch.modalities, batch.mask, batch.labels,
                                           batch.entity)
            opt.zero_grad()
            loss.backward()
            opt.step()
            value = loss.detach()
            if world_size > 1:  # the global batch's loss: the mean of the ranks' shares
                value = value.clone()
                dist.all_reduce(value)
                value = value / world_size
            total, count = total + value.item() * len(idx), count + len(idx)
        scores = evaluate(model, val, num_classes)
        key = (scores[select], -scores["loss"])
        improved = state.best_key is None or key > state.best_key
        if improved:
            state.best_key, state.best_epoch, state.best_scores = key, epoch, scores
            state.best_state = copy.deepcopy(model.state_dict())
        elif epoch - state.best_epoch >= cfg.patience:
            state.stopped = True
        state.epoch = epoch
        state.history.append({"epoch": epoch, "train_loss": total / max(count, 1), **scores})
        rank_rng = None
        if world_size > 1:
            rank_rng = [None] * world_size
            dist.all_gather_object(rank_rng, torch.get_rng_state())
        if callback is not None:
            callback(EpochEnd(epoch, total / max(count, 1), scores, improved, state, model, opt,
                              order, rank_rng))


@torch.no_grad()
def class_importance(model: torch.nn.Module, fold: Fold, num_classes: int) -> List[List[float]]:
    """Modality importance per class [C][M]: the mean over the fold's samples of each
    class of the attention each modality receives in the last dual-attention block (over
    the samples where the modality is present; 0 for a class without samples)."""
    model.eval()
    importance = model(fold.modalities, fold.mask).importance  # [n, M]
    present = fold.mask.to(importance.dtype)
    table = []
    for c in range(num_classes):
        rows = fold.labels == c
        table.append(((importance[rows] * present[rows]).sum(0)
                      / present[rows].sum(0).clamp_min(1)).tolist())
    return table


def run_settings(task: Task, overrides: Dict) -> Tuple[TrainConfig, Dict]:
    """The training config and model keyword arguments of a run: the task's defaults
    updated by ``overrides``. A setting that neither TrainConfig nor a model takes is an
    error, so a typo cannot go unnoticed."""
    train_fields = {f.name for f in fields(TrainConfig)}
    known = train_fields.union(*(model_settings(cls) for cls, _ in VARIANTS.values()))
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise ValueError(f"unknown settings {unknown}; known: {sorted(known)}")
    cfg = replace(task.train, **{k: v for k, v in overrides.items() if k in train_fields})
    model_kwargs = {**task.model_kwargs,
                    **{k: v for k, v in overrides.items() if k not in train_fields}}
    return cfg, model_kwargs


def get_task(task_name: str, task: Optional[Task] = None) -> Task:
    return TASKS[task_name] if task is None else task


def train_run(task_name: str, variant: str, rate: float, seed: int, overrides: Dict = None,
              ds: data.MultimodalDataset = None, task: Task = None,
              callback: Optional[Callable[[EpochEnd], None]] = None,
              resume: Optional[Dict[str, Any]] = None,
              device: str = "cpu") -> Tuple[torch.nn.Module, Dict]:
    """:func:`run`, also returning the trained (selected) model; ``callback`` and
    ``resume`` are passed to :func:`fit`; the model trains on ``device`` (under torchrun
    with "cuda", each process on its LOCAL_RANK's GPU)."""
    task = get_task(task_name, task)
    ds = task.load() if ds is None else ds
    cfg, model_kwargs = run_settings(task, overrides or {})
    start = time.time()
    device = torch.device(device)
    if device.type == "cuda" and device.index is None:
        device = torch.device("cuda", torch.cuda.current_device())
    folds = {k: f.to(device) for k, f in prepare_folds(ds, rate, seed).items()}
    torch.manual_seed(seed)
    model = build_model(variant, [x.shape[1] for x in ds.modalities], ds.num_classes,
                        model_kwargs).to(device)
    epoch, val = fit(model, folds["train"], folds["val"], ds.num_classes, cfg, task.metrics[0],
                     seed, callback=callback, resume=resume)
    all_mask = torch.cat([f.mask for f in folds.values()])
    result = {"task": task_name, "model": variant, "rate": rate, "seed": seed,
              "realised_rate": 1.0 - all_mask.double().mean().item(), "epoch": epoch,
              "val": val, "test": evaluate(model, folds["test"], ds.num_classes),
              "seconds": time.time() - start}
    if isinstance(model, CLDMDF):
        result["importance"] = class_importance(model, folds["test"], ds.num_classes)
    return model, result


def run(task_name: str, variant: str, rate: float, seed: int, overrides: Dict = None,
        ds: data.MultimodalDataset = None, task: Task = None, device: str = "cpu") -> Dict:
    """One run of the protocol. ``overrides`` (model keyword arguments and TrainConfig
    fields) win over the task's defaults; ``ds`` saves reloading the task's data; ``task``
    replaces ``TASKS[task_name]`` (e.g. a user's CSV data set). Returns the realised
    missing rate, the selected epoch, val and test scores, the wall time and, for the
    CL-DMDF variants, the modality importance per class on the test split."""
    return train_run(task_name, variant, rate, seed, overrides, ds, task, device=device)[1]
