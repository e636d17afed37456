"""cldmdf.compiler: finds CL-DMDF-shaped subgraphs of stock PyTorch models
and replaces them with torch.ops.cldmdf.* (see the project's COMPILER.md).

    ep = torch.export.export(model, args)
    fused_ep, report = cldmdf.compiler.fuse_exported(ep)
    print(report)

    fused_script, report = cldmdf.compiler.fuse_torchscript(torch.jit.script(model), args)
"""
from .fx_pass import fuse_exported, fuse_graph, fuse_graph_module
from .report import FusionReport
from .torchscript import fuse_torchscript, fused_op_counts

__all__ = ["fuse_exported", "fuse_graph", "fuse_graph_module", "fuse_torchscript",
           "fused_op_counts", "FusionReport"]

from .dynamo_backend import backend, last_reports  # noqa: E402  registers backend="cldmdf"
from .inductor_pass import enable_inductor_fusion, inductor_pass, inductor_pass_patterns  # noqa

__all__ += ["backend", "last_reports", "enable_inductor_fusion", "inductor_pass",
            "inductor_pass_patterns"]
