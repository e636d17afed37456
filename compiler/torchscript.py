"""The TorchScript adapter of the recognition core: scripted or traced models and functions.

The graph is frozen, its in-place ops made functional where that is safe, and run once on
the example inputs, so every value has its dtype, shape and (for numbers) its value. It is
then written in the core's text form (compiler/core/) and matched there like every other IR;
each rewrite program comes back as TorchScript nodes before the matched result. Sizes in the
rewrite are read at run time (aten::size of the values they come from), so a fused model
runs at other batch sizes. A number the model computes from tensor data is not a constant
to the core (it would be frozen at its example value); one computed from sizes is.

    scripted = torch.jit.script(model.eval())
    fused, report = cldmdf.compiler.fuse_torchscript(scripted, example_inputs)
    torch.jit.save(fused, "model.pt")   # loads in C++ with the operator library linked
"""
import copy
import math
from typing import Dict, List, Tuple, Union

import torch

from . import core
from .report import FusionReport

_DTYPES = {torch.float32: "f32", torch.float64: "f64", torch.float16: "f16",
           torch.bfloat16: "bf16", torch.bool: "bool", torch.int64: "i64", torch.int32: "i32"}
# ops whose number results follow from sizes and constants only
_SIZE_OPS = {"aten::size", "aten::len", "aten::dim", "aten::numel", "aten::__getitem__",
             "prim::ListUnpack", "prim::TupleUnpack", "aten::mul", "aten::add", "aten::sub",
             "aten::floordiv", "aten::div", "aten::sqrt", "aten::pow", "aten::Int",
             "aten::Float", "prim::NumToTensor", "aten::neg", "prim::ListConstruct",
             "prim::TupleConstruct", "aten::ScalarImplicit", "aten::remainder"}


def _record(graph: torch._C.Graph, inputs: tuple) -> Dict[str, object]:
    """Runs a copy of `graph` on `inputs` with every top-level value as an extra output;
    returns the values by debug name (the example values the constraints are checked on)."""
    runner = graph.copy()
    originals = [v for n in graph.nodes() for v in n.outputs()]
    copies = [v for n in runner.nodes() for v in n.outputs()]
    results = list(runner.outputs())
    for i in reversed(range(len(results))):
        runner.eraseOutput(i)
    everything = runner.create("prim::TupleConstruct", results + copies)
    everything.output().setType(torch._C.TupleType([v.type() for v in results + copies]))
    runner.appendNode(everything)
    runner.registerOutput(everything.output())
    args = list(inputs)
    first = list(runner.inputs())[0] if list(runner.inputs()) else None
    if first is not None and first.type().kind() == "ClassType":
        if first.uses():
            raise ValueError("fuse_torchscript: the graph still reads module attributes; "
                             "pass a frozen module (torch.jit.freeze) or an eval() module")
        runner.eraseInput(0)
    fn = torch._C._create_function_from_graph("cldmdf_record_example", runner)
    args = [a.clone() if isinstance(a, torch.Tensor) else a for a in args]  # the caller's stay
    try:
        with torch.no_grad():
            outs = fn(*args)
    except Exception as err:
        raise RuntimeError("fuse_torchscript: the model fails on the example inputs "
                           f"({type(err).__name__}: {str(err).strip().splitlines()[-1]})") from err
    return dict(zip((v.debugName() for v in originals), outs[len(results):]))



