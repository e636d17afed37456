"""Trains CL-DMDF once (one seed, one missing rate) and plots the learned modality
importance per class on the test split: the mean, over test samples of each class,
of the attention each modality receives in the last dual-attention block (the mean
of mod_weights over heads and present query rows), over present modalities only.

``cldmdf experiment`` draws the same heatmap from its runs (averaged over seeds); this
script is the one-run version (cldmdf.training.class_importance, cldmdf.plots).

    python examples/importance_heatmap.py [--task handwritten] [--rate 0.3] [--out plots/]
"""
import argparse
import os

import torch

from cldmdf import plots, training


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--task", default="handwritten", choices=sorted(training.TASKS))
    p.add_argument("--rate", type=float, default=0.3, help="missing rate η")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="plots")
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    ds = training.TASKS[args.task].load()
    result = training.run(args.task, "cl-dmdf", args.rate, args.seed, {}, ds)
    classes = ds.class_names or [str(c) for c in range(ds.num_classes)]
    path = plots.importance_heatmap(result["importance"], ds.modality_names, classes,
                                    f"{args.task}: modality importance, η={args.rate:g}",
                                    os.path.join(args.out, f"{args.task}_modality_importance.png"))
    print(f"plot: {path}")


if __name__ == "__main__":
    main()
