"""Accuracy against measured compute: the FLOPs a model executes per sample on a fold, its
wall time per sample, the static CL-DMDF restricted to fixed modality subsets, and the
curve of the dynamic model (``cldmdf dynamic``; docs/results.md, "Dynamic fusion").

FLOPs are the matrix products' (:mod:`cldmdf.nn.dynamic`: linear layers, attention scores
and weighted values, as ``torch.utils.flop_counter`` counts them), derived from the layer
shapes and the mask each sample actually ran with. Wall time is the median over repeats of
one forward of the whole fold, divided by its rows, on the threads torch is set to.
"""
import copy
import itertools
import statistics
import time
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import torch
from torch import Tensor

from . import training
from .metrics import mean_std
from .nn import CLDMDF, DynamicCLDMDF, packed_forward
from .nn.dynamic import ComputeCost


class FixedSubset(torch.nn.Module):
    """A trained CL-DMDF run with only the modalities of ``subset`` (a [M] bool mask): the
    others are treated as absent and never computed (packed execution)."""

    def __init__(self, model: CLDMDF, subset: Tensor):
        super().__init__()
        self.model = model
        self.register_buffer("subset", subset.to(torch.bool), persistent=False)

    def run_mask(self, mask: Tensor) -> Tensor:
        return mask & self.subset.to(mask.device)

    def predict_logits(self, modalities: List[Tensor], mask: Tensor) -> Tensor:
        return packed_forward(self.model, modalities, self.run_mask(mask)).logits


@torch.no_grad()
def executed_flops(model: torch.nn.Module, modalities: List[Tensor], mask: Tensor) -> Tensor:
    """[B] the matmul FLOPs each sample costs in ``model``'s inference forward: a
    :class:`DynamicCLDMDF` (its gate plus the packed forward on the modalities the gate
    chose), a :class:`FixedSubset` (packed forward on its modalities) or a static
    :class:`CLDMDF` (``forward``: encoders on the present rows, blocks and fusion on every
    slot)."""
    if isinstance(model, FixedSubset):
        return ComputeCost(model.model).packed(model.run_mask(mask))
    if isinstance(model, DynamicCLDMDF):
        model.eval()
        cost = ComputeCost(model)
        return cost.gate + cost.packed(model.select(modalities, mask))
    if isinstance(model, CLDMDF):
        return ComputeCost(model).dense(mask)
    raise TypeError(f"executed_flops: no FLOP count for {type(model).__name__}")


@torch.no_grad()
def wall_times(models: Dict[str, torch.nn.Module], fold: training.Fold, repeats: int = 15,
               warmup: int = 2, min_turn: float = 0.02) -> Dict[str, float]:
    """Seconds per sample of each model's ``predict_logits`` on the whole fold (eval mode,
    no gradients): the median over ``repeats`` timed turns, after ``warmup`` untimed
    forwards. A turn runs as many forwards as fill about ``min_turn`` seconds (measured in the
    warmup; at least one), so that a turn is long against the scheduler's time slices. The
    models take turns (one each per round), so that load from other processes on a shared
    machine falls on all of them alike."""
    forwards = {}
    for name, model in models.items():
        model.eval()
        start = time.perf_counter()
        for _ in range(warmup):
            model.predict_logits(fold.modalities, fold.mask)
        once = (time.perf_counter() - start) / max(warmup, 1)
        forwards[name] = max(1, int(min_turn / max(once, 1e-9)))
    times: Dict[str, List[float]] = {name: [] for name in models}
    for _ in range(repeats):
        for name, model in models.items():
            start = time.perf_counter()
            for _ in range(forwards[name]):
                model.predict_logits(fold.modalities, fold.mask)
            times[name].append((time.perf_counter() - start) / forwards[name])
    return {name: statistics.median(t) / max(len(fold), 1) for name, t in times.items()}


def all_subsets(num_modalities: int) -> List[Tuple[int, ...]]:
    return [s for k in range(1, num_modalities + 1)
            for s in itertools.combinations(range(num_modalities), k)]


def subset_mask(subset: Sequence[int], num_modalities: int) -> Tensor:
    mask = torch.zeros(num_modalities, dtype=torch.bool)
    mask[list(subset)] = True
    return mask


