"""The Python side of the recognition core (compiler/core/, C++).

Each Python adapter (fx_pass.py for torch.export, Inductor and backend="cldmdf";
torchscript.py) writes its graph in the core's text form with `GraphText`, calls
`run`, and applies the returned `Rewrite`s with its own builder; the report is
built here, once, from the core's answer. Nothing in this module knows an IR.
"""
import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from .report import Fused, FusionReport, Missed

_NOTES = {
    "adaptive_fusion": "a sample whose logits are all -inf (nothing present under an -inf mask): "
                       "the stock softmax gives NaN, the fused operator gives 0",
    "dual_attention": "a sample with nothing present under an -inf mask: the stock softmax "
                      "gives NaN, the fused operator gives 0",
    "centroid_contrastive_loss": "leave_one_out=False (the stock idiom scores each point against "
                                 "its own entity's full centroid)",
}


def _core():
    try:
        from cldmdf import _compiler_core
    except ImportError as e:  # pragma: no cover - a broken install
        raise ImportError("cldmdf: the compiler core (cldmdf._compiler_core) is not built; "
                          f"reinstall the package: pip install --no-build-isolation -e . ({e})")
    return _compiler_core


def number(v) -> str:
    if isinstance(v, bool):
        return f"b{int(v)}"
    if isinstance(v, int):
        return f"i{v}"
    v = float(v)
    if math.isnan(v):
        return "fnan"
    if math.isinf(v):
        return "finf" if v > 0 else "f-inf"
    return "f" + repr(v)


def _dim(d) -> str:
    """A size: (size, symbolic) or (size, symbolic, expression)."""
    size, sym = int(d[0]), bool(d[1])
    if not sym:
        return str(size)
    expr = "".join(str(d[2]).split()).replace(",", ";") if len(d) > 2 and d[2] else ""
    return f"s{size}" + (f":{expr}" if expr else "")


class GraphText:
    """Builds the core's text form of a graph (compiler/core/include/cldmdf_compiler/graph.h)."""

    def __init__(self):
        self.lines: List[str] = []
        self.count = 0
        self.outputs: List[int] = []

    def add(self, op: str, dtype: Optional[str], shape: Optional[Sequence[Tuple[int, bool]]],
            name: str, args: Sequence[str], scalar: Optional[Tuple[float, bool]] = None) -> int:
        i = self.count
        self.count += 1
        if shape is not None:
            sh = "[" + ",".join(_dim(d) for d in shape) + "]"
        elif scalar is not None:
            sh = "=" + ("s" if scalar[1] else "") + number(scalar[0])[1:]
        else:
            sh = "-"
        name = "".join(c if c.isalnum() or c in "_.-" else "_" for c in name) or f"n{i}"
        self.lines.append(" ".join(["n", str(i), op, dtype or "-", sh, name, *args]))
        return i

    def text(self) -> str:
        out = "\n".join(self.lines)
        if self.outputs:
            out += "\no " + " ".join(map(str, sorted(set(self.outputs))))
        return out + "\n"


@dataclass
class Instr:
    temp: str
    op: str
    args: list  # tokens parsed: ("node", id) | ("temp", name) | int | float | bool | None | str | list


@dataclass
class Rewrite:
    pattern: str
    anchor: int
    detail: str
    instrs: List[Instr] = field(default_factory=list)
    replaces: List[Tuple[int, str]] = field(default_factory=list)
    covered: List[int] = field(default_factory=list)


def _parse_tokens(tokens: List[str], p: int):
    t = tokens[p]
    p += 1
    if t == "[":
        items = []
        while tokens[p] != "]":
            item, p = _parse_tokens(tokens, p)
            items.append(item)
        return items, p + 1
    if t == "_":
        return None, p
    if t[0] == "%":
        return ("node", int(t[1:])), p
    if t[0] == "t" and t[1:].isdigit():
        return ("temp", t), p
    if t[0] == "i":
        return int(t[1:]), p
    if t[0] == "f":
        return float(t[1:]), p
    if t[0] == "b":
        return t == "b1", p
    if t.startswith("s:"):
        return t[2:], p
    raise ValueError(f"cldmdf compiler core: bad token {t!r}")


@dataclass
class CoreResult:
    rewrites: List[Rewrite]
    misses: List[Tuple[int, str, str]]  # (node, pattern, reason)
    examined: List[Tuple[int, str]]
    canon: Dict[int, str]


def run(text: str, ir: str, runtime_sizes: bool = False, cost_rule: bool = True,
        explain: bool = False) -> CoreResult:
    opts = f"ir={ir} runtime_sizes={int(runtime_sizes)} cost_rule={int(cost_rule)} " \
           f"explain={int(explain)}"
    return parse(_core().fuse(text, opts))


def parse(out: str) -> CoreResult:
    """Reads the core's answer (fuse.h): rewrite programs, misses, what was examined.
    Lines it does not know (an adapter's own, such as the MLIR pass's) are skipped."""
    rewrites, misses, examined, canon = [], [], [], {}
    current = None
    for line in out.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "fuse":
            pattern, anchor, detail = (rest.split(" ", 2) + [""])[:3]
            current = Rewrite(pattern, int(anchor), detail)
        elif kind == "covers":
            current.covered = [int(x) for x in rest.split()]
        elif kind == "t":
            tokens = rest.split()
            args, p = [], 2
            if tokens[1] == "op":
                args, p = [tokens[2]], 3
            while p < len(tokens):
                a, p = _parse_tokens(tokens, p)
                args.append(a)
            current.instrs.append(Instr("t" + tokens[0], tokens[1], args))
        elif kind == "replace":
            node, value = rest.split()
            current.replaces.append((int(node), value))
        elif kind == "end":
            rewrites.append(current)
            current = None
        elif kind == "miss":
            node, pattern, reason = rest.split(" ", 2)
            misses.append((int(node), pattern, reason))
        elif kind == "examined":
            node, what = rest.split(" ", 1)
            examined.append((int(node), what))
        elif kind == "canon":
            node, form = rest.split(" ", 1)
            canon[int(node)] = form
    return CoreResult(rewrites, misses, examined, canon)


def canonical(text: str, node: int) -> str:
    """The canonical form of one node's value (for tests and --explain)."""
    return _core().canonical(text, node)


def make_report(ir: str, result: CoreResult, names: Dict[int, str],
                applied: Sequence[Rewrite],
                declined: Sequence[Tuple[Rewrite, str]] = ()) -> FusionReport:
    """The report of one run: every match applied, every examined node left alone and why."""
    report = FusionReport(ir)
    notes = set()
    for rw in applied:
        report.fused.append(Fused(rw.pattern, rw.detail, names[rw.anchor], len(rw.covered)))
        notes.add(f"{rw.pattern}: {_NOTES[rw.pattern]}")
    for rw, why in declined:
        report.near_misses.append(Missed(rw.pattern, "", names[rw.anchor], why))
    for node, pattern, reason in result.misses:
        report.near_misses.append(Missed(pattern, "", names.get(node, str(node)), reason))
    report.examined = [(names.get(n, str(n)), what) for n, what in result.examined]
    report.canonical = {names.get(n, str(n)): form for n, form in result.canon.items()}
    report.notes = sorted(notes)
    return report
