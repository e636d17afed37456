"""PNG plots of experiment results (matplotlib, imported on first use, Agg backend):
a metric against the missing rate η for every model, the modality importance
per class as a heatmap, and a metric against measured compute (the dynamic model's curve)."""
import os
from typing import Dict, List, Optional, Sequence

from .metrics import mean_std

METRICS = ("accuracy", "macro_f1", "auroc")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def metric_vs_rate(runs: List[Dict], out_dir: str, split: str = "test",
                   metrics_of: Optional[Dict[str, Sequence[str]]] = None) -> List[str]:
    """One PNG per task and metric, ``<task>_<metric>_vs_missing_rate.png``: the metric
    (mean ± std over seeds, in percent) against η for every model. ``runs`` are the
    results of :func:`cldmdf.training.run`; ``metrics_of`` gives a task's metrics (default:
    every metric its runs recorded). Returns the paths written."""
    plt = _pyplot()
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for task in dict.fromkeys(r["task"] for r in runs):
        task_runs = [r for r in runs if r["task"] == task]
        metrics = (metrics_of or {}).get(task) or [m for m in METRICS if m in task_runs[0][split]]
        models = list(dict.fromkeys(r["model"] for r in task_runs))
        for metric in metrics:
            fig, ax = plt.subplots(figsize=(5.5, 3.8), dpi=120)
            for model in models:
                rates = sorted({r["rate"] for r in task_runs if r["model"] == model})
                stats = [mean_std([100 * r[split][metric] for r in task_runs
                                   if r["model"] == model and r["rate"] == rate])
                         for rate in rates]
                ax.errorbar(rates, [m for m, _ in stats], yerr=[s for _, s in stats],
                            marker="o", capsize=3, label=model)
            ax.set_xlabel("missing rate η")
            ax.set_ylabel(f"{metric} (%)")
            ax.set_title(f"{task}: {metric} vs missing rate ({split})")
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
            fig.tight_layout()
            path = os.path.join(out_dir, f"{task}_{metric}_vs_missing_rate.png")
            fig.savefig(path)
            plt.close(fig)
            written.append(path)
    return written


def importance_heatmap(table: Sequence[Sequence[float]], modality_names: Sequence[str],
                       class_names: Sequence[str], title: str, path: str) -> str:
    """Heatmap of the modality importance per class, ``table`` [C][M] (rows: classes,
    columns: modalities), written to ``path``. Returns ``path``."""
    plt = _pyplot()
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    # room for the title and the colour bar when there are few modalities or classes
    fig, ax = plt.subplots(figsize=(max(6.0, 1.0 + 0.8 * len(modality_names)),
                                    max(2.8, 1.2 + 0.35 * len(class_names))), dpi=120)
    im = ax.imshow([list(row) for row in table], cmap="viridis", aspect="auto")
    ax.set_xticks(range(len(modality_names)), list(modality_names), rotation=30)
    ax.set_yticks(range(len(class_names)), [str(c) for c in class_names])
    ax.set_xlabel("modality")
    ax.set_ylabel("class")
    ax.set_title(title, fontsize=9)
    fig.colorbar(im, ax=ax)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def metric_vs_compute(rows: Sequence[Dict], metric_name: str, title: str, path: str) -> str:
    """Two panels, the metric (mean ± std over seeds, %) against mean MFLOP per sample and
    against wall µs per sample, of the rows of :func:`cldmdf.compute.curve_rows`: the
    dynamic model's budgets as one line, the static model and the fixed modality subsets
    as points (subsets more than 3 points below the lowest dynamic or static point are named
    in a note instead). Returns ``path``."""
    plt = _pyplot()
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), dpi=120)
    for ax, key, scale, unit in ((axes[0], "flops", 1e-6, "MFLOP per sample"),
                                 (axes[1], "wall", 1e6, "wall µs per sample (1 thread)")):
        # the dynamic model's budgets as a line, the fixed subsets as points, each labelled
        for kind, style, label, name, offset, font, colour in (
                ("dynamic", dict(marker="o", color="tab:blue"), "cl-dmdf-dynamic (budgets)",
                 lambda r: r["point"].rsplit(" ", 1)[-1], (4, -10), 7, "tab:blue"),
                ("subset", dict(fmt="s", color="tab:gray"), "static model, fixed subsets",
                 lambda r: r["point"], (4, 3), 6, "dimgray")):
            points = [r for r in rows if r["kind"] == kind]
            if not points:
                continue
            ax.errorbar([scale * r[key][0] for r in points], [r["metric"][0] for r in points],
                        yerr=[r["metric"][1] for r in points], capsize=3, label=label, **style)
            for r in points:
                ax.annotate(name(r), (scale * r[key][0], r["metric"][0]),
                            textcoords="offset points", xytext=offset, fontsize=font,
                            color=colour)
        for r in rows:
            if r["kind"] == "static":
                packed = "packed" in r["point"]
                ax.errorbar([scale * r[key][0]], [r["metric"][0]], yerr=[r["metric"][1]],
                            fmt="D" if packed else "*", markersize=6 if packed else 11,
                            capsize=3, color="tab:orange" if packed else "tab:red",
                            label=r["point"])
        # the view holds the dynamic and static points and the subsets near them; subsets
        # far below (single weak modalities) are left out of it, named in a note
        near = [r["metric"][0] - r["metric"][1] for r in rows if r["kind"] != "subset"]
        low = min(near) - 3.0
        below = [r["point"] for r in rows if r["kind"] == "subset" and r["metric"][0] < low]
        top = max(r["metric"][0] + r["metric"][1] for r in rows)
        ax.set_ylim(low, top + 0.5)
        if below:
            ax.text(0.01, 0.01, "below the view: " + ", ".join(below), fontsize=6,
                    transform=ax.transAxes, color="dimgray")
        ax.set_xscale("log")
        ax.set_xlabel(unit)
        ax.set_ylabel(f"{metric_name} (%)")
        ax.grid(alpha=0.3, which="both")
    axes[0].legend(fontsize=7, loc="lower right")
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