def fixed_subsets(model: CLDMDF, val: training.Fold, num_classes: int, select: str
                  ) -> Dict[str, Tuple[int, ...]]:
    """The fixed-subset points of the curve, chosen on the validation split: every single
    modality ("only <m>") and, for every size 2 … M−1, the subset of that size with the best
    validation ``select`` score (ties: lower validation loss) ("best k of M")."""
    num_modalities = len(model.encoders)
    chosen = {}
    best: Dict[int, Tuple[Tuple[float, float], Tuple[int, ...]]] = {}
    for subset in all_subsets(num_modalities):
        if len(subset) == 1:
            chosen[f"only {subset[0]}"] = subset
        if 1 < len(subset) < num_modalities:
            scores = training.evaluate(FixedSubset(model, subset_mask(subset, num_modalities)),
                                       val, num_classes)
            key = (scores[select], -scores["loss"])
            if len(subset) not in best or key > best[len(subset)][0]:
                best[len(subset)] = (key, subset)
    for size in sorted(best):
        chosen[f"best {size} of {num_modalities}"] = best[size][1]
    return chosen


def measure(model: torch.nn.Module, fold: training.Fold, num_classes: int) -> Dict:
    """Test scores and mean FLOPs per sample of ``model`` on ``fold``, and how the samples
    ran: the share that ran with 0 … M modalities, and each modality's share."""
    model.eval()
    flops = executed_flops(model, fold.modalities, fold.mask)
    if isinstance(model, DynamicCLDMDF):
        with torch.no_grad():
            ran = model.select(fold.modalities, fold.mask)
    elif isinstance(model, FixedSubset):
        ran = model.run_mask(fold.mask)
    else:
        ran = fold.mask
    counts = torch.bincount(ran.sum(1), minlength=fold.mask.shape[1] + 1)
    return {"test": training.evaluate(model, fold, num_classes),
            "flops": flops.mean().item(),
            "modalities_run": (counts.double() / max(len(fold), 1)).tolist(),
            "modality_use": ran.double().mean(0).tolist()}


def run_curve(t, budgets: Sequence[float], seeds: int, overrides: Dict, rate: float = 0.0,
              repeats: int = 15, log: Optional[Callable[[str], None]] = None,
              device: str = "cpu") -> List[Dict]:
    """The points of the accuracy-vs-compute curve of one task (``t`` a
    :class:`cldmdf.experiment.TaskData`), per seed 0..seeds-1: the static CL-DMDF (its
    forward, and its packed execution), the static model on fixed modality subsets (chosen
    on validation: :func:`fixed_subsets`), and the dynamic model at every budget (with
    ``gate_holdout`` > 0 its backbone, stage 1, is trained once per seed and only the gate,
    stage 2, per budget: the same models as training every budget from scratch). Every
    model is trained by the protocol (epoch selected on validation); each reported point
    reads the test split once. Wall times: :func:`wall_times` over the seed's points."""
    num_classes = t.ds.num_classes
    select = t.task.metrics[0]
    names = list(t.ds.modality_names)
    points = []
    for seed in range(seeds):
        folds = {k: f.to(device) for k, f in training.prepare_folds(t.ds, rate, seed).items()}
        test = folds["test"]
        static, result = training.train_run(t.name, "cl-dmdf", rate, seed, overrides, t.ds,
                                            t.task, device=device)
        base = {"task": t.name, "rate": rate, "seed": seed}
        models = {"cl-dmdf (static)": static,
                  "cl-dmdf, packed execution": FixedSubset(static, torch.ones(
                      len(names), dtype=torch.bool))}
        seed_points = [{**base, "kind": "static", "point": label, "epoch": result["epoch"],
                        **measure(model, test, num_classes)} for label, model in models.items()]
        for label, subset in fixed_subsets(static, folds["val"], num_classes, select).items():
            if label.startswith("only "):
                label = f"only {names[subset[0]]}"
            models[label] = FixedSubset(static, subset_mask(subset, len(names)))
            seed_points.append({**base, "kind": "subset", "point": label,
                                "subset": [names[m] for m in subset],
                                **measure(models[label], test, num_classes)})
        first = None
        for budget in budgets:
            if first is not None and first[0].gate_holdout > 0:
                # two stages: stage 1 (the backbone) does not depend on the budget, and
                # stage 2 (the gate) depends on its inputs only (training.fit_gate), so this
                # is the model train_run would give at this budget, without retraining the
                # backbone
                dynamic, result = copy.deepcopy(first[0]), dict(first[1])
                dynamic.budget = float(budget)
                cfg, _ = training.run_settings(t.task, {**overrides, "budget": budget})
                _, gate_rows = training.gate_split(folds["train"], dynamic.gate_holdout, seed)
                training.fit_gate(dynamic, folds["train"].rows(gate_rows), folds["val"],
                                  num_classes, cfg, select, seed)
            else:
                dynamic, result = training.train_run(t.name, "cl-dmdf-dynamic", rate, seed,
                                                     {**overrides, "budget": budget}, t.ds,
                                                     t.task, device=device)
                first = (dynamic, result)
            label = f"cl-dmdf-dynamic, budget {budget:g}"
            models[label] = dynamic
            seed_points.append({**base, "kind": "dynamic", "point": label, "budget": budget,
                                "epoch": result["epoch"], **measure(dynamic, test, num_classes)})
        walls = wall_times(models, test, repeats)
        for point in seed_points:
            point["wall"] = walls[point["point"]]
            if log is not None:
                log(f"{t.name} seed={seed} {point['point']}: test {select} "
                    f"{point['test'][select]:.4f}, {point['flops'] / 1e6:.3f} MFLOP/sample, "
                    f"{1e6 * point['wall']:.1f} µs/sample")
        points += seed_points
    return points


