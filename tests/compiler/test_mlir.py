"""The MLIR pass (compiler/mlir/, --cldmdf-fuse over torch-mlir's torch dialect): its lit tests,
the corpus through fuse_mlir with the expected counts, the same operator calls as the FX path,
bad input. Skipped, with the reason, where MLIR 22 or torch-mlir is not installed."""
import os
import re
import subprocess
import sys

import pytest
import torch

import cldmdf.compiler as compiler
from cldmdf.compiler import mlir_pass
from compiler_util import ROOT
from fusion_corpus import CORPUS, UNBATCHED, dynamic_batch, expected

REASON = mlir_pass.missing_reason()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")

NAMES = list(CORPUS)
BATCHED = [n for n in NAMES if n not in UNBATCHED]
LAYOUT = {"torch.aten.view", "torch.aten.reshape", "torch.aten._unsafe_view", "torch.aten.permute",
          "torch.aten.expand", "torch.aten.unsqueeze", "torch.aten.squeeze", "torch.prims.squeeze",
          "torch.aten.clone", "torch.aten.transpose", "torch.aten.contiguous"}
_OP = re.compile(r'^\s*(?:(%[\w]+)(?::\d+)? = )?"([\w.]+)"\((.*?)\)(.*) : \((.*?)\) -> (.*)$')


def build(name, batch=None):
    make_model, make_inputs, _ = CORPUS[name]
    torch.manual_seed(0)
    return make_model().eval(), (make_inputs() if batch is None else make_inputs(batch))


def operator_calls(text):
    """The torch.cldmdf.* calls of a module in generic form: (operator, operand types, result
    types, where each operand comes from), with operands traced through layout ops and
    products by constants to the op that computes them (op names without overload, two
    levels deep)."""
    defs, calls, args = {}, [], {}
    for line in text.splitlines():
        m = re.match(r"\s*\^bb0\((.*)\):", line)
        if m:
            for i, a in enumerate(re.findall(r"(%arg\d+):", m.group(1))):
                args[a] = f"arg{i}"
        m = _OP.match(line)
        if not m:
            continue
        result, op, operands, props, _, _ = m.groups()
        name = re.search(r'name = "([\w.]+)"', props) if op == "torch.operator" else None
        op = name.group(1) if name else op
        value = re.search(r"value = ([^:}]+)", props)
        entry = (op, [o.split("#")[0] for o in re.findall(r"%[\w#]+", operands)],
                 value.group(1).strip() if value else "")
        if result:
            defs[result] = entry
        if op.startswith("torch.cldmdf."):
            calls.append((op, line.split(" : ", 1)[1].strip(), entry[1]))

    def origin(v, depth):
        if v in args:
            return args[v]
        op, operands, value = defs[v]
        while op in LAYOUT and operands:
            return origin(operands[0], depth)
        # a product by a constant (a score scale) is read through: torch-mlir's decomposed
        # attention scales queries and keys, the FX rewrite their product
        if op.startswith("torch.aten.mul") and len(operands) == 2 and \
                defs.get(operands[1], ("",))[0].startswith("torch.constant."):
            return origin(operands[0], depth)
        base = ".".join(op.split(".")[:3])
        if op.startswith("torch.constant.") or op == "torch.vtensor.literal" or depth == 0:
            return base + (f"={value}" if value else "")
        return base + "(" + ",".join(origin(o, depth - 1) for o in operands
                                     if not defs.get(o, ("",))[0].startswith("torch.constant."))
        + ")"
    return sorted((op, types, tuple(origin(o, 2) for o in operands)) for op, types, operands in calls)


# where the two paths fuse the same operator from differently built operands, and why
OPERANDS_DIFFER = {
    "seed_query_pooling": "torch-mlir's decomposed nn.MultiheadAttention adds the key-padding "
                          "mask to the logits as -inf (fused with mask=None); the FX path reads "
                          "it as the bool mask",
}


def check_like_fx(name, ep):
    module, report = compiler.fuse_mlir(ep)
    assert report.counts() == expected(name, "mlir"), str(report)
    if not report.fused:
        assert report.near_misses or not expected(name, "export"), str(report)
    if expected(name, "mlir") != expected(name, "export"):
        return report  # a documented difference (examples/fusion_corpus.py: expected)
    fx_fused, _ = compiler.fuse_exported(ep)
    reference = mlir_pass.parse_module(mlir_pass.to_torch_mlir(fx_fused))
    got = operator_calls(module.operation.get_asm(print_generic_op_form=True))
    want = operator_calls(reference.operation.get_asm(print_generic_op_form=True))
    if name in OPERANDS_DIFFER:
        got, want = [c[:1] for c in got], [c[:1] for c in want]
    assert got == want
    assert sum(report.counts().values()) == len(got)
    return report


