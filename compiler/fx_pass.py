"""Fusion over ATen-level FX graphs: the graphs of torch.export programs.

Each search variant is traced by torch.export itself (so it is spelled in the
same IR as the programs it is matched against), then found in the target
graph with torch.fx's SubgraphMatcher. Literals are compared by this module:
sentinel literals bind sizes and scalars, dimension arguments are compared
after normalising negative dims, anything else must be equal. A match that
passes becomes one call of torch.ops.cldmdf.<op>.
"""
import functools
import math
import operator
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import torch
from torch.fx import Graph, GraphModule, Node
from torch.fx.passes.utils.matcher_utils import InternalMatch, SubgraphMatcher

from .patterns import PATTERNS, NearMiss, Pattern, Variant, differs
from .report import Fused, FusionReport, Missed

aten = torch.ops.aten

# Positions of dimension arguments, compared after normalising negative dims.
_DIM_ARGS = {
    aten.softmax.int: (1,), aten._softmax.default: (1,), aten.transpose.int: (1, 2),
    aten.sum.dim_IntList: (1,), aten.unsqueeze.default: (1,), aten.amax.default: (1,),
    aten.mean.dim: (1,), aten.squeeze.dim: (1,), aten.select.int: (1,),
    aten.repeat_interleave.self_int: (2,), aten.logsumexp.default: (1,),
}
_FLOATS = (torch.float32, torch.float64, torch.float16, torch.bfloat16)


def _drop_assertions_on(graph: Graph, nodes) -> None:
    """Erases the runtime size assertions (aten._assert_scalar over symbolic sizes) that read
    the values of `nodes`, so computations only they use become dead code."""
    seen = set()
    for node in nodes:
        stack = list(node.users)
        while stack:
            user = stack.pop()
            if user in seen:
                continue
            seen.add(user)
            if user.target is aten._assert_scalar.default:
                graph.erase_node(user)
            elif _is_size_arithmetic(user):
                stack.extend(user.users)


def _erase_matched(graph: Graph, nodes: List[Node]) -> None:
    """Erases a replaced match: its size assertions, then its nodes from the last one up
    (in-place ops such as index_add_ are not dead code to eliminate_dead_code)."""
    _drop_assertions_on(graph, nodes)
    order = {n: i for i, n in enumerate(graph.nodes)}
    for node in sorted(nodes, key=order.__getitem__, reverse=True):
        if not node.users:
            graph.erase_node(node)


def _val(node: Node):
    return node.meta.get("val") if isinstance(node, Node) else None


class _Variant:
    """A variant traced by torch.export: its graph, input placeholders and output node."""

    def __init__(self, pattern: Pattern, variant: Variant):
        self.pattern, self.variant = pattern, variant
        fn, sentinels = variant.fn, pattern.sentinels

        class Wrapper(torch.nn.Module):
            def forward(self, *tensors):
                return fn(*tensors, **sentinels)

        ep = torch.export.export(Wrapper(), pattern.example_inputs(variant), strict=False)
        graph = ep.graph_module.graph
        _drop_assertions_on(graph, list(graph.nodes))  # export's checks of data-dependent sizes
        graph.eliminate_dead_code()
        placeholders = [n for n in graph.nodes if n.op == "placeholder"]
        self.inputs: Dict[str, Node] = {}
        for name, node in zip(pattern.inputs, placeholders):
            if node.users:
                self.inputs[name] = node
            else:
                graph.erase_node(node)
        self.graph = graph
        self.output = next(n for n in graph.nodes if n.op == "output").args[0][0]
        self.sentinel_of = {}
        for name, value in sentinels.items():
            self.sentinel_of.setdefault(_literal_key(value), name)


def _literal_key(v):
    return (type(v) is float, v)


@functools.lru_cache(maxsize=None)
def traced_variants() -> Tuple[_Variant, ...]:
    """Every variant of every pattern, traced once per process."""
    return tuple(_Variant(p, v) for p in PATTERNS for v in p.variants)


