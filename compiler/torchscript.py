"""Fusion over TorchScript IR: scripted or traced models and functions.

The patterns are the TorchScript IR of the same search variants the FX pass
uses (compiler/patterns/): each variant is traced with torch.jit.trace at the
pattern's sentinel sizes and scalars, then the C++ pass (cldmdf._C_jit, built
for the installed torch and kept apart from the stable-ABI operator library)
puts it in canonical form and turns the sentinel literals into pattern inputs.
The target graph is frozen, canonicalised the same way and run once on the
example inputs, so every tensor value carries its dtype and shape and every
computed size its value; the C++ matcher finds each variant, its match filters
check constant arguments, single use of intermediates and dtypes, and the
pattern's own `bind` (shared with the FX pass) checks sizes and scalars before
the C++ rewriter puts in the cldmdf::* node.

    scripted = torch.jit.script(model.eval())
    fused, report = cldmdf.compiler.fuse_torchscript(scripted, example_inputs)
    torch.jit.save(fused, "model.pt")   # loads in C++ with the operator library linked
"""
import copy
import functools
import math
from typing import Dict, List, Tuple, Union

import torch

from .patterns import PATTERNS, NearMiss, Pattern, Variant
from .report import Fused, FusionReport, Missed


def _load_pass():
    try:
        from cldmdf import _C_jit
    except ImportError as e:
        from cldmdf import _build_info
        raise ImportError(
            "cldmdf: the TorchScript fusion pass (cldmdf._C_jit) is not built for this torch "
            f"({torch.__version__}; the package was built with {_build_info.TORCH_VERSION}). "
            "It uses TorchScript internals, so rebuild it for the installed torch: "
            f"pip install --no-build-isolation -e .  ({e})") from e
    return _C_jit


def _roles(pattern: Pattern) -> Dict[str, str]:
    return {name: "bool" if name == "mask" else "int64" if name == "entity" else "float"
            for name in pattern.inputs}


class _ScriptVariant:
    """One search variant as a TorchScript pattern graph."""

    def __init__(self, pattern: Pattern, variant: Variant):
        self.pattern, self.variant = pattern, variant
        fn, sentinels = variant.fn, pattern.sentinels

        def traced_fn(*tensors):
            return fn(*tensors, **sentinels)

        with torch.no_grad():
            traced = torch.jit.trace(traced_fn, pattern.example_inputs(variant), check_trace=False)
        self.graph = _load_pass().make_pattern(traced.graph, list(pattern.inputs),
                                               {k: float(v) for k, v in sentinels.items()})
        self.roles = _roles(pattern)


