"""The TorchScript adapter: what only TorchScript has (scripted functions, frozen modules,
save/load and the C++ runtime, run-time sizes and numbers, in-place ops), on top of the
corpus and property tests that run every IR."""
import subprocess
import sys
import warnings

import pytest
import torch
from torch.testing import FileCheck

import cldmdf  # noqa: F401
from cldmdf.compiler import fuse_torchscript, fused_op_counts
from compiler_util import ROOT, assert_same
from fusion_corpus import CORPUS


def build(name, batch=None):
    make_model, make_inputs, _ = CORPUS[name]
    torch.manual_seed(0)
    return make_model().eval(), (make_inputs() if batch is None else make_inputs(batch))


def pool(h, gate, mask):
    logits = gate.masked_fill(~mask[:, :, None], float("-inf"))
    return (torch.softmax(logits, dim=1) * h).sum(dim=1)


def pool_inputs(b=4, m=3, d=8):
    g = torch.Generator().manual_seed(0)
    mask = torch.rand(b, m, generator=g) > 0.4
    mask[:, 0] = True
    return torch.randn(b, m, d, generator=g), torch.randn(b, m, d, generator=g), mask


def test_a_scripted_function_is_fused_into_a_new_function():
    fn = torch.jit.script(pool)
    inputs = pool_inputs()
    fn(*inputs)  # a function that already ran keeps its compiled plan
    before = str(fn.graph)
    fused, report = fuse_torchscript(fn, inputs)
    assert report.count("adaptive_fusion") == 1 and fused is not fn
    assert str(fn.graph) == before
    FileCheck().check("cldmdf::adaptive_fusion").check_not("aten::softmax").run(str(fused.graph))
    assert_same(fused(*inputs), pool(*inputs))


def test_the_model_passed_in_is_not_changed():
    model, inputs = build("modality_transformer")
    scripted = torch.jit.script(model)
    before = str(scripted.graph)
    fused, report = fuse_torchscript(scripted, inputs)
    assert str(scripted.graph) == before and report.counts()
    assert isinstance(fused, torch.jit.ScriptModule)


def test_a_plain_module_is_scripted_and_frozen():
    model, inputs = build("cross_modal_block")
    fused, report = fuse_torchscript(model, inputs)
    assert isinstance(fused, torch.jit.ScriptModule) and report.count("dual_attention") == 1


def test_rejects_what_it_cannot_fuse():
    with pytest.raises(TypeError, match="fuse_torchscript: expected a ScriptModule"):
        fuse_torchscript(lambda x: x, (torch.zeros(1),))


def test_a_model_failing_on_the_example_inputs_is_reported():
    model, _ = build("gated_unit")
    with pytest.raises(RuntimeError, match="fails on the example inputs"):
        fuse_torchscript(torch.jit.script(model), (torch.randn(2, 3, 5), torch.ones(2, 3).bool()))


def test_a_temperature_passed_in_is_read_at_run_time():
    """A temperature tensor is an input: the fused model divides by the value it is given,
    not by the example's."""
    def pool_t(h, gate, mask, t):
        logits = gate.masked_fill(~mask[:, :, None], float("-inf")) / t
        return (torch.softmax(logits, dim=1) * h).sum(dim=1)

    fn = torch.jit.script(pool_t)
    inputs = pool_inputs() + (torch.tensor(0.5),)
    fused, report = fuse_torchscript(fn, inputs)
    assert report.count("adaptive_fusion") == 1
    other = pool_inputs() + (torch.tensor(3.0),)
    assert_same(fused(*other), pool_t(*other))


def test_a_number_computed_from_data_is_not_frozen():
    def pool_data(h, gate, mask):
        scale = float(gate.abs().max())
        logits = gate.masked_fill(~mask[:, :, None], float("-inf")) * scale
        return (torch.softmax(logits, dim=1) * h).sum(dim=1)

    fn = torch.jit.script(pool_data)
    fused, _ = fuse_torchscript(fn, pool_inputs())
    h, g, m = pool_inputs()
    other = (h, g * 4, m)  # another scale
    assert_same(fused(*other), pool_data(*other))


def test_an_in_place_write_between_the_matched_nodes_keeps_the_result():
    def pool_write(h, gate, mask):
        w = torch.softmax(gate.masked_fill(~mask[:, :, None], float("-inf")), dim=1)
        h = h.clone()
        h.add_(1.0)
        return (w * h).sum(dim=1)

    fn = torch.jit.script(pool_write)
    inputs = pool_inputs()
    fused, _ = fuse_torchscript(fn, inputs)
    assert_same(fused(*inputs), pool_write(*inputs))


def test_a_traced_loss_reads_the_entity_count_at_run_time():
    """torch.jit.trace records ids.shape[0] as a size read, so the traced stock model and the
    fused one both follow the number of entities of their input."""
    model, inputs = build("prototype_loss")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        traced = torch.jit.trace(model, inputs, check_trace=False)
    fused, report = fuse_torchscript(traced, inputs)
    assert report.count("centroid_contrastive_loss") == 1, str(report)
    h, labels = inputs
    other = (h, labels % 3)  # 3 entities, not 10
    with torch.no_grad():
        assert_same(fused(*other), model(*other))


def test_fused_model_saves_loads_and_needs_the_library(tmp_path):
    model, inputs = build("cross_modal_block")
    fused, _ = fuse_torchscript(torch.jit.script(model), inputs)
    path = tmp_path / "fused.pt"
    fused.save(str(path))
    loaded = torch.jit.load(str(path))
    assert fused_op_counts(loaded.graph) == {"dual_attention": 1}
    _, other = build("cross_modal_block", 9)
    with torch.no_grad():
        assert_same(loaded(*other), model(*other))
    code = f"import torch; torch.jit.load({str(path)!r})"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode != 0 and "cldmdf::dual_attention" in r.stderr, r.stderr[-2000:]


def run_opt(*args):
    return subprocess.run([sys.executable, "-m", "cldmdf.compiler.opt", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_opt_driver_on_a_torchscript_file(tmp_path):
    model, inputs = build("modality_transformer")
    model_path, inputs_path, out = tmp_path / "stock.pt", tmp_path / "inputs.pt", tmp_path / "f.pt"
    torch.jit.script(model).save(str(model_path))
    torch.save(inputs, inputs_path)
    r = run_opt(model_path, "--inputs", inputs_path, "-o", out)
    assert r.returncode == 0, r.stderr
    before, after = r.stdout.split("// ----- after -----")
    assert "aten::softmax" in before and "cldmdf::" not in before
    FileCheck().check_count("cldmdf::dual_attention", 2, exactly=True).run(after)
    FileCheck().check_count("cldmdf::adaptive_fusion", 1, exactly=True).run(after)
    assert "3 fused" in r.stdout and out.exists()
    r = run_opt("examples/fusion_corpus.py", "--model", "single_head", "--ir", "torchscript",
                "--no-ir")
    assert r.returncode == 0 and "1 fused" in r.stdout, r.stderr


def test_opt_driver_needs_example_inputs_for_torchscript(tmp_path):
    model, _ = build("single_head")
    path = tmp_path / "stock.pt"
    torch.jit.script(model).save(str(path))
    r = run_opt(path)
    assert r.returncode == 2 and "--inputs" in r.stderr
    r = run_opt(path, "--inputs", tmp_path / "nope.pt")
    assert r.returncode == 2 and "no such file" in r.stderr
