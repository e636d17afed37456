"""Writes the models the C++ example runs: a stock-style CL-DMDF fusion model
(examples/fusion_corpus.py's cross_modal_block) scripted as it is, the same
scripted model fused by the TorchScript pass (cldmdf.compiler.fuse_torchscript),
an AOTInductor package of the fused exported program, the scripted CL-DMDF
model of cldmdf.nn (built on the operators), and the inputs of both.

    python examples/cpp_deploy/export_models.py OUT_DIR [--batch 256]
"""
import argparse
import os
import sys

import torch

import cldmdf  # noqa: F401  (registers the operators)
import cldmdf.compiler as compiler
from cldmdf.nn import CLDMDF

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
    scripted = torch.jit.script(model)
    scripted.save(os.path.join(args.out, "stock.pt"))
    fused_script, report = compiler.fuse_torchscript(scripted, inputs)
    print(report)
    fused_script.save(os.path.join(args.out, "fused.pt"))
    fused_ep, report = compiler.fuse_exported(torch.export.export(model, inputs))
    print(report)
    torch._inductor.aoti_compile_and_package(
        fused_ep, package_path=os.path.join(args.out, "fused_aoti.pt2"))
    torch.save(list(inputs), os.path.join(args.out, "inputs.pt"))
    with torch.no_grad():
        torch.save(model(*inputs), os.path.join(args.out, "python_output.pt"))

    # the CL-DMDF model itself: 6 modalities of Handwritten's widths, a third of them missing
    widths = (76, 216, 64, 240, 47, 6)
    net = CLDMDF(widths, num_classes=10, dim=64, num_layers=2, num_heads=4).eval()
    g = torch.Generator().manual_seed(1)
    mask = torch.rand(args.batch, len(widths), generator=g) > 0.33
    mask[:, 0] = True
    modalities = [torch.randn(args.batch, w, generator=g) for w in widths]
    torch.jit.script(net).save(os.path.join(args.out, "cldmdf_model.pt"))
    torch.save(modalities + [mask], os.path.join(args.out, "model_inputs.pt"))
    with torch.no_grad():
        torch.save(net.predict_logits(modalities, mask),
                   os.path.join(args.out, "python_model_output.pt"))

if __name__ == "__main__":
    main()
