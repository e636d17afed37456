"""The Inductor adapter: a post-grad custom graph pass over the recognition core, enabled
for one torch.compile call with

    model = torch.compile(model, options={"post_grad_custom_pre_pass": cldmdf.compiler.inductor_pass()})

or for every call with cldmdf.compiler.enable_inductor_fusion().

Inductor's post-grad graphs are ATen FX graphs with softmax decomposed (amax, sub, exp, sum,
div), matmuls as bmm/mm over expanded views and masks as where(); the core's canonical form
reads all of those as it reads the exported spellings, so this file only hands the graph to
the FX adapter with ir="inductor" (which turns the core's cost rule on: where Inductor's own
fusion of the stock code measured faster than the operator, the match is reported and left).

Inference graphs only: a training graph is left alone (its forward would call the operator
while its backward stayed stock code; use backend="cldmdf" to train through the operators'
own backward). The pass's uuid hashes the files that define it, so Inductor's FX-graph cache
never reuses a graph compiled by another version. All private PyTorch APIs of the Inductor
integration are in this file.
"""
import glob
import os
from typing import List, Tuple

import torch
from torch._inductor import config as inductor_config
from torch._inductor.custom_graph_pass import get_hash_for_files

try:  # told whether a graph is an inference graph, where torch has this base class
    from torch._inductor.custom_graph_pass import CustomInferenceAwareGraphPass as _PassBase
except ImportError:  # older torch: not told, so training graphs are fused too
    from torch._inductor.custom_graph_pass import CustomGraphPass as _PassBase

from .fx_pass import fuse_graph
from .report import FusionReport

_HERE = os.path.dirname(os.path.abspath(__file__))
_OPS = ("dual_attention", "adaptive_fusion", "centroid_contrastive_loss")


class CldmdfInductorPass(_PassBase):
    """Inductor's post_grad_custom_pre_pass: fuses, and keeps each graph's report."""

    def __init__(self, cost_rule: bool = True):
        self.reports: List[FusionReport] = []
        self.cost_rule = cost_rule

    def __call__(self, graph: torch.fx.Graph, is_inference: bool = True) -> None:
        if not is_inference:
            report = FusionReport("Inductor post-grad")
            report.notes = ["training graph: not fused (use backend=\"cldmdf\" to train)"]
            self._keep(report)
            return
        self._keep(fuse_graph(graph, "inductor", cost_rule=self.cost_rule))

    def _keep(self, report: FusionReport) -> None:
        self.reports.append(report)
        del self.reports[:-64]

    def uuid(self) -> bytes:
        """What the rewritten graphs depend on: the core, the adapters, the operators' fake
        kernels and schemas."""
        import cldmdf
        files = sorted(glob.glob(os.path.join(_HERE, "core", "**", "*.*"), recursive=True) + [
            __file__, os.path.join(_HERE, "fx_pass.py"), os.path.join(_HERE, "core.py"),
            os.path.join(_HERE, "report.py"),
            os.path.join(os.path.dirname(cldmdf.__file__), "_meta.py")])
        schemas = "\n".join(str(getattr(torch.ops.cldmdf, op).default._schema) for op in _OPS)
        return get_hash_for_files(tuple(files)) + schemas.encode() + \
            f"cost_rule={self.cost_rule}".encode()


_PASSES = {}


def inductor_pass(cost_rule: bool = True) -> CldmdfInductorPass:
    """The pass (one per process and setting; its `reports` list one FusionReport per graph).

    Also keeps torch.unique inside Dynamo's graphs (Dynamo's capture_dynamic_output_shape_ops),
    so that the centroid loss, whose entity count is data-dependent, reaches the pass whole
    instead of being split at a graph break."""
    torch._dynamo.config.capture_dynamic_output_shape_ops = True
    if bool(cost_rule) not in _PASSES:
        _PASSES[bool(cost_rule)] = CldmdfInductorPass(bool(cost_rule))
    return _PASSES[bool(cost_rule)]


def enable_inductor_fusion(enabled: bool = True, cost_rule: bool = True) -> None:
    """Installs the pass as Inductor's post_grad_custom_pre_pass for every torch.compile."""
    inductor_config.post_grad_custom_pre_pass = inductor_pass(cost_rule) if enabled else None


def last_inductor_reports() -> Tuple[FusionReport, ...]:
    return tuple(inductor_pass().reports)