@functools.lru_cache(maxsize=None)
def script_variants() -> Tuple[_ScriptVariant, ...]:
    """Every variant of every pattern as a TorchScript pattern, built once per process."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", torch.jit.TracerWarning)
        return tuple(_ScriptVariant(p, v) for p in PATTERNS for v in p.variants)


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


def _annotate(graph: torch._C.Graph, inputs: tuple, recorded: Dict[str, object]) -> None:
    """Gives every tensor value of `graph` the dtype and shape it had on the example."""
    values = {v.debugName(): v for n in graph.nodes() for v in n.outputs()}
    params = [v for v in graph.inputs() if v.type().kind() != "ClassType"]
    for v, x in zip(params, inputs):
        if isinstance(x, torch.Tensor):
            v.setType(torch._C.TensorType.create_from_tensor(x))
            recorded[v.debugName()] = x
    for name, x in recorded.items():
        if isinstance(x, torch.Tensor) and name in values:
            values[name].setType(torch._C.TensorType.create_from_tensor(x))


def _known_sizes(recorded: Dict[str, object]) -> Dict[str, float]:
    return {k: float(v) for k, v in recorded.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)}


def _bound(pattern: Pattern, match: dict, recorded: Dict[str, object]) -> Dict[str, object]:
    """The sentinel bindings of a match. A constant binds as it is. A size sentinel computed
    at run time must be read from the right dim of a matched input (so it follows the inputs'
    shapes at any size); a scalar sentinel computed at run time (a scale of sqrt(d // heads))
    must be arithmetic over constants and the matched inputs' feature sizes (not the batch
    size), fixed by the model's weights, and binds its value on the example. Anything else (a
    temperature passed in as a tensor, a scale computed from data) would be frozen at its
    example value: a near miss. Every place a sentinel binds must hold one value."""
    by_value = {value: name for name, value in match["tensors"].items()}
    bound: Dict[str, object] = {}
    for name, value_name, const, reads, pure, direct in match["sentinels"]:
        if const is not None:
            value = const.item() if isinstance(const, torch.Tensor) else const
        else:
            sources = pattern.size_sources.get(name)
            batch = pattern.sentinels.get("B")
            # each size read: (matched input, dim) or, for a matched intermediate, the
            # sentinel size the pattern gives that dim
            where = []
            for t, d, pattern_size in reads:
                if t in by_value:
                    where.append(((by_value[t], d % recorded[t].dim()), None))
                elif pattern_size is not None:
                    where.append((None, pattern_size))
                else:
                    raise NearMiss(f"{name}: %{value_name} reads the size of %{t}, which the "
                                   "pattern does not compute; only a constant can be fused")
            if not pure:
                raise NearMiss(f"{name}: %{value_name} is computed at run time from more than "
                               "the matched inputs' sizes; only a constant can be fused")
            if sources is not None:
                ok = direct and (where[0][0] in sources or
                                 where[0][1] == pattern.sentinels.get(name))
                if not ok:
                    raise NearMiss(f"{name}: %{value_name} is not read from "
                                   f"{' or '.join(f'{i}.size({d})' for i, d in sources)}")
            elif any((src is not None and src[1] == 0) or size == batch for src, size in where):
                raise NearMiss(f"{name}: %{value_name} depends on the batch size; only a "
                               "constant can be fused")
            value = recorded.get(value_name)
            value = value.item() if isinstance(value, torch.Tensor) else value
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise NearMiss(f"{name}: %{value_name} has no known value on the example inputs")
        if name in bound and not math.isclose(bound[name], value, rel_tol=1e-9):
            raise NearMiss(f"{name} is {bound[name]} in one place, {value} in another")
        bound[name] = value
    return bound


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


def _fuse_first(jit, sv: _ScriptVariant, graph, inputs, recorded, report, misses) -> bool:
    """Rewrites the first match of `sv` that passes every constraint; records the near
    misses on the way. Returns whether it rewrote one."""
    pattern = sv.pattern
    for match in jit.find_matches(sv.graph, graph, sv.roles, _known_sizes(recorded)):
        anchor = match["anchor"]
        try:
            if match["miss"]:
                raise NearMiss(match["miss"])
            bound = _bound(pattern, match, recorded)
            tensors = match["tensors"]
            example = {name: recorded[value] for name, value in tensors.items()}
            extra = pattern.bind(example, bound, sv.variant.choice)
        except NearMiss as miss:
            misses.setdefault(anchor, Missed(pattern.name, sv.variant.name, anchor, str(miss)))
            continue
        args = [tensors[n] for n in pattern.inputs if n != "mask"]
        if "mask" in pattern.inputs:
            args.append(tensors.get("mask", ""))
        out_index = pattern.outputs.index(sv.variant.outputs[0])
        jit.rewrite(graph, sv.graph, sv.roles, anchor, f"cldmdf::{pattern.op_name}", args,
                    list(extra), out_index)
        report.fused.append(Fused(pattern.name, sv.variant.name, anchor, match["nodes"]))
        misses.pop(anchor, None)
        return True
    return False


def fuse_torchscript(model: Union[torch.jit.ScriptModule, torch.jit.ScriptFunction, torch.nn.Module],
                     example_inputs: tuple) -> Tuple[object, FusionReport]:
    """Fuses a TorchScript model: returns (fused, report).

    `model`: a scripted or traced module (the result is a new frozen module in eval mode), a
    scripted function (the result is a new function), or a plain nn.Module (scripted first);
    the model passed in is not changed. `example_inputs`: a tuple of inputs the model runs on;
    the constraints (sizes, scales, heads, dtypes) are checked on the shapes and values they
    give, as torch.jit.trace specialises on its inputs. Needs `import cldmdf` (the operators)."""
    import cldmdf  # noqa: F401  (the operators must be registered)

    jit = _load_pass()
    fused_model, graph = _graph_of(model)
    inputs = tuple(example_inputs)
    jit.canonicalize(graph)
    report = FusionReport("TorchScript")
    misses: Dict[str, Missed] = {}
    notes = set()
    recorded = _record(graph, inputs)
    _annotate(graph, inputs, recorded)
    for sv in script_variants():
        while _fuse_first(jit, sv, graph, inputs, recorded, report, misses):
            recorded = _record(graph, inputs)  # the rewrite made new values
            _annotate(graph, inputs, recorded)
            notes.add(f"{sv.pattern.name}: {sv.pattern.edge_note}")
    alive = {v.debugName() for n in graph.nodes() for v in n.outputs()}
    fused_anchors = {f.anchor for f in report.fused}
    report.near_misses = [m for m in misses.values()
                          if m.anchor in alive and m.anchor not in fused_anchors]
    report.notes = sorted(notes)
    # the example's shapes were annotations for the constraints, not facts about other inputs
    torch._C._jit_pass_erase_shape_information(graph)
    torch._C._jit_pass_lint(graph)
    return fused_model, report


def fused_op_counts(graph: torch._C.Graph) -> Dict[str, int]:
    """How many cldmdf::* nodes a TorchScript graph holds, by operator."""
    counts: Dict[str, int] = {}
    for n in graph.nodes():
        if n.kind().startswith("cldmdf::"):
            name = n.kind().split("::", 1)[1]
            counts[name] = counts.get(name, 0) + 1
    return counts


__all__: List[str] = ["fuse_torchscript", "fused_op_counts", "script_variants"]
