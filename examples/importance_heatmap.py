"""Trains CL-DMDF once (one seed, one missing rate) and plots the learned modality
importance per class on the test split: the mean, over test samples of each class,
of the attention each modality receives in the last dual-attention block (the mean
of mod_weights over heads and present query rows), over present modalities only.

    python examples/importance_heatmap.py [--task handwritten] [--rate 0.3] [--out plots/]
"""
import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402

from cldmdf import training  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--task", default="handwritten", choices=sorted(training.TASKS))
    p.add_argument("--rate", type=float, default=0.3, help="missing rate η")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="plots")
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    task = training.TASKS[args.task]
    ds = task.load()
    cfg, model_kwargs = training.run_settings(task, {})
    folds = training.prepare_folds(ds, args.rate, args.seed)
    torch.manual_seed(args.seed)
    model = training.build_model("cl-dmdf", [x.shape[1] for x in ds.modalities],
                                 ds.num_classes, model_kwargs)
    training.fit(model, folds["train"], folds["val"], ds.num_classes, cfg, task.metrics[0],
                 args.seed)
    test = folds["test"]
    model.eval()
    with torch.no_grad():
        importance = model(test.modalities, test.mask).importance  # [n, M]
    present = test.mask.float()
    classes = sorted(set(test.labels.tolist()))
    table = torch.stack([
        (importance[test.labels == c] * present[test.labels == c]).sum(0)
        / present[test.labels == c].sum(0).clamp_min(1) for c in classes])
    os.makedirs(args.out, exist_ok=True)
    fig, ax = plt.subplots(figsize=(1.0 + 0.8 * len(ds.modality_names), 0.8 + 0.35 * len(classes)),
                           dpi=120)
    im = ax.imshow(table.numpy(), cmap="viridis", aspect="auto")
    ax.set_xticks(range(len(ds.modality_names)), ds.modality_names, rotation=30)
    ax.set_yticks(range(len(classes)), [str(c) for c in classes])
    ax.set_xlabel("modality")
    ax.set_ylabel("class")
    ax.set_title(f"{args.task}: modality importance, η={args.rate:g}")
    fig.colorbar(im, ax=ax)
    fig.tight_layout()
    path = os.path.join(args.out, f"{args.task}_modality_importance.png")
    fig.savefig(path)
    print(f"plot: {path}")


if __name__ == "__main__":
    main()
