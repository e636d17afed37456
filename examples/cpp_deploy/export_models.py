"""Writes the models the C++ example runs: a stock-style CL-DMDF fusion model
(examples/fusion_corpus.py's cross_modal_block) scripted as it is, the same
model fused by cldmdf.compiler and scripted, an AOTInductor package of the
fused exported program, and the inputs.

    python examples/cpp_deploy/export_models.py OUT_DIR [--batch 256]
"""
import argparse
import os
import sys

import torch

import cldmdf  # noqa: F401  (registers the operators)
import cldmdf.compiler as compiler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from fusion_corpus import CORPUS  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--model", default="cross_modal_block")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    make_model, make_inputs, _ = CORPUS[args.model]
    torch.manual_seed(0)
    model = make_model().eval()
    inputs = make_inputs(args.batch)
    fused, report = compiler.fuse_exported(torch.export.export(model, inputs))
    print(report)
    torch.jit.script(model).save(os.path.join(args.out, "stock.pt"))
    # the fused graph has no control flow left: tracing it records the cldmdf operator calls
    with torch.no_grad():
        torch.jit.trace(fused.module(), inputs).save(os.path.join(args.out, "fused.pt"))
    torch._inductor.aoti_compile_and_package(
        fused, package_path=os.path.join(args.out, "fused_aoti.pt2"))
    torch.save(list(inputs), os.path.join(args.out, "inputs.pt"))
    with torch.no_grad():
        torch.save(model(*inputs), os.path.join(args.out, "python_output.pt"))


if __name__ == "__main__":
    main()
