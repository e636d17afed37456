"""What a fusion pattern is: search variants (plain PyTorch functions, the
ways real code writes one idiom), the operator that replaces them, the
example inputs they are traced with and the constraints a match must meet.

Variants are traced with *sentinel* sizes and scalars (distinct values such
as B=11, H=5, temperature=0.7123): in a traced variant a literal equal to a
sentinel marks where that size or scalar appears, so a match binds the
target graph's value from the same place, and every bound value is then
checked against the target's tensor shapes. Nothing here knows any IR; each
IR traces the variants with its own pipeline.
"""
import itertools
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple


def differs(a, b) -> bool:
    """a != b for sizes that may be symbolic (a dynamic-shape graph): True unless they are
    provably equal, so a size that cannot be shown to match is a near miss, not a guard."""
    from torch.fx.experimental.symbolic_shapes import statically_known_true
    return not statically_known_true(a == b)


class NearMiss(Exception):
    """A structural match that a constraint rejects; the message names the constraint."""


@dataclass
class Variant:
    name: str
    fn: Callable  # (*tensors, **sentinels) -> output tensor(s)
    outputs: Tuple[str, ...]  # the fused operator's outputs that fn returns, in order
    make_inputs: Optional[Callable[[Dict[str, float]], tuple]] = None  # else the pattern's
    choice: Dict[str, str] = field(default_factory=dict)  # the spelling options it was built from


@dataclass
class Pattern:
    """One fused operator and the search variants that express it."""
    name: str
    op_name: str                  # e.g. "dual_attention": torch.ops.cldmdf.<op_name>.default
    inputs: Tuple[str, ...]       # names of the variants' tensor arguments, in order
    sentinels: Dict[str, float]   # sizes and scalars, passed to each variant as keywords
    make_inputs: Callable[[Dict[str, float]], tuple]  # example tensors for the sentinels
    bind: Callable[[Dict[str, object], Dict[str, float], Dict[str, str]], tuple]
    # bind(inputs by name (example values of the target's nodes), bound sentinels, the
    # variant's spelling choice) -> the
    # operator's scalar arguments (after its tensors and mask); raises NearMiss on a failed
    # constraint.
    outputs: Tuple[str, ...]      # the operator's outputs, in order
    variants: List[Variant] = field(default_factory=list)
    edge_note: str = ""           # where stock code and the operator differ, for the report
    # the size sentinels and where a graph may read them at run time: name -> the (input, dim)
    # pairs (dims non-negative); an IR whose sizes stay dynamic (TorchScript) accepts a size read
    # there, any other sentinel must be a constant (or, for scalars, arithmetic over feature sizes)
    size_sources: Dict[str, Tuple[Tuple[str, int], ...]] = field(default_factory=dict)

    def example_inputs(self, variant: Variant) -> tuple:
        return (variant.make_inputs or self.make_inputs)(self.sentinels)


def product_variants(build: Callable[..., Tuple[Callable, Tuple[str, ...]]],
                     options: Dict[str, Sequence[str]]) -> List[Variant]:
    """Variants for every combination of spelling options, e.g.
    {"mask": ["masked_fill", "where"], "matmul": ["matmul", "einsum"]}; build(**choice)
    returns (fn, outputs[, make_inputs]) or None where the combination makes no sense."""
    variants = []
    keys = list(options)
    for values in itertools.product(*(options[k] for k in keys)):
        choice = dict(zip(keys, values))
        built = build(**choice)
        if built is None:
            continue
        name = "/".join(f"{k}={v}" for k, v in choice.items())
        fn, outputs, *make_inputs = built
        variants.append(Variant(name, fn, outputs, make_inputs[0] if make_inputs else None, choice))
    return variants
