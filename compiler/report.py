"""What a fusion run did: each match (pattern, variant, the nodes it replaced)
and each near miss (a structural match a constraint rejected, and why)."""
from dataclasses import dataclass, field
from typing import List


@dataclass
class Fused:
    pattern: str
    variant: str
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

    def count(self, pattern: str) -> int:
        return sum(f.pattern == pattern for f in self.fused)

    def __str__(self) -> str:
        lines = [f"cldmdf fusion report ({self.ir}): {len(self.fused)} fused, "
                 f"{len(self.near_misses)} near misses"]
        for f in self.fused:
            lines.append(f"  fused     {f.pattern:<16} at %{f.anchor} ({f.replaced} nodes; "
                         f"variant {f.variant})")
        for m in self.near_misses:
            lines.append(f"  near miss {m.pattern:<16} at %{m.anchor}: {m.constraint} "
                         f"(variant {m.variant})")
        for n in self.notes:
            lines.append(f"  note: {n}")
        return "\n".join(lines)
