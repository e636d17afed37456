"""What a fusion run did: each match (the operator, the axes and mask form it bound, the
nodes it replaced), each examined node left alone (and the first condition that failed),
and every softmax-like node and loss the passes looked at."""
from dataclasses import dataclass, field
from typing import Dict, List, Tuple


@dataclass
class Fused:
    pattern: str
    variant: str       # what the match bound: sizes, axes, mask form, temperature
    anchor: str        # the graph node whose value the operator now produces
    replaced: int      # how many stock nodes the match covered


@dataclass
class Missed:
    pattern: str
    variant: str
    anchor: str
    constraint: str


@dataclass
class FusionReport:
    ir: str
    fused: List[Fused] = field(default_factory=list)
    near_misses: List[Missed] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    examined: List[Tuple[str, str]] = field(default_factory=list)
    canonical: Dict[str, str] = field(default_factory=dict)
    pass_ms: float = 0.0      # the pass's own time: write the graph, match, rewrite
    graph_nodes: int = 0

    def count(self, pattern: str) -> int:
        return sum(f.pattern == pattern for f in self.fused)

    def counts(self) -> Dict[str, int]:
        out: Dict[str, int] = {}
        for f in self.fused:
            out[f.pattern] = out.get(f.pattern, 0) + 1
        return out

    def __str__(self) -> str:
        lines = [f"cldmdf fusion report ({self.ir}): {len(self.fused)} fused, "
                 f"{len(self.near_misses)} left alone, {len(self.examined)} examined"]
        for f in self.fused:
            lines.append(f"  fused     {f.pattern:<26} at %{f.anchor} ({f.replaced} nodes): "
                         f"{f.variant}")
        for m in self.near_misses:
            lines.append(f"  not fused {m.pattern:<26} at %{m.anchor}: {m.constraint}")
        for n in self.notes:
            lines.append(f"  note: {n}")
        return "\n".join(lines)

    def explain(self) -> str:
        """The report, then every node examined and the canonical forms of the matches."""
        lines = [str(self), "  examined:"]
        lines += [f"    %{name}: {what}" for name, what in self.examined]
        if self.canonical:
            lines.append("  canonical forms:")
            lines += [f"    %{name}: {form}" for name, form in self.canonical.items()]
        return "\n".join(lines)
