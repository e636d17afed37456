"""Deployment from C++: the operator library is built and installed with CMake,
examples/cpp_deploy is built against it with find_package(cldmdf), and its
outputs for a scripted stock model, the same model fused by the TorchScript
pass, an AOTInductor package and the scripted CL-DMDF model agree with
Python's."""
import os
import shutil
import subprocess
import sys

import pytest
import torch

import cldmdf

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

pytestmark = pytest.mark.skipif(shutil.which("cmake") is None or shutil.which("c++") is None,
                                reason="needs cmake and a C++ compiler")


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert r.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r.stdout


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("deploy")
    prefix = torch.utils.cmake_prefix_path
    generator = ["-G", "Ninja"] if shutil.which("ninja") else []
    run(["cmake", "-S", ROOT, "-B", tmp / "lib", *generator, f"-DCMAKE_PREFIX_PATH={prefix}",
         "-DCLDMDF_WITH_CUDA=OFF"])
    run(["cmake", "--build", tmp / "lib", "-j2"])
    run(["cmake", "--install", tmp / "lib", "--prefix", tmp / "install"])
    run(["cmake", "-S", os.path.join(ROOT, "examples", "cpp_deploy"), "-B", tmp / "app",
         *generator, f"-DCMAKE_PREFIX_PATH={prefix};{tmp / 'install'}"])
    run(["cmake", "--build", tmp / "app", "-j2"])
    models = tmp / "models"
    run([sys.executable, os.path.join(ROOT, "examples", "cpp_deploy", "export_models.py"),
         str(models), "--batch", "64"])
    stdout = run([tmp / "app" / "cldmdf_deploy", str(models), "5"])
    return models, stdout


def test_cpp_program_matches_python(deployed):
    models, stdout = deployed
    assert "latency per batch" in stdout and f"cldmdf operator library {cldmdf.__version__}" in stdout
    reference = torch.load(models / "python_output.pt")
    stock, fused, aoti, logits = torch.load(models / "cpp_outputs.pt", weights_only=False)
    torch.testing.assert_close(stock, reference)
    torch.testing.assert_close(fused, reference, atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(aoti, reference, atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(logits, torch.load(models / "python_model_output.pt"),
                               atol=1e-5, rtol=1e-4)


def test_scripted_fused_model_calls_the_operator(deployed):
    import cldmdf  # noqa: F401
    models, _ = deployed
    graph = torch.jit.load(str(models / "fused.pt")).inlined_graph
    torch.testing.FileCheck().check("cldmdf::dual_attention").check_not("aten::softmax") \
        .run(str(graph))
    model = torch.jit.load(str(models / "cldmdf_model.pt"))
    torch.testing.FileCheck().check("cldmdf::dual_attention").check("cldmdf::adaptive_fusion") \
        .run(str(model.predict_logits.inlined_graph))
