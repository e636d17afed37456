"""The stock-style corpus (examples/fusion_corpus.py): expected fusion counts
and unchanged results under torch.export, torch.compile and AOTInductor, and
the cldmdf-opt driver on it."""
import os
import subprocess
import sys

import pytest
import torch
from torch.testing import FileCheck

import cldmdf  # noqa: F401
import cldmdf.compiler as compiler

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "examples"))
from fusion_corpus import CORPUS  # noqa: E402

PATTERN_NAMES = ("dual_attention", "adaptive_fusion", "centroid_contrastive_loss")


def counts(report):
    return {p: report.count(p) for p in PATTERN_NAMES if report.count(p)}


def build(name):
    make_model, make_inputs, expected = CORPUS[name]
    torch.manual_seed(0)
    return make_model().eval(), make_inputs(), expected


@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_model_fuses_as_expected_in_export(name):
    model, inputs, expected = build(name)
    fused, report = compiler.fuse_exported(torch.export.export(model, inputs))
    assert counts(report) == expected
    graph = str(fused.graph)
    for op, n in expected.items():
        FileCheck().check_count(f"torch.ops.cldmdf.{op}.default", n, exactly=True).run(graph)
    if expected:
        FileCheck().check_not("aten.softmax").run(graph)
    with torch.no_grad():
        torch.testing.assert_close(fused.module()(*inputs), model(*inputs), atol=1e-5, rtol=1e-4)


def batch_dynamic(inputs):
    batch = torch.export.Dim("batch", min=2)
    spec = lambda a: [spec(t) for t in a] if isinstance(a, (list, tuple)) else {0: batch}  # noqa
    return tuple(spec(a) for a in inputs)


@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_model_fuses_with_a_dynamic_batch(name):
    model, inputs, expected = build(name)
    ep = torch.export.export(model, inputs, dynamic_shapes=batch_dynamic(inputs))
    fused, report = compiler.fuse_exported(ep)
    assert counts(report) == expected, str(report)
    other = CORPUS[name][1](37)  # the fused program keeps the batch symbolic
    with torch.no_grad():
        torch.testing.assert_close(fused.module()(*other), model(*other), atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("name", ["modality_transformer", "gated_unit", "single_head"])
def test_corpus_model_fuses_under_torch_compile(name):
    model, inputs, expected = build(name)
    torch._dynamo.reset()
    compiled = torch.compile(model, backend="cldmdf", dynamic=False)
    out = compiled(*inputs)
    assert counts(compiler.last_reports[-1]) == expected
    torch.testing.assert_close(out, model(*inputs), atol=1e-5, rtol=1e-4)


def test_training_step_differentiates_through_fused_operators():
    model, inputs, _ = build("modality_transformer")
    model.train()
    torch._dynamo.reset()
    compiled = torch.compile(model, backend="cldmdf", dynamic=False)
    compiled(*inputs).square().mean().backward()
    fused_grads = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    model(*inputs).square().mean().backward()
    for got, want in zip(fused_grads, (p.grad for p in model.parameters())):
        torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-4)


def test_fused_export_runs_through_aot_inductor(tmp_path):
    model, inputs, _ = build("cross_modal_block")
    fused, _ = compiler.fuse_exported(torch.export.export(model, inputs))
    package = torch._inductor.aoti_compile_and_package(fused,
                                                       package_path=str(tmp_path / "m.pt2"))
    runner = torch._inductor.aoti_load_package(package)
    with torch.no_grad():
        torch.testing.assert_close(runner(*inputs), model(*inputs), atol=1e-5, rtol=1e-4)


def run_opt(*args):
    return subprocess.run([sys.executable, "-m", "cldmdf.compiler.opt", *args],
                          capture_output=True, text=True, cwd=ROOT)


def test_opt_driver_prints_ir_before_after_and_report(tmp_path):
    out = tmp_path / "fused.pt2"
    r = run_opt("examples/fusion_corpus.py", "--model", "gated_unit", "-o", str(out))
    assert r.returncode == 0, r.stderr
    before, after = r.stdout.split("// ----- after -----")
    assert "aten.softmax" in before and "cldmdf.adaptive_fusion" not in before
    assert "cldmdf.adaptive_fusion" in after
    assert "1 fused" in r.stdout and out.exists()
    r2 = run_opt(str(out), "--no-ir")  # a fused .pt2 goes through again unchanged
    assert r2.returncode == 0 and "0 fused" in r2.stdout


def test_opt_driver_rejects_bad_input_with_a_message(tmp_path):
    r = run_opt(str(tmp_path / "missing.pt2"))
    assert r.returncode == 2 and "no such file" in r.stderr
    r = run_opt("examples/fusion_corpus.py")
    assert r.returncode == 2 and "--model" in r.stderr