class _RecordingMatcher(SubgraphMatcher):
    """SubgraphMatcher that remembers the matches it drops because an
    intermediate value is used outside the match."""

    def __init__(self, pattern_graph: Graph):
        super().__init__(pattern_graph, match_output=False, match_placeholder=False,
                         remove_overlapping_matches=True, ignore_literals=True)
        self.leaky: List[Dict[Node, Node]] = []

    def _is_contained(self, nodes_map):
        # SubgraphMatcher's rule (an intermediate may not be used outside the match), except
        # that export's runtime checks of data-dependent sizes do not count as uses.
        lookup = {gn: pn for pn, gn in nodes_map.items() if pn.op != "placeholder"}
        for gn, pn in lookup.items():
            if pn in self.pattern_returning_nodes:
                continue
            if any(u not in lookup and not _only_checks_sizes(u) for u in gn.users):
                self.leaky.append(dict(nodes_map))
                return False
        return True


def _is_size_arithmetic(node: Node) -> bool:
    return node.target is aten.sym_size.int or getattr(node.target, "__module__", "") in (
        "_operator", "operator") and node.target is not operator.getitem


def _only_checks_sizes(node: Node) -> bool:
    """True when every use of node's value ends in a runtime size assertion (or nowhere: an
    unused output of a multi-output op)."""
    if node.target is aten._assert_scalar.default:
        return True
    if node.target is operator.getitem and not node.users:
        return True
    return _is_size_arithmetic(node) and all(_only_checks_sizes(u) for u in node.users)


def _normalise_dims(node: Node, args: list) -> list:
    positions = _DIM_ARGS.get(node.target)
    val = _val(node.args[0]) if node.args else None
    if not positions or val is None or not hasattr(val, "dim"):
        return args
    rank = val.dim() + (1 if node.target == aten.unsqueeze.default else 0)
    out = list(args)
    for p in positions:
        if p < len(out):
            d = out[p]
            if isinstance(d, int) and not isinstance(d, bool):
                out[p] = d % rank if rank else d
            elif isinstance(d, (list, tuple)):
                out[p] = [x % rank if rank else x for x in d]
    return out


_RESHAPES = {aten.view.default, aten.reshape.default, aten._unsafe_view.default}


def _inferred_dims(pn: Node, gn: Node, args: list) -> list:
    """Where a pattern's view/reshape says -1, the graph may spell the size out: read such a
    size as -1 when it is what -1 would have inferred."""
    out = _val(gn)
    if pn.target not in _RESHAPES or out is None or len(args) < 2:
        return args
    pattern_shape, shape = pn.args[1], args[1]
    if not isinstance(shape, (list, tuple)) or len(shape) != len(pattern_shape):
        return args
    shape = [-1 if p == -1 and isinstance(g, int) and g == out.shape[i] else g
             for i, (p, g) in enumerate(zip(pattern_shape, shape))]
    return [args[0], shape] + list(args[2:])


def _bind_literals(tv: _Variant, match: InternalMatch) -> Dict[str, object]:
    """Compares the literal arguments of matched nodes; returns the sentinel bindings."""
    return bind_literals(match.nodes_map, tv.sentinel_of)


_SHAPE_ARGS = {aten.view.default, aten._unsafe_view.default, aten.reshape.default,
               aten.expand.default}


