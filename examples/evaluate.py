"""Runs the CL-DMDF evaluation protocol (MODEL.md) and prints markdown tables of
mean ± std over seeds, one per task and metric (models × missing rates η).

Every (task, model, η, seed) run splits the data (by patient for pbcseq), masks a fraction
η of the (sample, modality) entries, standardises with training statistics, trains with
AdamW and keeps the epoch with the best validation score; the test split is read once.

    python examples/evaluate.py                      # defaults: about 7 minutes on 2 CPU cores
    python examples/evaluate.py --seeds 10 --models all \\
        --tasks handwritten pbcseq --json results.json  # the full protocol (about 75 minutes)
    python examples/evaluate.py --split val --set dim=128 lr=3e-3  # tune on validation only

``--set key=value`` overrides a model keyword argument (for every model that takes it) or
a training setting (epochs, batch_size, lr, weight_decay, patience).
"""
import argparse
import ast
import json
import sys
import time

import torch

from cldmdf import training
from cldmdf.metrics import mean_std

DEFAULT_MODELS = ["cl-dmdf", "concat-mlp", "late-fusion"]
METRIC_NAMES = {"accuracy": "accuracy", "macro_f1": "macro-F1", "auroc": "AUROC"}


def parse_setting(text: str):
    """'key=value' -> (key, value), the value read as a Python literal when it is one."""
    key, _, value = text.partition("=")
    try:
        return key, ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return key, value


def markdown_table(results, task: str, metric: str, split: str, models, rates) -> str:
    """Rows: models; columns: η; cells: mean ± std over seeds, in percent. A last row
    gives the realised missing rate (natural missingness included)."""
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
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--tasks", nargs="+", default=["handwritten", "pbcseq"],
                   choices=sorted(training.TASKS))
    p.add_argument("--rates", nargs="+", type=float, default=None,
                   help="missing rates η, natural missingness included (default: the task's, "
                        "0 0.1 0.3 0.5 0.7 for handwritten, 0 0.3 0.5 for pbcseq)")
    p.add_argument("--seeds", type=int, default=2, help="seeds 0..N-1 (the protocol: 10)")
    p.add_argument("--models", nargs="+", default=DEFAULT_MODELS,
                   choices=list(training.VARIANTS) + ["all"])
    p.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", type=parse_setting,
                   help="hyper-parameter overrides")
    p.add_argument("--split", default="test", choices=["test", "val"],
                   help="which split the tables report (tune with val)")
    p.add_argument("--threads", type=int, default=1, help="torch intra-op threads")
    p.add_argument("--json", help="also write every run's scores to this file")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    models = list(training.VARIANTS) if "all" in args.models else args.models
    overrides = dict(args.set)

    start, results, rates_of = time.time(), [], {}
    for task in args.tasks:
        ds = training.TASKS[task].load()
        rates_of[task] = args.rates or training.TASKS[task].rates
        for rate in rates_of[task]:
            for model in models:
                for seed in range(args.seeds):
                    r = training.run(task, model, rate, seed, overrides, ds)
                    results.append(r)
                    print(f"{task} {model} η={rate:g} seed={seed}: epoch {r['epoch']}, "
                          f"{args.split} {r[args.split]}, {r['seconds']:.1f}s",
                          file=sys.stderr, flush=True)
    minutes = (time.time() - start) / 60

    print(f"{args.split} scores (%), mean ± std over {args.seeds} seed(s); "
          f"{len(results)} runs in {minutes:.1f} min; overrides: {overrides or 'none'}\n")
    for task in args.tasks:
        for metric in training.TASKS[task].metrics:
            print(f"### {task}: {METRIC_NAMES[metric]}\n")
            print(markdown_table(results, task, metric, args.split, models, rates_of[task]))
            print()
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"args": vars(args), "minutes": minutes, "runs": results}, f, indent=1)


if __name__ == "__main__":
    main()
