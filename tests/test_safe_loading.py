"""`cldmdf-opt --inputs FILE` reads the example inputs with torch.load(weights_only=True): a
file that would run code when unpickled is refused with a one-line error and runs nothing."""
import os
import subprocess
import sys

import pytest
import torch

# (the compiler is installed with the package; a bare PYTHONPATH checkout, as in
# scripts/check_torch214.sh, has the operators only)
pytest.importorskip("cldmdf.compiler")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class _OpensAFile:
    """Unpickling this calls open(path, "w"): code run by a plain torch.load."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_opt_inputs_are_loaded_weights_only(tmp_path):
    model_path, inputs_path = tmp_path / "stock.pt", tmp_path / "inputs.pt"
    marker = tmp_path / "unpickled"
    torch.jit.script(torch.nn.Linear(3, 2)).save(str(model_path))
    torch.save((torch.randn(4, 3), _OpensAFile(str(marker))), inputs_path)
    r = subprocess.run([sys.executable, "-m", "cldmdf.compiler.opt", str(model_path),
                        "--inputs", str(inputs_path), "--no-ir"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2, r.stderr[-2000:]
    assert "weights_only=True" in r.stderr and "Traceback" not in r.stderr, r.stderr[-2000:]
    assert not marker.exists(), "cldmdf-opt unpickled code from --inputs"
