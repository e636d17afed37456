"""The MLIR path: an exported program imported into torch-mlir's torch dialect, fused by the
C++ pass `--cldmdf-fuse` (compiler/mlir/, the recognition core's fourth adapter), and read
back as a torch-mlir module.

    module, report = fuse_mlir(torch.export.export(model, args))

The pass runs in `cldmdf-mlir-opt`, a separate process built against Debian's MLIR 22: the
module travels in MLIR's generic form, which MLIR 22 parses with the torch dialect
unregistered and torch-mlir re-parses. The report is built from the pass's answer by the
same code as every other IR's (compiler/core.py).
"""
import os
import shutil
import subprocess
import tempfile
from typing import Dict, List, Optional, Tuple

from . import core
from .report import FusionReport

_IR_NAME = "MLIR (torch dialect)"
_HERE = os.path.dirname(os.path.abspath(__file__))
TORCH_MLIR_PIN = "torch-mlir==20261001"


def _candidates(name: str) -> List[str]:
    import cldmdf
    pkg = os.path.dirname(os.path.abspath(cldmdf.__file__))
    root = os.path.dirname(pkg)
    return [os.path.join(pkg, "_mlir", name), os.path.join(root, "build", "mlir", name)]


def tool_path(name: str = "cldmdf-mlir-opt") -> Optional[str]:
    """The built pass driver (or, with name="libCldmdfPlugin.so", the mlir-opt plugin):
    installed with the package (cldmdf/_mlir/), else in this checkout's build/mlir/."""
    env = os.environ.get("CLDMDF_MLIR_OPT") if name == "cldmdf-mlir-opt" else None
    for path in ([env] if env else []) + _candidates(name):
        if path and os.path.isfile(path):
            return path
    return None


def missing_reason() -> Optional[str]:
    """Why the MLIR path cannot run here, or None if it can."""
    if tool_path() is None:
        return ("cldmdf-mlir-opt is not built: install MLIR 22 (apt-get install libmlir-22-dev "
                "mlir-22-tools llvm-22-dev llvm-22-tools) and reinstall cldmdf "
                "(CLDMDF_MLIR=1 pip install --no-build-isolation -e .)")
    try:
        import torch_mlir.fx  # noqa: F401
    except ImportError as e:
        return f"torch-mlir is not installed (pip install {TORCH_MLIR_PIN}): {e}"
    return None


def _require():
    why = missing_reason()
    if why:
        raise RuntimeError(f"cldmdf.compiler.fuse_mlir: {why}")


def to_torch_mlir(ep) -> str:
    """The torch-mlir import of an exported program (torch dialect, as imported, with its
    symbolic sizes bound), in MLIR's generic form."""
    _require()
    from torch_mlir import fx
    module = fx.export_and_import(ep, output_type="raw", import_symbolic_shape_expressions=True)
    return module.operation.get_asm(print_generic_op_form=True)


def parse_module(text: str):
    """A torch-mlir module from MLIR text (generic or custom form); torch-mlir verifies it."""
    from torch_mlir import ir
    from torch_mlir.dialects import torch as torch_d
    context = ir.Context()
    torch_d.register_dialect(context)
    module = ir.Module.parse(text, context)
    if not module.operation.verify():
        raise ValueError("cldmdf.compiler.fuse_mlir: the fused module does not verify")
    return module


def run_pass(text: str, cost_rule: bool = True, explain: bool = False,
             source: str = "<module>") -> Tuple[str, str]:
    """Runs --cldmdf-fuse over MLIR text; returns (fused text, the pass's report text)."""
    _require()
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.txt")
        opts = f"report={report} cost-rule={int(cost_rule)} explain={int(explain)}"
        proc = subprocess.run([tool_path(), f"--cldmdf-fuse={opts}", "-", "-o", "-"],
                              input=text, capture_output=True, text=True)
        if proc.returncode != 0:
            raise ValueError(f"cldmdf-mlir-opt failed on {source}: {proc.stderr.strip()}")
        with open(report) as f:
            return proc.stdout, f.read()


def reports(report_text: str) -> Dict[str, FusionReport]:
    """The pass's report text (compiler/mlir/include/cldmdf-mlir/Fuse.h), one FusionReport
    per function."""
    out: Dict[str, FusionReport] = {}
    for chunk in ("\n" + report_text).split("\nfunc ")[1:]:
        func, _, body = chunk.partition("\n")
        names, graph, applied, declined, stats = {}, [], set(), {}, (0.0, 0)
        for line in body.splitlines():
            kind, _, rest = line.partition(" ")
            if kind == "name":
                node, _, name = rest.partition(" ")
                names[int(node)] = name
            elif kind == "graph":
                graph.append(rest)
            elif kind == "applied":
                applied.add(int(rest))
            elif kind == "declined":
                node, _, why = rest.partition(" ")
                declined[int(node)] = why
            elif kind == "stats":
                ms, nodes = rest.split()
                stats = (float(ms), int(nodes))
        result = core.parse(body)
        report = core.make_report(
            _IR_NAME, result, names, [rw for rw in result.rewrites if rw.anchor in applied],
            [(rw, declined[rw.anchor]) for rw in result.rewrites if rw.anchor in declined])
        report.graph_text = "\n".join(graph) + "\n"
        report.pass_ms, report.graph_nodes = stats
        out[func] = report
    return out


def fuse_mlir_text(text: str, cost_rule: bool = True, explain: bool = False,
                   source: str = "<module>") -> Tuple[str, FusionReport]:
    """Fuses a torch-dialect module given as MLIR text; returns the fused text and the report
    of its first function."""
    fused, report_text = run_pass(text, cost_rule, explain, source)
    reps = reports(report_text)
    return fused, (next(iter(reps.values())) if reps else FusionReport(_IR_NAME))


def fuse_mlir(ep, explain: bool = False, cost_rule: bool = True):
    """Imports the (unfused) exported program with torch-mlir, runs the C++ pass over its
    torch dialect, and returns (the fused torch-mlir module, the FusionReport)."""
    fused, report = fuse_mlir_text(to_torch_mlir(ep), cost_rule, explain)
    return parse_module(fused), report


def main() -> None:
    """The console script cldmdf-mlir-opt: runs the built driver with the same arguments."""
    import sys
    path = tool_path()
    if path is None:
        sys.exit(f"cldmdf-mlir-opt: {missing_reason()}")
    os.execv(path, [path] + sys.argv[1:])


def lit_path() -> Optional[str]:
    """LLVM's lit (llvm-22-tools), for the MLIR pass's FileCheck tests."""
    for p in ("/usr/lib/llvm-22/bin/lit", shutil.which("lit-22") or "", shutil.which("lit") or ""):
        if p and os.path.isfile(p):
            return p
    return None