class _Writer:
    """Writes a TorchScript graph in the core's text form."""

    def __init__(self, graph: torch._C.Graph, recorded: Dict[str, object]):
        self.graph, self.recorded = graph, recorded
        self.text = core.GraphText()
        self.ids: Dict[str, int] = {}        # value debug name -> core node
        self.values: List[torch._C.Value] = []  # core node -> value (or None: a multi-output op)
        self.tokens: Dict[str, str] = {}     # value debug name -> literal or list token
        self.from_sizes: Dict[str, bool] = {}

    def token(self, v: torch._C.Value) -> str:
        name = v.debugName()
        if name in self.tokens:
            return self.tokens[name]
        if name in self.ids:
            return f"%{self.ids[name]}"
        return "_"

    def literal(self, x) -> str:
        if x is None:
            return "_"
        if isinstance(x, (bool, int, float)):
            return core.number(x)
        if isinstance(x, str):
            return "s:" + ("".join(x.split()) or "_")
        if isinstance(x, (list, tuple)):
            return " ".join(["[", *(self.literal(y) for y in x), "]"])
        return "_"

    def value_node(self, v: torch._C.Value, op: str, args: List[str], name: str = "") -> int:
        x = self.recorded.get(v.debugName())
        shape = dtype = scalar = None
        if isinstance(x, torch.Tensor) and x.dim() == 0 and self.from_sizes.get(v.debugName()):
            scalar = (x.item(), False)  # a traced size: prim::NumToTensor and arithmetic on it
        elif isinstance(x, torch.Tensor):
            dtype = _DTYPES.get(x.dtype, str(x.dtype).replace("torch.", ""))
            shape = [(int(s), False) for s in x.shape]
        elif isinstance(x, (int, float)) and not isinstance(x, bool):
            scalar = (x, not self.from_sizes.get(v.debugName(), False))
        i = self.text.add(op, dtype, shape, name or v.debugName(), args, scalar)
        self.ids[v.debugName()] = i
        self.values.append(v)
        return i

    def add(self, node: torch._C.Node) -> None:
        kind = node.kind()
        outs = list(node.outputs())
        ins = list(node.inputs())
        if kind == "prim::Constant":
            out = outs[0]
            ivalue = out.toIValue()
            if isinstance(ivalue, torch.Tensor):
                if ivalue.numel() == 1 and ivalue.dtype.is_floating_point:
                    self.value_node(out, "prim::constant_tensor",
                                    ["_", core.number(float(ivalue.reshape(())))])
                else:
                    self.value_node(out, "input", [])
            else:
                self.tokens[out.debugName()] = self.literal(ivalue)
                self.from_sizes[out.debugName()] = True
            return
        sized = kind in _SIZE_OPS and all(self.from_sizes.get(v.debugName(), False) or
                                          v.type().kind() == "TensorType" and
                                          kind in ("aten::size", "aten::dim", "aten::numel",
                                                   "aten::len")
                                          for v in ins)
        for o in outs:
            self.from_sizes[o.debugName()] = sized
        if kind == "prim::ListConstruct" and all(
                v.debugName() in self.tokens or v.debugName() in self.ids for v in ins):
            self.tokens[outs[0].debugName()] = " ".join(["[", *(self.token(v) for v in ins), "]"])
            return
        if kind in ("prim::ListUnpack", "prim::TupleUnpack") and ins and \
                ins[0].debugName() in self.ids:
            src = self.ids[ins[0].debugName()]
            for k, o in enumerate(outs):
                self.value_node(o, "prim::getitem", [f"%{src}", f"i{k}"])
            return
        args = [self.token(v) for v in ins]
        if len(outs) == 1:
            self.value_node(outs[0], kind, args)
            return
        i = self.text.add(kind, None, None, kind.split("::")[-1], args)
        self.values.append(None)
        for k, o in enumerate(outs):
            self.value_node(o, "prim::getitem", [f"%{i}", f"i{k}"])

    def write(self) -> str:
        for v in self.graph.inputs():
            if v.type().kind() != "ClassType":
                self.value_node(v, "input", [])
        for node in self.graph.nodes():
            self.add(node)
        for v in self.graph.outputs():
            if v.debugName() in self.ids:
                self.text.outputs.append(self.ids[v.debugName()])
        return self.text.text()


def _int_list(graph, items) -> torch._C.Value:
    vals = [graph.insertConstant(x) if isinstance(x, int) else x for x in items]
    node = graph.create("prim::ListConstruct", vals)
    node.output().setType(torch._C.ListType.ofInts())
    graph.insertNode(node)
    return node.output()


