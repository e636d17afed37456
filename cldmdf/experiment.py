"""The evaluation protocol of docs/MODEL.md over tasks × models × missing rates η × seeds, and
its report: markdown tables of mean ± std over seeds, the results JSON, and the plots
(metric against η, modality importance per class).

Every (task, model, η, seed) run is :func:`cldmdf.training.run`: the data split (by
entity where there is one), a fraction η of the (sample, modality) entries masked,
standardisation with training statistics, AdamW with the epoch kept by the validation
score; the test split is read once.
"""
import ast
import json
import os
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from . import training
from .data import MultimodalDataset
from .metrics import mean_std

METRIC_NAMES = {"accuracy": "accuracy", "macro_f1": "macro-F1", "auroc": "AUROC",
                "f1": "F1 (positive class)"}
BASELINES = ["concat-mlp", "late-fusion", "logistic"]
ABLATIONS = ["no-contrastive", "no-feature-attention", "mean-pooling", "no-modality-heads"]
# what `experiment --quick` runs (the main job, scripts/run.sh): about 10 minutes on one thread
QUICK = dict(tasks=["handwritten", "rosmap"], models=["cl-dmdf"] + BASELINES, seeds=2)
# the dynamic model is measured against compute by `cldmdf dynamic` (cldmdf.compute)
DYNAMIC = ["cl-dmdf-dynamic"]
# the full protocol of docs/MODEL.md
FULL = dict(tasks=["handwritten", "pbcseq"],
            models=[m for m in training.VARIANTS if m not in DYNAMIC], seeds=10)


