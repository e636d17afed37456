"""Fusion inside Inductor: a post-grad graph pass built on Inductor's pattern
matcher, enabled for one torch.compile call with

    model = torch.compile(model, options={"post_grad_custom_pre_pass": cldmdf.compiler.inductor_pass()})

or for every call with cldmdf.compiler.enable_inductor_fusion().

Each search variant of compiler/patterns/ is traced the way Inductor traces
its own patterns (fwd_only: make_fx with Inductor's decomposition table, at
the sentinel sizes, then through Inductor's joint-graph passes, as the
graphs it meets have been) and turned into a PatternExpr with every literal ignored;
the extra check then compares the literals itself (the FX pass's
bind_literals: sentinels bind, dims are normalised, anything else must be
equal, except sizes in view/expand shapes, which are products of sizes here)
and runs the pattern's `bind`. A match becomes a call of the cldmdf operator
(replace_by_example). The pass's uuid hashes the files that define it, so
Inductor's FX-graph cache never reuses a graph compiled with other patterns.

Inference graphs only: a training graph is left alone (its forward would call
the operator while its backward stayed stock code; use backend="cldmdf" to
train through the operators' own backward). All private PyTorch
APIs of this pass are in this file.
"""
import functools
import glob
import os
from typing import Dict, List, Optional, Tuple

import torch
from torch._inductor import config as inductor_config
from torch._inductor.custom_graph_pass import get_hash_for_files

try:  # told whether a graph is an inference graph, where torch has this base class
    from torch._inductor.custom_graph_pass import CustomInferenceAwareGraphPass as _PassBase
except ImportError:  # older torch: not told, so training graphs are fused too
    from torch._inductor.custom_graph_pass import CustomGraphPass as _PassBase
from torch._inductor.fx_passes.joint_graph import joint_graph_passes
from torch._inductor.fx_passes.post_grad import remove_noop_ops, view_to_reshape
from torch._inductor.pattern_matcher import (CallFunction, Match, PatternMatcherPass, fwd_only,
                                             fx_to_pattern, register_graph_pattern)
from torch._inductor.virtualized import V
from torch._subclasses.fake_tensor import FakeTensorMode, unset_fake_temporarily
from torch.fx import Node

from .fx_pass import _literal_key, bind_literals, check_dtypes
from .patterns import PATTERNS, NearMiss, Pattern, Variant
from .report import Fused, FusionReport, Missed

_IGNORED = (int, float, list, torch.device, torch.dtype)
# The centroid loss is not among them: torch.unique's data-dependent size breaks Dynamo's
# graph before Inductor sees the idiom (it is fused in exported programs and TorchScript).
INDUCTOR_PATTERNS = [p for p in PATTERNS if p.name != "centroid_contrastive_loss"]
_HERE = os.path.dirname(os.path.abspath(__file__))


def _pair(node: Node, expr, out: Dict[Node, object]) -> None:
    """Pairs the traced pattern's nodes with the PatternExprs fx_to_pattern made of them."""
    if not isinstance(node, Node) or node.op != "call_function" or not isinstance(expr, CallFunction):
        return
    out[node] = expr
    for a, e in zip(node.args, expr.args):
        if isinstance(a, (list, tuple)) and isinstance(e, (list, tuple)):
            for ai, ei in zip(a, e):
                _pair(ai, ei, out)
        else:
            _pair(a, e, out)
    for k, a in node.kwargs.items():
        _pair(a, expr.kwargs.get(k), out)


def _from_inverse_sqrt(g: float) -> float:
    if not g > 0:
        raise NearMiss(f"scale factor {g} is not positive")
    return g ** -2.0


def _from_sqrt(g: float) -> float:
    if not g > 0:
        raise NearMiss(f"scale factor {g} is not positive")
    return g ** 2.0


class _InductorVariant:
    """A variant traced like Inductor's own patterns, with the map back to its nodes."""

    def __init__(self, pattern: Pattern, variant: Variant):
        self.pattern, self.variant = pattern, variant
        sentinels = pattern.sentinels
        names = list(pattern.inputs)

        def search(*tensors):
            return variant.fn(*tensors, **sentinels)

        fake_mode = FakeTensorMode()
        # built outside any compilation's fake mode (the pass may be built lazily inside one)
        with unset_fake_temporarily(), V.set_fake_mode(fake_mode), fake_mode:
            inputs = [fake_mode.from_tensor(t) for t in pattern.example_inputs(variant)]
            gm = fwd_only(search, inputs)
            # what Inductor does to a graph before its post-grad passes (its softmax-with-scale
            # rewrite, view -> reshape), so the pattern is spelled as the graphs it meets
            joint_graph_passes(gm)
            view_to_reshape(gm)
            remove_noop_ops(gm.graph)
            gm.graph.eliminate_dead_code()
            gm.recompile()
        placeholders = [n for n in gm.graph.nodes if n.op == "placeholder"]
        for node, name in zip(placeholders, names):
            node.target = node.name = name
        self.used_inputs = [name for node, name in zip(placeholders, names) if node.users]
        self.expr = fx_to_pattern(gm, ignore_types=_IGNORED, argnames=names)
        output = next(n for n in gm.graph.nodes if n.op == "output").args[0]
        root = output[0] if isinstance(output, (list, tuple)) else output
        self.pairs: Dict[Node, object] = {}
        _pair(root, self.expr, self.pairs)
        self.sentinel_of = {}
        self.derived = []  # scalars Inductor computes from a sentinel scale
        for name, value in sentinels.items():
            self.sentinel_of.setdefault(_literal_key(value), name)
            if isinstance(value, float) and value > 0:
                self.derived += [(value ** -0.5, name, _from_inverse_sqrt),
                                 (value ** 0.5, name, _from_sqrt)]