def curve_rows(points: List[Dict], metrics: Sequence[str]) -> List[Dict]:
    """One row per point label (in first-seen order): each metric (%) and the compute, mean
    and std over seeds, the first metric's difference to the static model's (``delta``) and
    the compute relative to the static model's forward (``rel_flops``, ``rel_wall``), mean
    and std of the per-seed differences and ratios."""
    static = {p["seed"]: p for p in points if p["point"] == "cl-dmdf (static)"}
    rows = []
    for label in dict.fromkeys(p["point"] for p in points):
        group = [p for p in points if p["point"] == label]
        row = {"point": label, "kind": group[0]["kind"], "seeds": len(group),
               "metrics": {m: mean_std([100 * p["test"][m] for p in group]) for m in metrics}}
        row["metric"] = row["metrics"][metrics[0]]
        # paired by seed (same split and mask): this point's metric minus the static model's
        row["delta"] = mean_std([100 * (p["test"][metrics[0]] - static[p["seed"]]["test"][
            metrics[0]]) for p in group])
        row["flops"] = mean_std([p["flops"] for p in group])
        row["wall"] = mean_std([p["wall"] for p in group])
        row["rel_flops"] = mean_std([p["flops"] / static[p["seed"]]["flops"] for p in group])
        row["rel_wall"] = mean_std([p["wall"] / static[p["seed"]]["wall"] for p in group])
        row["modalities_run"] = [sum(p["modalities_run"][k] for p in group) / len(group)
                                 for k in range(len(group[0]["modalities_run"]))]
        subsets = [", ".join(p["subset"]) for p in group if "subset" in p]
        row["subsets"] = {s: subsets.count(s) for s in dict.fromkeys(subsets)}
        rows.append(row)
    return rows


def curve_table(points: List[Dict], metrics: Sequence[str], names: Dict[str, str]) -> str:
    """The markdown table of :func:`curve_rows`; ``names`` are the metrics' column names.
    "Δ vs static" is the mean ± std over seeds of the point's first metric minus the static
    model's on the same seed."""
    lines = ["| point | " + " | ".join(f"{names.get(m, m)} (%)" for m in metrics)
             + f" | Δ {names.get(metrics[0], metrics[0])} vs static (paired) | MFLOP/sample | "
             "FLOPs vs static | wall µs/sample | wall vs static | mean modalities run |",
             "|---" * (len(metrics) + 7) + "|"]
    for row in curve_rows(points, metrics):
        label = row["point"]
        if row["subsets"] and not label.startswith("only "):
            label += " (" + "; ".join(f"{s}" + (f" ×{n}" if n > 1 else "")
                                      for s, n in row["subsets"].items()) + ")"
        used = sum(k * share for k, share in enumerate(row["modalities_run"]))
        scores = " | ".join(f"{row['metrics'][m][0]:.2f} ± {row['metrics'][m][1]:.2f}"
                            for m in metrics)
        lines.append(
            f"| {label} | {scores} | {row['delta'][0]:+.2f} ± {row['delta'][1]:.2f} | "
            f"{row['flops'][0] / 1e6:.3f} | "
            f"{row['rel_flops'][0]:.3f} ± {row['rel_flops'][1]:.3f} | "
            f"{1e6 * row['wall'][0]:.1f} ± {1e6 * row['wall'][1]:.1f} | "
            f"{row['rel_wall'][0]:.3f} ± {row['rel_wall'][1]:.3f} | {used:.2f} |")
    return "\n".join(lines)
