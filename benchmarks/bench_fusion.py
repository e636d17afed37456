"""The fusion pass on the stock-style corpus (examples/fusion_corpus.py):
inference time of each model before and after fusion, side by side in one run.

  export:  the exported program's module, unfused vs fused (cldmdf.compiler.fuse_exported)
  compile: torch.compile(model) vs torch.compile(model, backend="cldmdf") (the Dynamo
           backend) vs torch.compile(model, options={"post_grad_custom_pre_pass":
           cldmdf.compiler.inductor_pass()}) (the Inductor pattern-matcher pass)

    python benchmarks/bench_fusion.py [--batch 4096] [--threads 2] [--device cpu|cuda]
"""
import argparse
import os
import statistics
import sys
import time

import torch

import cldmdf  # noqa: F401
import cldmdf.compiler as compiler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples"))
from fusion_corpus import CORPUS  # noqa: E402


def median_ms(fn, device, reps, warmup=10):
    with torch.no_grad():
        for _ in range(warmup):
            fn()
        times = []
        for _ in range(reps):
            if device == "cuda":
                torch.cuda.synchronize()
            t = time.perf_counter()
            fn()
            if device == "cuda":
                torch.cuda.synchronize()
            times.append(time.perf_counter() - t)
    return 1e3 * statistics.median(times)


def to(inputs, device):
    return tuple(to(x, device) if isinstance(x, (list, tuple)) else x.to(device) for x in inputs)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=4096)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--device", default="cpu")
    p.add_argument("--reps", type=int, default=20)
    p.add_argument("--no-compile", action="store_true")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    print(f"# torch {torch.__version__}, {args.device}, {args.threads} threads, batch {args.batch}, "
          f"float32 inference, median of {args.reps}")
    print("| model | fused | export ms | fused export ms | speed-up | compile ms | "
          "backend=cldmdf ms | speed-up | Inductor pass ms | speed-up |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, (make_model, make_inputs, expected) in CORPUS.items():
        if not expected:
            continue
        torch.manual_seed(0)
        model = make_model().eval().to(args.device)
        inputs = to(make_inputs(args.batch), args.device)
        ep = torch.export.export(model, inputs)
        fused, report = compiler.fuse_exported(ep)
        plain_mod, fused_mod = ep.module(), fused.module()
        # torch.unique's data-dependent size breaks Dynamo's graph: the loss is fused in export only
        compile_fuses = "centroid_contrastive_loss" not in expected
        t_export = median_ms(lambda: plain_mod(*inputs), args.device, args.reps)
        t_fused = median_ms(lambda: fused_mod(*inputs), args.device, args.reps)
        row = f"| {name} | {len(report.fused)} | {t_export:.2f} | {t_fused:.2f} | {t_export / t_fused:.2f}x |"
        if args.no_compile or not compile_fuses:
            row += " - | - | - | - | - |"
        else:
            torch._dynamo.reset()
            plain = torch.compile(model, dynamic=False)
            t_c = median_ms(lambda: plain(*inputs), args.device, args.reps)
            torch._dynamo.reset()
            ours = torch.compile(model, backend="cldmdf", dynamic=False)
            t_o = median_ms(lambda: ours(*inputs), args.device, args.reps)
            torch._dynamo.reset()
            passed = torch.compile(model, dynamic=False,
                                   options={"post_grad_custom_pre_pass": compiler.inductor_pass()})
            t_p = median_ms(lambda: passed(*inputs), args.device, args.reps)
            row += f" {t_c:.2f} | {t_o:.2f} | {t_c / t_o:.2f}x | {t_p:.2f} | {t_c / t_p:.2f}x |"
        print(row, flush=True)


if __name__ == "__main__":
    main()
