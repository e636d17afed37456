"""PNG plots of experiment results (matplotlib, imported on first use, Agg backend):
a metric against the missing rate η for every model, and the modality importance
per class as a heatmap."""
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
