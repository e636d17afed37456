"""Training speed of the CL-DMDF model with the fused operators vs the same model with
every torch.ops.cldmdf call replaced by cldmdf.reference (plain PyTorch), side by side
in one run: seconds per epoch on Handwritten's training split at missing rate η.

    python benchmarks/bench_training.py [--rate 0.3] [--epochs 3] [--threads 1]
"""
import argparse
import contextlib
import statistics
import time

import torch

import cldmdf
from cldmdf import reference, training


@contextlib.contextmanager
def reference_operators():
    """Routes torch.ops.cldmdf.<op>(...) to cldmdf.reference for the duration."""
    ns = torch.ops.cldmdf
    names = ("dual_attention", "adaptive_fusion", "centroid_contrastive_loss")
    saved = {n: getattr(ns, n) for n in names}
    for n in names:
        setattr(ns, n, getattr(reference, n))
    try:
        yield
    finally:
        for n, op in saved.items():
            setattr(ns, n, op)


def epoch_seconds(model, fold, batch_size, epochs):
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    order = torch.Generator().manual_seed(0)
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        for idx in torch.randperm(len(fold), generator=order).split(batch_size):
            batch = fold.rows(idx)
            loss = model.training_loss(batch.modalities, batch.mask, batch.labels, batch.entity)
            opt.zero_grad()
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rate", type=float, default=0.3)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    task = training.TASKS["handwritten"]
    ds = task.load()
    cfg, model_kwargs = training.run_settings(task, {})
    fold = training.prepare_folds(ds, args.rate, seed=0)["train"]
    results = {}
    for name, ctx in (("cldmdf operators", contextlib.nullcontext), ("cldmdf.reference", reference_operators)):
        torch.manual_seed(0)
        model = training.build_model("cl-dmdf", [x.shape[1] for x in ds.modalities],
                                     ds.num_classes, model_kwargs)
        model.train()
        with ctx():
            results[name] = epoch_seconds(model, fold, cfg.batch_size, args.epochs)
    print(f"# torch {torch.__version__}, {args.threads} thread(s), Handwritten train split "
          f"({len(fold)} samples), η={args.rate}, batch {cfg.batch_size}, median of {args.epochs} epochs")
    print("| implementation | s / epoch | speed-up |")
    print("|---|---|---|")
    base = results["cldmdf.reference"]
    for name, t in results.items():
        print(f"| {name} | {t:.3f} | {base / t:.2f}x |")


if __name__ == "__main__":
    main()