@pytest.mark.parametrize("name", NAMES)
def test_corpus_fuses_as_expected_with_the_fx_paths_operator_calls(name):
    model, inputs = build(name)
    check_like_fx(name, torch.export.export(model, inputs))


@pytest.mark.parametrize("name", BATCHED)
def test_a_dynamic_batch_fuses_the_same(name):
    model, inputs = build(name)
    ep = torch.export.export(model, inputs, dynamic_shapes=dynamic_batch(inputs, name))
    check_like_fx(name, ep)


def test_report_names_the_input_values_and_times_the_pass():
    model, inputs = build("attention_pooling")
    text = mlir_pass.to_torch_mlir(torch.export.export(model, inputs))
    fused, report = mlir_pass.fuse_mlir_text(text)
    assert report.ir == "MLIR (torch dialect)"
    (f,) = report.fused
    # values are named as the input prints them: the fused result, the softmax examined
    assert re.search(rf'^\s*%{f.anchor} = "torch\.aten\.', text, re.M), f.anchor
    (softmax,) = [name for name, what in report.examined if "softmax" in what]
    assert re.search(rf'^\s*%{softmax} = "torch\.aten\._softmax"', text, re.M), softmax
    assert report.graph_nodes > 40 and report.pass_ms > 0
    assert "aten::_softmax" in report.graph_text
    assert '"torch.aten._softmax"' not in fused and "torch.cldmdf.adaptive_fusion" in fused


def test_cost_rule_off_is_passed_to_the_core():
    model, inputs = build("bag_attention", 300)  # one bag of 300: declined by the cost rule
    text = mlir_pass.to_torch_mlir(torch.export.export(model, inputs))
    assert not mlir_pass.fuse_mlir_text(text)[1].fused
    assert mlir_pass.fuse_mlir_text(text, cost_rule=False)[1].counts() == {"adaptive_fusion": 1}


def test_not_mlir_gives_one_line_naming_the_position(tmp_path):
    bad = tmp_path / "model.mlir"
    bad.write_text("\n\nnot an MLIR module\n")
    proc = subprocess.run([mlir_pass.tool_path(), "--cldmdf-fuse", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{bad}:3:1: error:" in lines[0], proc.stderr
    with pytest.raises(ValueError, match=r"cldmdf-mlir-opt failed on <module>: .*error"):
        mlir_pass.fuse_mlir_text("not an MLIR module")


def test_missing_file_and_unknown_option_fail_cleanly(tmp_path):
    proc = subprocess.run([mlir_pass.tool_path(), "--cldmdf-fuse", str(tmp_path / "none.mlir")],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "none.mlir" in proc.stderr and len(proc.stderr.splitlines()) == 1
    proc = subprocess.run([mlir_pass.tool_path(), "--cldmdf-fuse=colour=1", "-"], input="",
                          capture_output=True, text=True)
    assert proc.returncode != 0 and "colour" in proc.stderr


def test_lit_suite():
    """The FileCheck tests of compiler/mlir/test/ (corpus before/after, plugin, errors)."""
    site = os.path.join(ROOT, "build", "mlir", "test", "lit.site.cfg.py")
    lit = mlir_pass.lit_path()
    if not os.path.isfile(site) or lit is None:
        pytest.skip("the MLIR build directory (build/mlir) or lit is missing")
    proc = subprocess.run([lit, "-q", os.path.dirname(site)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_cldmdf_opt_prints_the_torch_dialect_before_and_after(tmp_path):
    out = tmp_path / "fused.mlir"
    proc = subprocess.run(
        [sys.executable, "-m", "cldmdf.compiler.opt", os.path.join(ROOT, "examples", "fusion_corpus.py"),
         "--model", "gated_unit", "--ir", "mlir", "-o", str(out)],
        capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    before, _, after = proc.stdout.partition("// ----- after -----")
    assert '"torch.aten._softmax"' in before and "torch.cldmdf.adaptive_fusion" not in before
    assert "torch.cldmdf.adaptive_fusion" in after and '"torch.aten._softmax"' not in after
    assert "cldmdf fusion report (MLIR (torch dialect)): 1 fused" in proc.stdout
    assert "torch.cldmdf.adaptive_fusion" in out.read_text()
    mlir_pass.parse_module(out.read_text())  # torch-mlir reads the saved module back
