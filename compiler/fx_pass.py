"""The FX adapter of the recognition core: torch.export programs, Inductor's
post-grad graphs and the backend="cldmdf" pre-dispatch graphs.

The graph is written in the core's IR-neutral text form (ATen op names, every
argument positional as the op's schema orders it, dtypes and example shapes
from the nodes' fake values, symbolic sizes marked), the core (compiler/core/,
C++) canonicalises and matches it, and each rewrite program it returns is
applied here: layout nodes (reshape, permute, expand), the cldmdf operator
call, and the replaced uses. The nodes the match covered become dead code.
"""
import math
import operator
from typing import Dict, List, Optional, Tuple

import torch
from torch.fx import Graph, GraphModule, Node

from . import core
from .report import FusionReport

aten = torch.ops.aten

_DTYPES = {torch.float32: "f32", torch.float64: "f64", torch.float16: "f16",
           torch.bfloat16: "bf16", torch.bool: "bool", torch.int64: "i64", torch.int32: "i32",
           torch.int16: "i16", torch.int8: "i8", torch.uint8: "u8"}
_IR_NAMES = {"export": "torch.export", "inductor": "Inductor post-grad",
             "backend": "torch.compile (pre-dispatch ATen)"}


def _hint(s) -> Tuple[int, bool, str]:
    """(example size, symbolic, expression) of a size."""
    if not isinstance(s, torch.SymInt):
        return int(s), False, ""
    hint = getattr(s.node, "hint", None)
    if hint is None:
        # an unbacked size (e.g. torch.unique's output): a stand-in that equals nothing else,
        # one per expression (so a size read back as a number is known to be that size)
        key = str(s)
        if key not in _UNBACKED:
            _UNBACKED[key] = 1_000_003 + 2 * len(_UNBACKED)
        return _UNBACKED[key], True, key
    return int(hint), True, str(s.node.expr)


_UNBACKED: Dict[str, int] = {}


def _val(node) -> object:
    return node.meta.get("val") if isinstance(node, Node) else None


_CHECKS = {aten._assert_scalar.default, aten._assert_tensor_metadata.default}


def _prune_dead_checks(graph: Graph) -> None:
    """Erases the runtime checks (size and metadata assertions) of values that nothing but
    checks reads any more: after a rewrite, the stock computation they guarded is gone."""
    live, stack = set(), [n for n in graph.nodes if n.op == "output" or
                          (n.op == "call_function" and n.target not in _CHECKS and n.is_impure())]
    while stack:
        node = stack.pop()
        if node in live:
            continue
        live.add(node)
        stack.extend(a for a in node.all_input_nodes)
    for node in list(graph.nodes):
        if node.target in _CHECKS and any(a not in live for a in node.all_input_nodes
                                          if a.op != "placeholder"):
            graph.erase_node(node)