class CldmdfInductorPass(_PassBase):
    """Inductor post-grad pass replacing CL-DMDF idioms with torch.ops.cldmdf.*."""

    def __init__(self):
        self.reports: List[FusionReport] = []
        self._matcher: Optional[PatternMatcherPass] = None

    def _build(self) -> PatternMatcherPass:
        import cldmdf  # noqa: F401  (the operators and their fake kernels)

        matcher = PatternMatcherPass(pass_name="cldmdf_fusion")
        for pattern in INDUCTOR_PATTERNS:
            for variant in pattern.variants:
                iv = _InductorVariant(pattern, variant)
                register_graph_pattern(iv.expr, extra_check=functools.partial(self._check, iv),
                                       pass_dict=matcher)(functools.partial(self._replace, iv))
        return matcher

    # -- the extra check: literals, dtypes, the pattern's constraints
    def _check(self, iv: _InductorVariant, match: Match) -> bool:
        anchor = match.output_node()
        try:
            nodes_map = {}
            for pnode, expr in iv.pairs.items():
                gnode = match.ctx.pattern_to_node.get(expr)
                if gnode is None:
                    raise NearMiss(f"pattern node {pnode.name} has no match")
                nodes_map[pnode] = gnode
            bound = bind_literals(nodes_map, iv.sentinel_of, derived_sizes=True,
                                  derived_scalars=iv.derived)
            inputs = {name: match.kwargs[name] for name in iv.used_inputs}
            check_dtypes(iv.pattern, inputs)
            example = {name: node.meta["val"] for name, node in inputs.items()}
            match.cldmdf_extra = iv.pattern.bind(example, bound, iv.variant.choice)
        except NearMiss as miss:
            self._report.near_misses.append(
                Missed(iv.pattern.name, iv.variant.name, anchor.name, str(miss)))
            return False
        return True

    def _replace(self, iv: _InductorVariant, match: Match, *args, **kwargs) -> None:
        pattern, extra = iv.pattern, match.cldmdf_extra
        op = getattr(torch.ops.cldmdf, pattern.op_name).default
        index = pattern.outputs.index(iv.variant.outputs[0])
        tensors = [n for n in pattern.inputs if n != "mask"]
        has_mask = "mask" in iv.used_inputs
        anchor = match.output_node().name

        def fused(*values):
            mask = values[len(tensors)] if has_mask else None
            args = values[:len(tensors)] + ((mask,) if "mask" in pattern.inputs else ())
            out = op(*args, *extra)
            return out[index] if len(pattern.outputs) > 1 else out

        match.replace_by_example(fused, [kwargs[n] for n in tensors] +
                                 ([kwargs["mask"]] if has_mask else []))
        self._report.fused.append(Fused(pattern.name, iv.variant.name, anchor, len(match.nodes)))

    # -- CustomGraphPass
    def __call__(self, graph: torch.fx.Graph, is_inference: bool = True) -> None:
        if self._matcher is None:
            self._matcher = self._build()
        self._report = FusionReport("Inductor post-grad")
        if not is_inference:
            # a training graph: the forward would call the operator while the backward stays
            # stock code (which differs on the all-missing edge); backend="cldmdf" trains
            # through the operators' own backward
            self._report.notes = ["training graph: not fused (use backend=\"cldmdf\" to train)"]
            self._keep(self._report)
            return
        remove_noop_ops(graph)  # Inductor removes them after this pass; the patterns have none
        self._matcher.apply(graph)
        fused_anchors = {f.anchor for f in self._report.fused}
        seen, misses = set(), []
        for m in self._report.near_misses:
            if m.anchor not in fused_anchors and m.anchor not in seen:
                seen.add(m.anchor)
                misses.append(m)
        self._report.near_misses = misses
        self._report.notes = sorted({f"{p.name}: {p.edge_note}" for p in PATTERNS
                                     if self._report.count(p.name)})
        self._keep(self._report)
        graph.lint()

    def _keep(self, report: FusionReport) -> None:
        self.reports.append(report)
        del self.reports[:-64]

    def uuid(self) -> bytes:
        """What the rewritten graphs depend on: the patterns, this pass, the shared literal
        checks, the operators' fake kernels and schemas."""
        import cldmdf
        files = sorted(glob.glob(os.path.join(_HERE, "patterns", "*.py")) + [
            __file__, os.path.join(_HERE, "fx_pass.py"), os.path.join(_HERE, "report.py"),
            os.path.join(os.path.dirname(cldmdf.__file__), "_meta.py")])
        schemas = "\n".join(str(getattr(torch.ops.cldmdf, p.op_name).default._schema)
                            for p in INDUCTOR_PATTERNS)
        return get_hash_for_files(tuple(files)) + schemas.encode()


@functools.lru_cache(maxsize=None)
def inductor_pass() -> CldmdfInductorPass:
    """The pass (one per process; its `reports` list one FusionReport per graph it ran on).
    Its patterns are traced here, once (a few seconds)."""
    p = CldmdfInductorPass()
    p._matcher = p._build()
    return p


def enable_inductor_fusion(enabled: bool = True) -> None:
    """Installs the pass as Inductor's post_grad_custom_pre_pass for every torch.compile."""
    inductor_config.post_grad_custom_pre_pass = inductor_pass() if enabled else None


def inductor_pass_patterns() -> List[Pattern]:
    """The patterns the Inductor pass registers."""
    return list(INDUCTOR_PATTERNS)


def last_inductor_reports() -> Tuple[FusionReport, ...]:
    return tuple(inductor_pass().reports)
