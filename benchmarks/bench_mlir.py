"""The MLIR pass on the corpus (examples/fusion_corpus.py): for every model, the time of each
step of cldmdf.compiler.fuse_mlir, medians of a few runs:

  import ms:  torch-mlir's import of the exported program (decompositions included), printed
              in generic form
  pass ms:    --cldmdf-fuse inside cldmdf-mlir-opt (graph written for the core, matched,
              rewritten, dead code erased), as the pass measures it
  tool ms:    the whole cldmdf-mlir-opt process (start, parse, pass, print)
  re-parse ms: torch-mlir parsing and verifying the fused module

    python benchmarks/bench_mlir.py [--reps 3] [--model NAME ...]
"""
import argparse
import os
import statistics
import sys
import time
import warnings

import torch

import cldmdf  # noqa: F401
from cldmdf.compiler import mlir_pass

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples"))
from fusion_corpus import CORPUS  # noqa: E402


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, 1e3 * (time.perf_counter() - t)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--model", nargs="*")
    args = p.parse_args()
    why = mlir_pass.missing_reason()
    if why:
        sys.exit(f"bench_mlir: {why}")
    warnings.simplefilter("ignore")
    print("| model | fused | nodes | import ms | pass ms | tool ms | re-parse ms |")
    print("|---|---|---|---|---|---|---|")
    totals = []
    for name in args.model or CORPUS:
        make_model, make_inputs, _ = CORPUS[name]
        torch.manual_seed(0)
        ep = torch.export.export(make_model().eval(), make_inputs(), strict=False)
        rows = []
        for _ in range(args.reps):
            text, t_import = timed(lambda: mlir_pass.to_torch_mlir(ep))
            (fused, report), t_tool = timed(lambda: mlir_pass.fuse_mlir_text(text))
            _, t_parse = timed(lambda: mlir_pass.parse_module(fused))
            rows.append((t_import, report.pass_ms, t_tool, t_parse))
        med = [statistics.median(r[i] for r in rows) for i in range(4)]
        totals.append(med)
        counts = ", ".join(f"{k} {v}" for k, v in report.counts().items()) or "-"
        print(f"| {name} | {counts} | {report.graph_nodes} | {med[0]:.0f} | {med[1]:.1f} | "
              f"{med[2]:.0f} | {med[3]:.0f} |")
    print(f"\nmedian over the models: import {statistics.median(t[0] for t in totals):.0f} ms, "
          f"pass {statistics.median(t[1] for t in totals):.1f} ms, tool "
          f"{statistics.median(t[2] for t in totals):.0f} ms, re-parse "
          f"{statistics.median(t[3] for t in totals):.0f} ms; slowest pass "
          f"{max(t[1] for t in totals):.1f} ms")


if __name__ == "__main__":
    main()
