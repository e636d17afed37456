"""Plots a results JSON of ``cldmdf experiment`` (or examples/evaluate.py --json): one PNG
per task and metric, the metric (mean ± std over seeds) against the missing rate η for
every model, and the modality-importance heatmap per task when the runs recorded it.
The plotting code is cldmdf.plots / cldmdf.experiment.write_plots.

    python examples/plot_results.py results/results.json --out plots/
"""
import argparse
import sys

from cldmdf import experiment


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("results", help="JSON written by `cldmdf experiment` (results.json or --json)")
    p.add_argument("--out", default="plots", help="folder for the PNG files")
    p.add_argument("--split", default="test", choices=["test", "val"])
    p.add_argument("--importance-rate", type=float, default=0.3)
    args = p.parse_args()
    try:
        payload = experiment.load_results(args.results)
    except (OSError, ValueError) as err:
        sys.exit(f"plot_results: cannot read {args.results}: {err}")
    runs = payload["runs"]
    models = list(dict.fromkeys(r["model"] for r in runs))
    written = experiment.write_plots(runs, payload.get("tasks", {}), models, args.out, args.split,
                                     args.importance_rate)
    print("plots: " + ", ".join(written))


if __name__ == "__main__":
    main()