def _tensor_list(graph, items) -> torch._C.Value:
    node = graph.create("prim::ListConstruct", list(items))
    node.output().setType(torch._C.ListType.ofTensors())
    graph.insertNode(node)
    return node.output()


def _apply(graph: torch._C.Graph, writer: _Writer, rw: core.Rewrite) -> str:
    """Applies one rewrite program before the matched result; returns why not (or "")."""
    anchor = writer.values[rw.anchor]
    inside = {writer.values[i].node() for i in rw.covered if writer.values[i] is not None}
    for node_id, _ in rw.replaces:
        if node_id != rw.anchor and any(u.user.isBefore(anchor.node()) and u.user not in inside
                                        for u in writer.values[node_id].uses()):
            return "the weights are read before the fused result would be computed"
    temps: Dict[str, object] = {}

    def value(a):
        if isinstance(a, tuple) and a[0] == "node":
            return writer.values[a[1]]
        if isinstance(a, tuple) and a[0] == "temp":
            return temps[a[1]]
        if isinstance(a, list):
            return [value(x) for x in a]
        return a

    def const(x):
        return x if isinstance(x, torch._C.Value) else graph.insertConstant(x)

    with graph.insert_point_guard(anchor.node()):
        for ins in rw.instrs:
            args = [value(a) for a in ins.args]
            op = ins.op
            if op in ("reshape", "expand", "permute"):
                extra = [graph.insertConstant(False)] if op == "expand" else []
                out = graph.insert(f"aten::{op}", [args[0], _int_list(graph, args[1])] + extra)
            elif op == "not":
                out = graph.insert("aten::logical_not", [args[0]])
            elif op == "recip":
                out = graph.insert("aten::reciprocal", [args[0]])
            elif op == "zeros_like":
                out = graph.insert("aten::zeros_like", [args[0]])
            elif op == "bmm":
                out = graph.insert("aten::bmm", [args[0], args[1]])
            elif op in ("mul", "div"):
                out = graph.insert(f"aten::{op}", [args[0], const(args[1])])
            elif op == "size":
                out = graph.insert("aten::size", [args[0], const(args[1])])
            elif op == "floordiv":
                out = graph.insert("aten::floordiv", [args[0], const(args[1])])
            elif op == "imul":
                out = graph.insert("aten::mul", [const(args[0]), const(args[1])])
            elif op == "stack":
                out = graph.insert("aten::stack", [_tensor_list(graph, args[0]), const(args[1])])
            elif op == "getitem":
                out = list(args[0].node().inputs())[args[1]]
            elif op == "op":
                # an overload ("centroid_contrastive_loss.scaled") is chosen by the arguments
                out = graph.insert(f"cldmdf::{args[0].split('.')[0]}", [const(a) for a in args[1:]])
            else:
                raise ValueError(f"cldmdf compiler core: unknown instruction {op!r}")
            temps[ins.temp] = out
    fresh = {v.node() for v in temps.values()}  # the program's own reads (its size reads)
    for node_id, t in rw.replaces:
        old = writer.values[node_id]
        # the match's own reads of the weights die with it
        skip = fresh if node_id == rw.anchor else fresh | inside
        for use in list(old.uses()):
            if use.user not in skip:
                use.user.replaceInput(use.offset, temps[t])
        writer.values[node_id] = temps[t]  # later rewrites read the new value
    return ""


def _prepare(graph: torch._C.Graph) -> None:
    torch._C._jit_pass_inline(graph)
    torch._C._jit_pass_constant_propagation(graph)
    _fold_tuples(graph.block())
    torch._C._jit_pass_remove_mutation(graph)
    torch._C._jit_pass_dce(graph)