def bind_literals(nodes_map: Dict[Node, Node], sentinel_of: Dict[tuple, str],
                  derived_sizes: bool = False,
                  derived_scalars: Sequence[Tuple[float, str, Callable]] = ()) -> Dict[str, object]:
    """Compares the literal arguments of the matched nodes (pattern node -> graph node) and
    returns the sentinel bindings. With `derived_sizes` (graphs traced with every size
    concrete, as Inductor's are), a non-sentinel size in a view/expand shape is a product of
    sizes (B*H, K/H, ...) and is not compared: the pattern's `bind` checks the sizes.
    `derived_scalars`: (literal, sentinel, inverse) for literals a compiler computed from a
    sentinel (Inductor splits a scale s over both matmul operands as s**-0.5); the graph's
    literal, through `inverse`, binds the sentinel."""
    bound: Dict[str, object] = {}

    def compare(pa, ga, where, shape=False):
        if isinstance(pa, Node):
            return
        if isinstance(pa, (list, tuple)):
            if not isinstance(ga, (list, tuple)) or len(pa) != len(ga):
                raise NearMiss(f"{where}: argument {list(pa)} in the pattern, {ga} in the graph")
            for p, g in zip(pa, ga):
                compare(p, g, where, shape)
            return
        if isinstance(pa, (int, float)) and not isinstance(pa, bool):
            name = sentinel_of.get(_literal_key(pa))
            if name is not None and isinstance(ga, Node) and isinstance(_val(ga), torch.SymInt):
                ga = _val(ga)  # a size of a dynamic-shape graph
            for literal, derived_name, inverse in derived_scalars:
                if name is None and isinstance(pa, float) and isinstance(ga, float) and \
                        math.isclose(pa, literal, rel_tol=1e-9):
                    name, ga = derived_name, inverse(ga)
            if name is not None:
                if isinstance(ga, (Node, bool)) or not isinstance(ga, (int, float, torch.SymInt)):
                    raise NearMiss(f"{where}: {name} is not a constant in the graph")
                if name in bound and differs(bound[name], ga):
                    raise NearMiss(f"{where}: {name} is {bound[name]} in one place, {ga} in another")
                bound[name] = ga
                return
        if isinstance(pa, float) and isinstance(ga, float) and math.isnan(pa) and math.isnan(ga):
            return
        if shape and derived_sizes and isinstance(pa, int) and isinstance(ga, int):
            return
        if pa != ga:
            raise NearMiss(f"{where}: literal {pa!r} in the pattern, {ga!r} in the graph")

    for pn, gn in nodes_map.items():
        if pn.op != "call_function":
            continue
        where = f"%{gn.name} ({gn.target})"
        graph_args = _inferred_dims(pn, gn, _normalise_dims(gn, list(gn.args)))
        pattern_args = _normalise_dims(pn, list(pn.args))
        if pn.target in _SHAPE_ARGS and len(pattern_args) > 1:
            compare(pattern_args[0], graph_args[0], where)
            compare(pattern_args[1], graph_args[1], where, shape=True)
            compare(pattern_args[2:], graph_args[2:], where)
        else:
            compare(pattern_args, graph_args, where)
        if set(pn.kwargs) != set(gn.kwargs):
            raise NearMiss(f"{where}: keyword arguments differ")
        for k in pn.kwargs:
            compare(pn.kwargs[k], gn.kwargs[k], where)
    return bound


def check_dtypes(pattern: Pattern, inputs: Dict[str, Node]):
    dtypes = set()
    for name, node in inputs.items():
        val = _val(node)
        if val is None:
            raise NearMiss(f"input {name}: no shape/dtype metadata")
        if name == "mask":
            if val.dtype != torch.bool:
                raise NearMiss(f"mask: dtype {val.dtype}, the operator takes a bool mask")
        elif name == "entity":
            if val.dtype != torch.int64:
                raise NearMiss(f"entity: dtype {val.dtype}, the operator takes int64 ids")
        elif val.dtype not in _FLOATS:
            raise NearMiss(f"input {name}: dtype {val.dtype} is not a supported floating dtype")
        else:
            dtypes.add(val.dtype)
    if len(dtypes) > 1:
        raise NearMiss(f"inputs: mixed floating dtypes {sorted(map(str, dtypes))}")


def _replace(graph: Graph, tv: _Variant, match: InternalMatch, extra_args: tuple,
             inputs: Dict[str, Node]) -> Node:
    pattern = tv.pattern
    anchor = match.nodes_map[tv.output]
    op = getattr(torch.ops.cldmdf, pattern.op_name).default
    # the schema: tensors, then the optional mask (None when the variant has none), then scalars
    args = tuple(inputs[name] for name in pattern.inputs if name != "mask")
    if "mask" in pattern.inputs:
        args += (inputs.get("mask"),)
    args += extra_args
    with graph.inserting_before(anchor):
        fused = graph.call_function(op, args)
        result = fused if len(pattern.outputs) == 1 else graph.call_function(
            operator.getitem, (fused, pattern.outputs.index(tv.variant.outputs[0])))
    result.meta.update(anchor.meta)
    anchor.replace_all_uses_with(result)
    return fused