class _Writer:
    """Writes an FX graph in the core's text form."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.text = core.GraphText()
        self.ids: Dict[Node, int] = {}
        self.nodes: List[Node] = []
        self.module = graph.owning_module

    def arg(self, a) -> str:
        if isinstance(a, Node):
            return f"%{self.ids[a]}" if a in self.ids else "_"
        if isinstance(a, (bool, int, float)):
            return core.number(a)
        if a is None:
            return "_"
        if isinstance(a, str):
            return "s:" + ("".join(a.split()) or "_")
        if isinstance(a, (list, tuple)):
            return " ".join(["[", *(self.arg(x) for x in a), "]"])
        return "_"  # dtypes, devices, layouts, memory formats

    def positional(self, node: Node) -> List[str]:
        schema = getattr(node.target, "_schema", None)
        if schema is None:
            return [self.arg(a) for a in node.args]
        out = []
        for i, a in enumerate(schema.arguments):
            if not a.kwarg_only and i < len(node.args):
                v = node.args[i]
            elif a.name in node.kwargs:
                v = node.kwargs[a.name]
            elif a.has_default_value():
                v = a.default_value
            else:
                v = None
            out.append(self.arg(v))
        return out

    def add(self, node: Node) -> None:
        val = _val(node)
        if node.op == "get_attr" and val is None and self.module is not None:
            try:
                val = operator.attrgetter(node.target)(self.module)
            except AttributeError:
                val = None
        shape = dtype = scalar = None
        if isinstance(val, torch.Tensor):
            dtype = _DTYPES.get(val.dtype, str(val.dtype).replace("torch.", ""))
            shape = [_hint(s) for s in val.shape]
        elif isinstance(val, (torch.SymInt, torch.SymFloat, int, float)) and not isinstance(val, bool):
            if isinstance(val, torch.SymFloat):
                scalar = (float(getattr(val.node, "hint", math.nan) or math.nan), True)
            else:
                v, sym = _hint(val)[:2] if not isinstance(val, float) else (val, False)
                scalar = (v, sym)
        args: List[str] = []
        if node.op in ("placeholder", "get_attr"):
            op = "input"
            if (node.op == "get_attr" and isinstance(val, torch.Tensor) and val.numel() == 1 and
                    not isinstance(val, torch.nn.Parameter) and not val.requires_grad and
                    val.dtype.is_floating_point):
                op, args = "prim::constant_tensor", ["_", core.number(float(val.reshape(())))]
        elif node.op == "call_function":
            target = node.target
            if target is operator.getitem:
                op = "prim::getitem"
                args = [self.arg(node.args[0]), self.arg(node.args[1])]
            elif hasattr(target, "_schema"):
                op = target._schema.name
                args = self.positional(node)
            else:
                op = "prim::" + getattr(target, "__name__", "call")
                args = [self.arg(a) for a in node.args]
        elif node.op == "output":
            for leaf in torch.utils._pytree.tree_leaves(node.args):
                if isinstance(leaf, Node) and leaf in self.ids:
                    self.text.outputs.append(self.ids[leaf])
            return
        else:
            op = "prim::" + node.op
            args = [self.arg(a) for a in node.args]
        self.ids[node] = self.text.add(op, dtype, shape, node.name, args, scalar)
        self.nodes.append(node)

    def write(self) -> str:
        for node in self.graph.nodes:
            self.add(node)
        return self.text.text()


_INSTRUCTIONS = {"reshape": aten.reshape.default, "permute": aten.permute.default,
                 "expand": aten.expand.default, "not": aten.logical_not.default,
                 "mul": aten.mul.Tensor, "div": aten.div.Tensor, "recip": aten.reciprocal.default,
                 "size": aten.sym_size.int,
                 "floordiv": operator.floordiv, "imul": operator.mul,
                 "getitem": operator.getitem, "zeros_like": aten.zeros_like.default,
                 "bmm": aten.bmm.default}


def _target(ins: core.Instr, args: list):
    """The FX target of one instruction of a rewrite program, and its arguments."""
    if ins.op == "op":  # "centroid_contrastive_loss.scaled": an overload
        packet, _, overload = args[0].partition(".")
        return getattr(getattr(torch.ops.cldmdf, packet), overload or "default"), args[1:]
    if ins.op not in _INSTRUCTIONS:
        raise ValueError(f"cldmdf compiler core: unknown instruction {ins.op!r}")
    return _INSTRUCTIONS[ins.op], args


def _fake_mode_of(graph: Graph):
    from torch._guards import detect_fake_mode
    return detect_fake_mode([_val(n) for n in graph.nodes if isinstance(_val(n), torch.Tensor)])


def _meta(fake_mode, target, args):
    """The fake value of a new node (Inductor lowers from node.meta['val'])."""
    vals = [_val(a) if isinstance(a, Node) else
            [_val(x) if isinstance(x, Node) else x for x in a] if isinstance(a, list) else a
            for a in args]
    if any(v is None for v in vals if not isinstance(v, list)):
        return None
    if fake_mode is None:
        return target(*vals) if not any(isinstance(v, torch.Tensor) for v in vals) else None
    with fake_mode:
        return target(*vals)


def _set_meta(node: Node, fake_mode, target, args) -> None:
    val = _meta(fake_mode, target, args)
    if val is not None:
        node.meta["val"] = val


def _apply(graph: Graph, nodes: List[Node], rw: core.Rewrite, fake_mode,
           post_grad: bool = False) -> Optional[str]:
    """Applies one rewrite program; returns why not where it cannot be applied."""
    anchor = nodes[rw.anchor]
    order = {n: i for i, n in enumerate(graph.nodes)}
    inside = {nodes[i] for i in rw.covered}
    for node_id, _ in rw.replaces:
        if node_id != rw.anchor and any(order[u] < order[anchor] and u not in inside
                                        for u in nodes[node_id].users):
            return "the weights are read before the fused result would be computed"
    temps: Dict[str, Node] = {}
    new: List[Node] = []

    def value(a):
        if isinstance(a, tuple) and a[0] == "node":
            return nodes[a[1]]
        if isinstance(a, tuple) and a[0] == "temp":
            return temps[a[1]]
        if isinstance(a, list):
            return [value(x) for x in a]
        return a

    with graph.inserting_before(anchor):
        for ins in rw.instrs:
            args = [value(a) for a in ins.args]
            if ins.op == "stack" and post_grad:  # Inductor's graphs hold no aten.stack
                parts = []
                for x in args[0]:
                    parts.append(graph.call_function(aten.unsqueeze.default, (x, args[1])))
                    _set_meta(parts[-1], fake_mode, aten.unsqueeze.default, [x, args[1]])
                    new.append(parts[-1])
                target, args = aten.cat.default, [parts, args[1]]
            elif ins.op == "stack":
                target = aten.stack.default
            elif ins.op == "zeros_like" and post_grad:  # Inductor lowers full, not zeros_like
                x = args[0]
                shape = []
                for i, size in enumerate(_val(x).shape):
                    if isinstance(size, torch.SymInt):
                        size = graph.call_function(aten.sym_size.int, (x, i))
                        _set_meta(size, fake_mode, aten.sym_size.int, [x, i])
                        new.append(size)
                    shape.append(size)
                val = _val(x)
                node = graph.call_function(aten.full.default, (shape, 0.0),
                                           {"dtype": val.dtype, "device": val.device})
                if fake_mode is not None:
                    with fake_mode:
                        node.meta["val"] = torch.full(val.shape, 0.0, dtype=val.dtype,
                                                      device=val.device)
                new.append(node)
                temps[ins.temp] = node
                continue
            else:
                target, args = _target(ins, args)
            node = graph.call_function(target, tuple(args))
            _set_meta(node, fake_mode, target, args)
            new.append(node)
            temps[ins.temp] = node
    fresh = set(new)
    for node_id, t in rw.replaces:
        old, replacement = nodes[node_id], temps[t]
        for key in ("stack_trace", "nn_module_stack", "source_fn_stack"):
            if key in old.meta:
                replacement.meta.setdefault(key, old.meta[key])
        # the match's own reads of a replaced intermediate (the weights) die with it
        keep = fresh if node_id == rw.anchor else fresh | inside
        old.replace_all_uses_with(replacement, delete_user_cb=lambda u: u not in keep)
        nodes[node_id] = replacement  # a later rewrite that reads this value reads the new one
    return None


def fuse_graph(graph: Graph, ir: str = "export", cost_rule: bool = True,
               explain: bool = False) -> FusionReport:
    """Rewrites every match in `graph` (in place) and reports. `ir` names the IR for the
    core's cost rule and the report: export, inductor or backend."""
    import time
    start = time.perf_counter()
    ir = {"torch.export": "export"}.get(ir, ir)
    writer = _Writer(graph)
    text = writer.write()
    result = core.run(text, ir, runtime_sizes=False, cost_rule=cost_rule, explain=explain)
    names = {i: n.name for i, n in enumerate(writer.nodes)}
    fake_mode = _fake_mode_of(graph)
    applied, declined = [], []
    for rw in result.rewrites:
        why = _apply(graph, writer.nodes, rw, fake_mode, post_grad=ir == "inductor")
        if why:
            declined.append((rw, why))
        else:
            applied.append(rw)
    graph.eliminate_dead_code()
    if applied:
        covered = {writer.nodes[i] for rw in applied for i in rw.covered}
        order = {n: i for i, n in enumerate(graph.nodes)}
        for node in sorted((n for n in covered if n in order), key=order.__getitem__,
                           reverse=True):
            if not node.users and node.op == "call_function":
                graph.erase_node(node)  # in-place ops (index_add_) are not dead code to FX
        _prune_dead_checks(graph)
        graph.eliminate_dead_code()
    graph.lint()
    report = core.make_report(_IR_NAMES.get(ir, ir), result, names, applied, declined)
    report.graph_text = text
    report.pass_ms = 1e3 * (time.perf_counter() - start)
    report.graph_nodes = len(writer.nodes)
    return report


def fuse_graph_module(gm: GraphModule, ir: str = "export", **kw) -> FusionReport:
    report = fuse_graph(gm.graph, ir, **kw)
    gm.recompile()
    return report


def fuse_exported(ep: "torch.export.ExportedProgram", example_inputs: Optional[tuple] = None,
                  explain: bool = False
                  ) -> Tuple["torch.export.ExportedProgram", FusionReport]:
    """Fuses an exported program: rewrites its graph, then re-exports it so metadata and the
    signature are regenerated. Returns the new program (saveable with torch.export.save,
    compilable with AOTInductor) and the report. A program exported with dynamic shapes stays
    dynamic: the symbolic input sizes are re-exported as Dim.AUTO."""
    import cldmdf  # noqa: F401  (the operators must be registered)

    gm = ep.module()
    report = fuse_graph_module(gm, "export", explain=explain)
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