def parse_setting(text: str) -> Tuple[str, object]:
    """'key=value' -> (key, value), the value read as a Python literal when it is one
    (true / false in any case are booleans)."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"a setting must be KEY=VALUE, got {text!r}")
    if value.strip().lower() in ("true", "false"):
        return key.strip(), value.strip().lower() == "true"
    try:
        return key.strip(), ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return key.strip(), value


@dataclass
class TaskData:
    """A task with its loaded data set, under the name the results use."""
    name: str
    task: training.Task
    ds: MultimodalDataset

    def describe(self, rates: Sequence[float]) -> Dict:
        return {"modalities": list(self.ds.modality_names),
                "classes": self.ds.class_names or [str(c) for c in range(self.ds.num_classes)],
                "metrics": list(self.task.metrics), "rates": list(rates)}


def run_protocol(tasks: Sequence[TaskData], models: Sequence[str], rates_of: Dict[str, Sequence],
                 seeds: int, overrides: Dict,
                 log: Optional[Callable[[str], None]] = None,
                 device: str = "cpu") -> List[Dict]:
    """Every run of tasks × η × models × seeds 0..seeds-1, in that order; ``log`` gets
    one line per finished run."""
    total = sum(len(rates_of[t.name]) for t in tasks) * len(models) * seeds
    results = []
    for t in tasks:
        for rate in rates_of[t.name]:
            for model in models:
                for seed in range(seeds):
                    r = training.run(t.name, model, rate, seed, overrides, t.ds, t.task,
                                     device)
                    results.append(r)
                    if log is not None:
                        scores = ", ".join(f"{k} {v:.4f}" for k, v in r["test"].items()
                                           if k != "loss")
                        log(f"[{len(results)}/{total}] {t.name} {model} η={rate:g} seed={seed}: "
                            f"epoch {r['epoch']}, test {scores}, {r['seconds']:.1f}s")
    return results


# Published results beside ours (%, self-reported; their protocols differ from ours, see the
# note printed with them): task -> metric -> [(method, {η: value}, note)].
ANCHORS = {
    "handwritten": {"accuracy": [
        ("TMC (ICLR 2021)", {0.0: 98.51}, "all views, 80/20"),
        ("ECML (AAAI 2024)", {0.0: 99.40}, "all views"),
        ("FUML (ICML 2025)", {0.0: 99.20}, "all views, selects on the test set"),
        ("CPM-Nets (NeurIPS 2019)", {0.0: 94.95, 0.1: 94.60, 0.3: 93.33, 0.5: 91.00},
         "read from its figure"),
        ("concatenation (in CPM-Nets)", {0.0: 97.75, 0.1: 96.92, 0.3: 93.68, 0.5: 87.98},
         "read from CPM-Nets' figure"),
    ]},
    "rosmap": {
        metric: [(name, {0.0: values[i]}, note) for name, values, note in (
            ("MOGONET (Nat. Commun. 2021)", (81.5, 82.1, 87.4), "5 random 70/30 splits"),
            ("TMC (ICLR 2021)", (82.5, 82.3, 88.5), "selects epochs on the test set"),
            ("MMDynamics (CVPR 2022)", (84.2, 84.6, 91.2), "20 runs, selects on the test set"))]
        for i, metric in enumerate(("accuracy", "f1", "auroc"))},
}


def anchor_rows(task: str, metric: str, rates: Sequence[float]) -> List[List[str]]:
    """Table rows of the published anchors of (task, metric) at our η (— where none)."""
    rows = []
    for name, values, note in ANCHORS.get(task, {}).get(metric, []):
        if any(r in values for r in rates):
            rows.append([f"*{name}, published ({note})*"]
                        + [f"{values[r]:.2f}" if r in values else "—" for r in rates])
    return rows


def markdown_table(results: List[Dict], task: str, metric: str, split: str,
                   models: Sequence[str], rates: Sequence[float]) -> str:
    """Rows: models; columns: η; cells: mean ± std over seeds, in percent. Then the realised
    missing rate (natural missingness included) and the published anchors of ANCHORS."""
    runs = {}
    for r in results:
        if r["task"] == task:
            runs.setdefault((r["model"], r["rate"]), []).append(r)

    def cell(model, rate):
        mean, std = mean_std([100 * r[split][metric] for r in runs[model, rate]])
        return f"{mean:.2f} ± {std:.2f}"

    def realised(rate):
        return f"{mean_std([r['realised_rate'] for r in runs[models[0], rate]])[0]:.3f}"

    header = ["model"] + [f"η = {rate:g}" for rate in rates]
    rows = [header, ["---"] * len(header)]
    rows += [[model] + [cell(model, rate) for rate in rates] for model in models]
    rows.append(["realised η"] + [realised(rate) for rate in rates])
    if split == "test":  # the anchors are test scores: never beside validation ones
        rows += anchor_rows(task, metric, rates)
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def report(results: List[Dict], tasks: Sequence[TaskData], models: Sequence[str],
           rates_of: Dict[str, Sequence], split: str, seeds: int, minutes: float,
           overrides: Dict) -> str:
    """The markdown report: one table per task and metric."""
    parts = [f"{split} scores (%), mean ± std over {seeds} seed(s); {len(results)} runs in "
             f"{minutes:.1f} min; overrides: {overrides or 'none'}\n"]
    for t in tasks:
        for metric in t.task.metrics:
            parts.append(f"### {t.name}: {METRIC_NAMES[metric]}\n")
            parts.append(markdown_table(results, t.name, metric, split, models,
                                        rates_of[t.name]) + "\n")
    return "\n".join(parts)


def importance_rate(rates: Sequence[float], preferred: float = 0.3) -> float:
    """The η of the importance heatmap: ``preferred`` when it was run, else the rate
    closest to it."""
    return min(rates, key=lambda r: (abs(r - preferred), r))


def mean_importance(results: List[Dict], task: str, model: str,
                    rate: float) -> Optional[List[List[float]]]:
    """The modality importance per class [C][M] averaged over the seeds of (task, model,
    η); None when those runs have none (baselines)."""
    tables = [r["importance"] for r in results if r["task"] == task and r["model"] == model
              and r["rate"] == rate and "importance" in r]
    if not tables:
        return None
    return [[sum(t[c][m] for t in tables) / len(tables) for m in range(len(tables[0][c]))]
            for c in range(len(tables[0]))]


def write_plots(results: List[Dict], described: Dict[str, Dict], models: Sequence[str],
                out_dir: str, split: str = "test", preferred_rate: float = 0.3) -> List[str]:
    """The metric-vs-η plots of every task and metric, and per task the modality
    importance heatmap of the first CL-DMDF variant among ``models`` at the η closest
    to ``preferred_rate``. Returns the paths written."""
    from . import plots

    written = plots.metric_vs_rate(results, out_dir, split,
                                   {task: info["metrics"] for task, info in described.items()})
    for task, info in described.items():
        for model in models:
            rate = importance_rate(info["rates"], preferred_rate)
            table = mean_importance(results, task, model, rate)
            if table is not None:
                seeds = len({r["seed"] for r in results if r["task"] == task})
                written.append(plots.importance_heatmap(
                    table, info["modalities"], info["classes"],
                    f"{task}: modality importance ({model}, η={rate:g}, {seeds} seeds)",
                    os.path.join(out_dir, f"{task}_modality_importance.png")))
                break
    return written


def save_results(path: str, settings: Dict, described: Dict[str, Dict], minutes: float,
                 results: List[Dict]) -> None:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        json.dump({"args": settings, "tasks": described, "minutes": minutes, "runs": results},
                  f, indent=1)


def load_results(path: str) -> Dict:
    """A results JSON written by :func:`save_results` (or by the old examples/evaluate.py:
    then without "tasks")."""
    with open(path) as f:
        payload = json.load(f)
    if not isinstance(payload, dict) or not isinstance(payload.get("runs"), list):
        raise ValueError(f"{path}: not a results file (no 'runs' list)")
    return payload