def _fold_tuples(block) -> None:
    """TupleUnpack(TupleConstruct(a, b, ...)) -> a, b, ... (what a scripted torch.unique leaves
    when nothing else makes the passes fold it)."""
    for node in block.nodes():
        for inner in node.blocks():
            _fold_tuples(inner)
        if node.kind() in ("prim::TupleUnpack", "prim::TupleIndex"):
            src = node.inputsAt(0).node()
            if src.kind() != "prim::TupleConstruct":
                continue
            items = list(src.inputs())
            if node.kind() == "prim::TupleUnpack":
                for out, item in zip(node.outputs(), items):
                    out.replaceAllUsesWith(item)
            else:
                k = node.inputsAt(1).toIValue() if node.inputsAt(1).node().kind() == "prim::Constant" else None
                if isinstance(k, int) and -len(items) <= k < len(items):
                    node.output().replaceAllUsesWith(items[k])


def _graph_of(model) -> Tuple[object, torch._C.Graph]:
    """A new model to fuse, and its graph; the caller's model is left as it was."""
    if isinstance(model, torch.jit.ScriptFunction):
        # a fresh function: one that has run keeps its compiled plan whatever its graph becomes
        fn = torch._C._create_function_from_graph(f"{model.name}_fused", model.graph.copy())
        return fn, fn.graph
    if isinstance(model, torch.jit.ScriptModule):
        if _is_frozen(model):
            frozen = copy.deepcopy(model)
        else:
            was_training = model.training
            try:
                frozen = torch.jit.freeze(model.eval())  # freezing makes a new module
            finally:
                model.train(was_training)
        return frozen, frozen.graph
    if isinstance(model, torch.nn.Module):
        was_training = model.training
        try:
            scripted = torch.jit.script(model.eval())
        finally:
            model.train(was_training)
        return _graph_of(scripted)
    raise TypeError(f"fuse_torchscript: expected a ScriptModule, ScriptFunction or nn.Module, "
                    f"got {type(model).__name__}")


def _is_frozen(module) -> bool:
    self_input = next(iter(module.graph.inputs()), None)
    return self_input is not None and not self_input.uses()


def fuse_torchscript(model: Union[torch.jit.ScriptModule, torch.jit.ScriptFunction, torch.nn.Module],
                     example_inputs: tuple, explain: bool = False) -> Tuple[object, FusionReport]:
    """Fuses a TorchScript model: returns (fused, report).

    `model`: a scripted or traced module (the result is a new frozen module in eval mode), a
    scripted function (the result is a new function), or a plain nn.Module (scripted first);
    the model passed in is not changed. `example_inputs`: a tuple of inputs the model runs on;
    the shapes and dtypes the core matches are the ones they give. Needs `import cldmdf`."""
    import cldmdf  # noqa: F401  (the operators must be registered)

    import time
    fused_model, graph = _graph_of(model)
    inputs = tuple(example_inputs)
    start = time.perf_counter()
    _prepare(graph)
    recorded = _record(graph, inputs)
    params = [v for v in graph.inputs() if v.type().kind() != "ClassType"]
    for v, x in zip(params, inputs):
        recorded[v.debugName()] = x
    writer = _Writer(graph, recorded)
    text = writer.write()
    result = core.run(text, "torchscript", runtime_sizes=True, explain=explain)
    names = {i: (v.debugName() if v is not None else f"n{i}") for i, v in enumerate(writer.values)}
    applied, declined = [], []
    for rw in result.rewrites:
        why = _apply(graph, writer, rw)
        (declined.append((rw, why)) if why else applied.append(rw))
    torch._C._jit_pass_dce(graph)
    torch._C._jit_pass_lint(graph)
    report = core.make_report("TorchScript", result, names, applied, declined)
    report.graph_text = text
    report.pass_ms = 1e3 * (time.perf_counter() - start)  # with the run on the example inputs
    report.graph_nodes = len(writer.values)
    return fused_model, report


def fused_op_counts(graph: torch._C.Graph) -> Dict[str, int]:
    """How many cldmdf::* nodes a TorchScript graph holds, by operator."""
    counts: Dict[str, int] = {}
    for n in graph.nodes():
        if n.kind().startswith("cldmdf::"):
            name = n.kind().split("::", 1)[1]
            counts[name] = counts.get(name, 0) + 1
    return counts


__all__: List[str] = ["fuse_torchscript", "fused_op_counts"]
