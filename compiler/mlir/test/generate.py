"""Writes the lit tests of compiler/mlir/test/corpus/ from examples/fusion_corpus.py:

    .venv/bin/python compiler/mlir/test/generate.py

Each model is exported, imported by torch-mlir into the torch dialect (generic form, symbolic
sizes bound) and written with its parameters replaced by zero splats (the pass reads shapes,
not values), so the files stay readable. The CHECK lines come from the other path: the
torch-mlir import of the FX pass's fused program (cldmdf.compiler.fuse_exported), so each test
states that the MLIR pass makes the same operator calls, with the same operand and result
types, as the FX pass, and that the stock ops the FX pass removed are gone here too. Near
misses check that nothing is fused and that the report says why.
"""
import os
import re
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(ROOT, "examples"))

import fusion_corpus as fc  # noqa: E402

import cldmdf  # noqa: E402,F401
from cldmdf.compiler import fuse_exported, mlir_pass  # noqa: E402

# models also tested with a dynamic batch (one Dim shared by the inputs' batch axes)
DYNAMIC = ["attention_pooling", "folded_heads_attention", "prototype_loss"]
# models also run through stock mlir-opt with the pass plugin
PLUGIN = ["attention_pooling", "cross_modal_block"]
# stock ops whose disappearance is checked where the FX path removes them
# fused with differently built operands in MLIR: the operator is checked, not its types
# (torch-mlir's nn.MultiheadAttention adds the key-padding mask to the logits)
NAME_ONLY = {"seed_query_pooling"}
# near misses whose reason differs in MLIR (torch-mlir decomposes cosine_similarity)
MLIR_REASON = {"near_miss_raw_sum_cosine": "the logits are not points against centroids"}
SIGNATURE = ["torch.aten._softmax", "torch.aten.amax", "torch.aten.gather", "torch.aten.index_put",
             "torch.aten.scatter_add", "torch.aten._unique2", "torch.aten.bmm"]


def zero_literals(text: str) -> str:
    """Parameters as zero splats; the resource blob section dropped."""
    def splat(m):
        elem = m.group(1).split("x")[-1]
        value = "0.000000e+00" if elem.startswith(("f", "bf")) else "false" if elem == "i1" else "0"
        return f"dense<{value}> : tensor<{m.group(1)}>"
    text = re.sub(r"dense_resource<[^>]*> : tensor<([^>]*)>", splat, text)
    return re.sub(r"\n\{-#.*?#-\}\n?", "\n", text, flags=re.S)


def operator_lines(text: str):
    out = []
    for line in text.splitlines():
        m = re.search(r'<\{name = "torch\.cldmdf\.([\w.]+)"\}> : (.*)$', line)
        if m:
            out.append((m.group(1), m.group(2).strip()))
    return out


def program(name: str, dynamic: bool):
    f, inputs, _ = fc.CORPUS[name]
    torch.manual_seed(0)
    model, args = f().eval(), inputs()
    shapes = fc.dynamic_batch(args, name) if dynamic else None
    return torch.export.export(model, args, strict=False, dynamic_shapes=shapes)


def write(name: str, dynamic: bool) -> str:
    ep = program(name, dynamic)
    before = zero_literals(mlir_pass.to_torch_mlir(ep))
    fused_ep, report = fuse_exported(ep)
    reference = mlir_pass.to_torch_mlir(fused_ep) if report.fused else ""
    ops = operator_lines(reference)
    stem = name + ("_dynamic" if dynamic else "")
    lines = [f"// The corpus model {name} ({'dynamic batch' if dynamic else 'static shapes'}),",
             "// as torch-mlir imports it; written by compiler/mlir/test/generate.py.",
             "// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s"]
    if name in PLUGIN and not dynamic:
        lines.append("// RUN: %mlir_opt --load-pass-plugin=%plugin --allow-unregistered-dialect "
                     "--pass-pipeline='builtin.module(cldmdf-fuse)' --mlir-print-op-generic %s "
                     "| FileCheck %s")
    lines.append('// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 '
                 "| FileCheck %s --check-prefix=REPORT")
    if ops:
        gone = [op for op in SIGNATURE if f'"{op}"' in before and f'"{op}"' not in reference
                and f'name = "{op}"' not in reference]
        if gone:
            lines.append("// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s "
                         "--check-prefix=GONE")
        lines.append("")
        for op, types in ops:
            lines.append(f'// CHECK: "torch.operator"({{{{.*}}}}) <{{name = "torch.cldmdf.{op}"}}> '
                         + ("" if name in NAME_ONLY else f": {types}"))
        for f in report.fused:
            lines.append(f"// REPORT: fuse {f.pattern} ")
        for op in gone:
            lines.append(f'// GONE-NOT: "{op}"')
    else:
        lines.append("")
        lines.append("// CHECK-NOT: torch.cldmdf")
        for m in report.near_misses:
            # the reason, with the FX names of nodes it quotes left open
            reason = MLIR_REASON.get(name) or re.sub(r"\([^)]*\)", "({{.*}})", m.constraint)
            lines.append(f"// REPORT: miss {{{{[0-9]+}}}} {m.pattern} {reason}")
        if not report.near_misses:
            lines.append("// REPORT-NOT: fuse ")
    path = os.path.join(HERE, "corpus", stem + ".mlir")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n\n" + before.strip() + "\n")
    return path


def main():
    os.makedirs(os.path.join(HERE, "corpus"), exist_ok=True)
    names = sys.argv[1:] or list(fc.CORPUS)
    for name in names:
        print(write(name, False))
        if name in DYNAMIC:
            print(write(name, True))


if __name__ == "__main__":
    main()
