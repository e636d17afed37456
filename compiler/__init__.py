"""cldmdf.compiler: finds CL-DMDF computations in stock PyTorch models, however they are
spelled, and replaces them with torch.ops.cldmdf.* (docs/COMPILER.md).

One recognition core (compiler/core/, C++17) canonicalises a graph and matches the
patterns by meaning; thin adapters translate each IR in and apply the rewrites out:

    fused_ep, report = cldmdf.compiler.fuse_exported(torch.export.export(model, args))
    fused_script, report = cldmdf.compiler.fuse_torchscript(torch.jit.script(model), args)
    torch.compile(model, backend="cldmdf")                      # trains through the operators
    torch.compile(model, options={"post_grad_custom_pre_pass": cldmdf.compiler.inductor_pass()})
    module, report = cldmdf.compiler.fuse_mlir(torch.export.export(model, args))  # torch-mlir
    print(report.explain())   # every softmax-like node examined, and why it fused or not
"""
from .fx_pass import fuse_exported, fuse_graph, fuse_graph_module
from .report import FusionReport

__all__ = ["fuse_exported", "fuse_graph", "fuse_graph_module", "FusionReport"]

from .dynamo_backend import backend, last_reports  # noqa: E402  registers backend="cldmdf"

__all__ += ["backend", "last_reports"]

from .torchscript import fuse_torchscript, fused_op_counts  # noqa: E402

__all__ += ["fuse_torchscript", "fused_op_counts"]

from .inductor_pass import enable_inductor_fusion, inductor_pass  # noqa: E402

__all__ += ["enable_inductor_fusion", "inductor_pass"]

from .mlir_pass import fuse_mlir  # noqa: E402  (needs torch-mlir and the built C++ pass)

__all__ += ["fuse_mlir"]