def fuse_graph(graph: Graph, ir: str = "torch.export") -> FusionReport:
    """Rewrites every match of every pattern in `graph` (in place) and reports."""
    report = FusionReport(ir)
    misses: Dict[str, Missed] = {}
    notes = set()
    for tv in traced_variants():
        matcher = _RecordingMatcher(tv.graph)
        matches = matcher.match(graph)
        for nodes_map in matcher.leaky:
            anchor = nodes_map.get(tv.output)
            if anchor is not None:
                misses.setdefault(anchor.name, Missed(
                    tv.pattern.name, tv.variant.name, anchor.name,
                    "an intermediate value is used outside the pattern"))
        for match in matches:
            anchor = match.nodes_map[tv.output]
            try:
                bound = _bind_literals(tv, match)
                inputs = {name: match.nodes_map[p] for name, p in tv.inputs.items()}
                check_dtypes(tv.pattern, inputs)
                example = {name: _val(node) for name, node in inputs.items()}
                extra = tv.pattern.bind(example, bound, tv.variant.choice)
            except NearMiss as miss:
                misses.setdefault(anchor.name, Missed(tv.pattern.name, tv.variant.name,
                                                      anchor.name, str(miss)))
                continue
            _replace(graph, tv, match, extra, inputs)
            _erase_matched(graph, [n for p, n in match.nodes_map.items()
                                   if p.op == "call_function"])
            covered = sum(1 for n in match.nodes_map if n.op == "call_function")
            report.fused.append(Fused(tv.pattern.name, tv.variant.name, anchor.name, covered))
            notes.add(f"{tv.pattern.name}: {tv.pattern.edge_note}")
            graph.eliminate_dead_code()
    alive = {n.name for n in graph.nodes}
    fused_anchors = {f.anchor for f in report.fused}
    report.near_misses = [m for m in misses.values()
                          if m.anchor in alive and m.anchor not in fused_anchors]
    report.notes = sorted(notes)
    graph.lint()
    return report


def fuse_graph_module(gm: GraphModule, ir: str = "torch.export") -> FusionReport:
    report = fuse_graph(gm.graph, ir)
    gm.recompile()
    return report


def fuse_exported(ep: "torch.export.ExportedProgram", example_inputs: Optional[tuple] = None
                  ) -> Tuple["torch.export.ExportedProgram", FusionReport]:
    """Fuses an exported program: rewrites its graph, then re-exports it so metadata and the
    signature are regenerated. Returns the new program (saveable with torch.export.save,
    compilable with AOTInductor) and the report. A program exported with dynamic shapes stays
    dynamic: the symbolic input sizes are re-exported as Dim.AUTO."""
    import cldmdf  # noqa: F401  (the operators must be registered)

    gm = ep.module()
    report = fuse_graph_module(gm)
    if not report.fused:
        return ep, report
    if example_inputs is None:
        args, kwargs = ep.example_inputs
    else:
        args, kwargs = tuple(example_inputs), {}
    return torch.export.export(gm, args, kwargs, strict=False,
                               dynamic_shapes=_dynamic_shapes_of(ep, args, kwargs)), report


def _dynamic_shapes_of(ep, args, kwargs):
    """The dynamic_shapes spec that keeps the program's symbolic input sizes symbolic when it
    is re-exported (Dim.AUTO where the input's size is symbolic), or None if all are static."""
    user_inputs = set(ep.graph_signature.user_inputs)
    vals = [n.meta.get("val") for n in ep.graph.nodes
            if n.op == "placeholder" and n.name in user_inputs]
    if not any(isinstance(v, torch.Tensor) and any(isinstance(s, torch.SymInt) for s in v.shape)
               for v in vals):
        return None
    leaves = iter(vals)

    def spec(x):
        if not isinstance(x, torch.Tensor):
            next(leaves, None)
            return None
        v = next(leaves, None)
        dims = {i: torch.export.Dim.AUTO for i, s in enumerate(getattr(v, "shape", ()))
                if isinstance(s, torch.SymInt)}
        return dims or None

    if kwargs:  # keyword inputs: the spec would need argument names; keep it static
        return None
    return torch.utils._pytree.tree_map(spec, tuple(args))
