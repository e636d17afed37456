"""The fusion passes on the corpus (examples/fusion_corpus.py): inference time of every
model that fuses, before and after, side by side in one run, and the time each pass takes.

  export:   the exported program's module, unfused vs fused (cldmdf.compiler.fuse_exported)
  compile:  torch.compile(model) vs torch.compile(model, options={"post_grad_custom_pre_pass":
            cldmdf.compiler.inductor_pass()}) (with the cost rule) vs backend="cldmdf"
  pass ms:  the pass itself per IR (graph written out, matched, rewritten; the TorchScript
            figure includes its one run on the example inputs), and the graph's node count

    python benchmarks/bench_fusion.py [--batch 1024] [--threads 2] [--reps 20] [--device cpu]
"""
import argparse
import os
import statistics
import sys
import time
import warnings

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
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--device", default="cpu")
    p.add_argument("--reps", type=int, default=20)
    p.add_argument("--models", nargs="*", help="only these corpus models")
    p.add_argument("--no-compile", action="store_true")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    compiler.inductor_pass()  # keeps torch.unique in Dynamo's graphs, for every column
    warnings.simplefilter("ignore")
    print(f"# torch {torch.__version__}, {args.device}, {args.threads} threads, batch {args.batch}, "
          f"float32 inference, median of {args.reps}")
    print("| model | fused | export ms | fused export ms | speed-up | torch.compile ms | "
          "Inductor pass ms | vs compile | backend=cldmdf ms | vs compile | "
          "pass ms: export / TorchScript / Inductor (nodes) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, (make_model, make_inputs, expected) in CORPUS.items():
        if not expected or (args.models and name not in args.models):
            continue
        torch.manual_seed(0)
        model = make_model().eval().to(args.device)
        inputs = to(make_inputs(args.batch), args.device)
        ep = torch.export.export(model, inputs)
        fused, report = compiler.fuse_exported(ep)
        try:
            _, ts_report = compiler.fuse_torchscript(torch.jit.script(model), inputs)
            ts_ms = f"{ts_report.pass_ms:.1f}"
        except Exception:  # noqa: BLE001  (a model TorchScript cannot script)
            ts_ms = "-"
        plain_mod, fused_mod = ep.module(), fused.module()
        t_export = median_ms(lambda: plain_mod(*inputs), args.device, args.reps)
        t_fused = median_ms(lambda: fused_mod(*inputs), args.device, args.reps)
        row = (f"| {name} | {len(report.fused)} | {t_export:.2f} | {t_fused:.2f} | "
               f"{t_export / t_fused:.2f}x |")
        ind_ms = "-"
        if args.no_compile:
            row += " - | - | - | - | - |"
        else:
            # (the pass keeps torch.unique in Dynamo's graph, for plain torch.compile too:
            # capture_dynamic_output_shape_ops is set from the start, so both see the whole loss)
            torch._dynamo.reset()
            plain = torch.compile(model, dynamic=False)
            t_c = median_ms(lambda: plain(*inputs), args.device, args.reps)
            the_pass = compiler.inductor_pass()
            the_pass.reports.clear()
            torch._dynamo.reset()
            with torch._inductor.config.patch(force_disable_caches=True):
                passed = torch.compile(model, dynamic=False,
                                       options={"post_grad_custom_pre_pass": the_pass})
                t_p = median_ms(lambda: passed(*inputs), args.device, args.reps)
            ind = [r for r in the_pass.reports if r.graph_nodes]
            n_fused = sum(len(r.fused) for r in ind)
            ind_ms = "/".join(f"{r.pass_ms:.1f}" for r in ind) or "-"
            torch._dynamo.reset()
            ours = torch.compile(model, backend="cldmdf", dynamic=False)
            try:
                t_o = median_ms(lambda: ours(*inputs), args.device, args.reps)
                backend = f"{t_o:.2f} | {t_c / t_o:.2f}x"
            except Exception:  # noqa: BLE001  (what the backend cannot trace)
                backend = "- | -"
            row += f" {t_c:.2f} | {t_p:.2f} ({n_fused} fused) | {t_c / t_p:.2f}x | {backend} |"
        row += f" {report.pass_ms:.1f} / {ts_ms} / {ind_ms} ({report.graph_nodes}) |"
        print(row, flush=True)


if __name__ == "__main__":
    main()
