"""torch.compile integration: a backend that fuses, then hands over to Inductor.

    model = torch.compile(model, backend="cldmdf")        # or backend=cldmdf.compiler.backend

Dynamo's graph is traced to the same ATen level as torch.export's (a
pre-dispatch make_fx trace, before autograd), the patterns are applied, and
Inductor compiles the result, so training differentiates through the fused
operators' registered backward. The private PyTorch APIs this needs live here
and nowhere else.
"""
import logging
from typing import List

import torch
from torch._dynamo import register_backend
from torch._guards import detect_fake_mode
from torch.fx.experimental.proxy_tensor import make_fx

from .fx_pass import fuse_graph_module

log = logging.getLogger(__name__)
last_reports: List = []  # reports of the most recent compilations, newest last


def backend(gm: torch.fx.GraphModule, example_inputs):
    """A torch.compile backend: pre-dispatch ATen trace, cldmdf fusion, then Inductor."""
    import cldmdf  # noqa: F401  (the operators must be registered)
    from torch._inductor.compile_fx import compile_fx

    # trace under Dynamo's own fake mode, so shapes and guards stay in its shape environment
    fake_mode = detect_fake_mode(example_inputs)
    with fake_mode:
        fake_inputs = [fake_mode.from_tensor(t) if isinstance(t, torch.Tensor) else t
                       for t in example_inputs]
        aten_gm = make_fx(gm, pre_dispatch=True)(*fake_inputs)
    report = fuse_graph_module(aten_gm, ir="backend")
    last_reports.append(report)
    del last_reports[:-16]
    log.info("%s", report)
    return compile_fx(aten_gm, example_inputs)


register_backend(name="cldmdf", compiler_fn=backend)
