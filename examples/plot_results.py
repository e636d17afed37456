"""Plots what examples/evaluate.py wrote with --json: one PNG per task and metric,
the metric (mean ± std over seeds) against the missing rate η for every model.

    python examples/plot_results.py results.json --out plots/
"""
import argparse
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("results", help="JSON written by examples/evaluate.py --json")
    p.add_argument("--out", default="plots", help="folder for the PNG files")
    p.add_argument("--split", default="test", choices=["test", "val"])
    args = p.parse_args()
    try:
        with open(args.results) as f:
            runs = json.load(f)["runs"]
    except (OSError, ValueError, KeyError) as err:
        sys.exit(f"plot_results: cannot read {args.results}: {err}")
    os.makedirs(args.out, exist_ok=True)
    written = []
    for task in sorted({r["task"] for r in runs}):
        task_runs = [r for r in runs if r["task"] == task]
        metrics = [m for m in ("accuracy", "macro_f1", "auroc") if m in task_runs[0][args.split]]
        models = list(dict.fromkeys(r["model"] for r in task_runs))
        for metric in metrics:
            fig, ax = plt.subplots(figsize=(5.5, 3.8), dpi=120)
            for model in models:
                rates = sorted({r["rate"] for r in task_runs if r["model"] == model})
                scores = [[100 * r[args.split][metric] for r in task_runs
                           if r["model"] == model and r["rate"] == rate] for rate in rates]
                ax.errorbar(rates, [np.mean(s) for s in scores], yerr=[np.std(s) for s in scores],
                            marker="o", capsize=3, label=model)
            ax.set_xlabel("missing rate η")
            ax.set_ylabel(f"{metric} (%)")
            ax.set_title(f"{task}: {metric} vs missing rate ({args.split})")
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
            fig.tight_layout()
            path = os.path.join(args.out, f"{task}_{metric}_vs_missing_rate.png")
            fig.savefig(path)
            plt.close(fig)
            written.append(path)
    print("plots: " + ", ".join(written))


if __name__ == "__main__":
    main()
