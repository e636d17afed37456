"""Inputs of the three operators, built in one place for the tests and the benchmarks.

One builder per operator returns its inputs as a named tuple::

    from cldmdf import testing

    inp = testing.dual_attention_inputs(B=8, M=3, D=64, K=32, gen=0, dtype=torch.float32,
                                        mask="mixed", layout="noncontiguous",
                                        requires_grad=True)
    out, fw, mw = cldmdf.dual_attention(*inp.args(num_heads=4))
    tensors, mask = inp.unpack()          # [x, feat_logits, query, key], mask

    fusion = testing.adaptive_fusion_inputs(8, 3, 64, 4, gen=testing.make_generator("a", 1))
    loss = testing.centroid_loss_inputs(N=512, P=32, gen=1, E=100, entities="random",
                                        singletons=10)
    sums = testing.from_sums_inputs(N=90, P=12, E=40, gen=2, local_entities=30)

What every builder takes:

* the sizes of its operator (OPS.md's names: B, M, D, K for dual attention; B, M, D, G for
  adaptive fusion; N, P and the number of entities E for the loss);
* ``gen``: a ``torch.Generator`` (drawn from, so consecutive builders on one generator give
  different values), or an int seed (a fresh CPU generator seeded with it). Values are drawn
  on the CPU in float64 and only then cast and moved, so they are the same on every device
  and, up to rounding, in every dtype;
* ``dtype`` and ``device`` of the floating inputs (masks are bool, entity ids int64);
* ``mask`` (attention operators): one of :data:`MASK_KINDS`:
  ``"none"`` (no mask: None), ``"mixed"`` (random missing entries where, for B >= 2, sample 0
  has every modality missing and, for B >= 3, sample 1 every modality present, every other
  sample at least one present: what the operator tests use), ``"random"`` (each entry present
  with probability ``present``, independently), ``"all_missing"``, ``"all_present"``
  (see :func:`make_mask`);
* ``layout``: ``"contiguous"`` or ``"noncontiguous"`` (every tensor input, the mask and the
  entity ids included, as a strided view with junk in the gaps: see :func:`noncontiguous`);
* ``requires_grad``: whether the floating inputs are leaves that require grad;
* scales of the standard normal values where large logits matter (``logit_scale``,
  ``qk_scale``, ``scale``).

The entity ids of the loss follow one of :data:`ENTITY_KINDS` (see :func:`make_entities`)
or are given explicitly.

Draw order is part of the contract (a test's values do not change when it moves to these
builders): the floating inputs in the operator's argument order, then the mask (or the
entity ids, for the loss).
"""
import zlib
from typing import List, NamedTuple, Optional, Sequence, Tuple, Union

import torch

MASK_KINDS = ("none", "mixed", "random", "all_missing", "all_present")
LAYOUTS = ("contiguous", "noncontiguous")
ENTITY_KINDS = ("random", "balanced", "singletons", "one_entity")

GenLike = Union[torch.Generator, int]


# --------------------------------------------------------------------------- random values

def make_generator(*key) -> torch.Generator:
    """A CPU generator seeded deterministically from `key` (ints, strings, dtypes...),
    the same in every process (unlike hash(), which is salted for strings)."""
    g = torch.Generator()
    g.manual_seed(zlib.crc32(repr(key).encode()))
    return g


def as_generator(gen: GenLike) -> torch.Generator:
    """`gen` itself when it is a generator; a fresh CPU generator seeded with it when it is
    an int."""
    if isinstance(gen, torch.Generator):
        return gen
    if isinstance(gen, bool) or not isinstance(gen, int):
        raise TypeError(f"gen: expected a torch.Generator or an int seed, got "
                        f"{type(gen).__name__} {gen!r}")
    return torch.Generator().manual_seed(gen)


def randn(shape: Sequence[int], gen: torch.Generator, dtype=torch.float64, device="cpu",
          scale: float = 1.0) -> torch.Tensor:
    """Standard normal values drawn in float64 on the CPU (reproducible), then cast/moved."""
    t = torch.randn(tuple(shape), generator=gen, dtype=torch.float64) * scale
    return t.to(device=device, dtype=dtype)


def make_mask(B: int, M: int, gen: torch.Generator, device="cpu", kind: str = "mixed",
              present: Optional[float] = None) -> Optional[torch.Tensor]:
    """A [B, M] bool mask (True: the modality is present) of the given kind (MASK_KINDS):

    * "mixed": random missing entries (each present with probability `present`, default
      0.6, then one random modality per sample made present); when B >= 2 sample 0 has no
      modality present (the all-missing row) and, when B >= 3, sample 1 has every modality
      present. With B == 1 the one sample has at least one present modality;
    * "random": every entry present with probability `present` (default 0.5),
      independently (samples with no modality present happen);
    * "all_missing" / "all_present": constant masks (nothing drawn);
    * "none": None (nothing drawn).
    """
    if kind == "none":
        return None
    if kind == "all_missing":
        return torch.zeros(B, M, dtype=torch.bool, device=device)
    if kind == "all_present":
        return torch.ones(B, M, dtype=torch.bool, device=device)
    if kind == "random":
        p = 0.5 if present is None else present
        return (torch.rand(B, M, generator=gen) < p).to(device)
    if kind != "mixed":
        raise ValueError(f"mask: expected one of {MASK_KINDS}, got {kind!r}")
    mask = torch.rand(B, M, generator=gen) < (0.6 if present is None else present)
    # at least one present modality per row, then carve out the special rows
    first = torch.randint(0, M, (B,), generator=gen)
    mask[torch.arange(B), first] = True
    if B >= 2:
        mask[0] = False
    if B >= 3:
        mask[1] = True
    return mask.to(device)


# --------------------------------------------------------------------------- layouts

def noncontiguous(t: torch.Tensor) -> torch.Tensor:
    """A non-contiguous tensor with the same values as `t`.

    The result is a view into a buffer twice as large in every dimension, laid
    out with the dimensions in reverse order and read with stride 2, so no
    stride matches the contiguous one. The gaps hold junk (NaN for floating
    tensors), so a kernel that ignores strides produces visibly wrong results.
    The result is a leaf: call ``requires_grad_()`` on it freely.
    """
    shape = tuple(t.shape)
    if t.dim() == 0:
        return t.clone()
    buf_shape = tuple(2 * s for s in reversed(shape))
    if t.dtype.is_floating_point:
        buf = torch.full(buf_shape, float("nan"), dtype=t.dtype, device=t.device)
    elif t.dtype == torch.bool:
        buf = torch.ones(buf_shape, dtype=t.dtype, device=t.device)
    else:
        buf = torch.full(buf_shape, 987654321, dtype=t.dtype, device=t.device)
    view = buf.permute(*reversed(range(t.dim())))[tuple(slice(None, None, 2) for _ in shape)]
    with torch.no_grad():
        view.copy_(t)
    assert view.shape == t.shape
    if t.numel() > 1:
        assert not view.is_contiguous()
    return view.detach()


def with_layout(t: Optional[torch.Tensor], layout: str) -> Optional[torch.Tensor]:
    """`t` in the given layout (LAYOUTS); None stays None."""
    if t is None or layout == "contiguous":
        return t
    if layout != "noncontiguous":
        raise ValueError(f"layout: expected one of {LAYOUTS}, got {layout!r}")
    return noncontiguous(t)


def _floating(t: torch.Tensor, layout: str, requires_grad: bool) -> torch.Tensor:
    return with_layout(t, layout).requires_grad_(requires_grad)


# --------------------------------------------------------------------------- dual_attention

class DualAttentionInputs(NamedTuple):
    x: torch.Tensor            # [B, M, D]
    feat_logits: torch.Tensor  # [B, M, D]
    query: torch.Tensor        # [B, M, K]
    key: torch.Tensor          # [B, M, K]
    mask: Optional[torch.Tensor]  # [B, M] bool or None

    @property
    def tensors(self) -> List[torch.Tensor]:
        """The floating inputs, in argument order."""
        return [self.x, self.feat_logits, self.query, self.key]

    def unpack(self) -> Tuple[List[torch.Tensor], Optional[torch.Tensor]]:
        """(the floating inputs as a list, the mask)."""
        return self.tensors, self.mask

    def args(self, num_heads: int = 1, feat_temperature: float = 1.0) -> tuple:
        """The positional arguments of torch.ops.cldmdf.dual_attention."""
        return (*self.tensors, self.mask, num_heads, feat_temperature)


def dual_attention_inputs(B: int, M: int, D: int, K: int, gen: GenLike = 0, *,
                          dtype=torch.float64, device="cpu", mask: str = "mixed",
                          present: Optional[float] = None, layout: str = "contiguous",
                          requires_grad: bool = False, logit_scale: float = 1.0,
                          qk_scale: float = 1.0) -> DualAttentionInputs:
    """x, feat_logits [B, M, D], query, key [B, M, K] (standard normal; feat_logits times
    `logit_scale`, query and key times `qk_scale`) and a mask of kind `mask`."""
    g = as_generator(gen)
    x = randn((B, M, D), g, dtype, device)
    feat_logits = randn((B, M, D), g, dtype, device, scale=logit_scale)
    query = randn((B, M, K), g, dtype, device, scale=qk_scale)
    key = randn((B, M, K), g, dtype, device, scale=qk_scale)
    m = make_mask(B, M, g, device, mask, present)
    return DualAttentionInputs(*(_floating(t, layout, requires_grad)
                                 for t in (x, feat_logits, query, key)),
                               with_layout(m, layout))


# --------------------------------------------------------------------------- adaptive_fusion

class AdaptiveFusionInputs(NamedTuple):
    h: torch.Tensor            # [B, M, D]
    gate_logits: torch.Tensor  # [B, M, G]
    mask: Optional[torch.Tensor]  # [B, M] bool or None

    @property
    def tensors(self) -> List[torch.Tensor]:
        return [self.h, self.gate_logits]

    def unpack(self) -> Tuple[List[torch.Tensor], Optional[torch.Tensor]]:
        return self.tensors, self.mask

    def args(self, temperature: float = 1.0) -> tuple:
        """The positional arguments of torch.ops.cldmdf.adaptive_fusion."""
        return (*self.tensors, self.mask, temperature)


def adaptive_fusion_inputs(B: int, M: int, D: int, G: int, gen: GenLike = 0, *,
                           dtype=torch.float64, device="cpu", mask: str = "mixed",
                           present: Optional[float] = None, layout: str = "contiguous",
                           requires_grad: bool = False,
                           logit_scale: float = 1.0) -> AdaptiveFusionInputs:
    """h [B, M, D], gate_logits [B, M, G] (times `logit_scale`) and a mask of kind `mask`."""
    g = as_generator(gen)
    h = randn((B, M, D), g, dtype, device)
    gate_logits = randn((B, M, G), g, dtype, device, scale=logit_scale)
    m = make_mask(B, M, g, device, mask, present)
    return AdaptiveFusionInputs(_floating(h, layout, requires_grad),
                                _floating(gate_logits, layout, requires_grad),
                                with_layout(m, layout))


# ----------------------------------------------------------------------- centroid_contrastive_loss

def random_ids(E: int, gen: torch.Generator) -> torch.Tensor:
    """E distinct int64 ids scattered over [-2^62, 2^62), in random order."""
    ids = torch.unique(torch.randint(-(2 ** 62), 2 ** 62, (E,), generator=gen, dtype=torch.int64))
    while ids.numel() < E:  # vanishingly unlikely collisions
        ids = torch.unique(torch.cat([ids, torch.randint(-(2 ** 62), 2 ** 62, (E,),
                                                         generator=gen)]))
    return ids[torch.randperm(ids.numel(), generator=gen)][:E]


def make_entities(N: int, E: int, gen: torch.Generator, device="cpu", ids=None,
                  singletons: int = 0, kind: str = "random") -> torch.Tensor:
    """[N] int64 entity ids over E distinct entities, every one of them non-empty, shuffled.

    * kind "random": the E entities once each, the other N - E points spread at random over
      the entities that are not the first `singletons` (which keep exactly one point);
    * kind "balanced": point i belongs to entity i mod E (N/E points each), shuffled.

    ("singletons" and "one_entity" of ENTITY_KINDS are E = N and E = 1.) The ids are the
    dense entity indices mapped through `ids` (E values; default: random distinct int64
    values far from 0..E-1, see :func:`random_ids`)."""
    if N == 0:
        return torch.zeros(0, dtype=torch.int64, device=device)
    if not 1 <= E <= N:
        raise ValueError(f"make_entities: E expected in [1, N = {N}], got {E}")
    ids = random_ids(E, gen) if ids is None else torch.as_tensor(ids, dtype=torch.int64)
    if ids.shape != (E,):
        raise ValueError(f"make_entities: ids expected {E} values, got shape {tuple(ids.shape)}")
    if kind == "balanced":
        dense = (torch.arange(N) % E)[torch.randperm(N, generator=gen)]
        return ids[dense].to(device)
    if kind != "random":
        raise ValueError(f"make_entities: kind expected 'random' or 'balanced', got {kind!r}")
    dense = torch.arange(E)  # every entity at least once
    rest = N - E
    if rest > 0:
        # extra points only go to entities that are not meant to stay singletons
        pool = torch.arange(min(singletons, E - 1), E)
        dense = torch.cat([dense, pool[torch.randint(0, pool.numel(), (rest,), generator=gen)]])
    dense = dense[torch.randperm(N, generator=gen)]
    return ids[dense].to(device)


class CentroidLossInputs(NamedTuple):
    z: torch.Tensor       # [N, P]
    entity: torch.Tensor  # [N] int64

    def args(self, temperature: float = 0.1, leave_one_out: bool = True,
             reduction: str = "mean") -> tuple:
        """The positional arguments of torch.ops.cldmdf.centroid_contrastive_loss."""
        return (self.z, self.entity, temperature, leave_one_out, reduction)


def centroid_loss_inputs(N: int, P: int, gen: GenLike = 0, *, E: Optional[int] = None,
                         entities: Union[str, Sequence[int], torch.Tensor] = "random",
                         singletons: int = 0, ids=None, dtype=torch.float64, device="cpu",
                         layout: str = "contiguous", requires_grad: bool = False,
                         scale: float = 1.0) -> CentroidLossInputs:
    """z [N, P] (standard normal times `scale`) and entity ids [N]: `entities` is one of
    ENTITY_KINDS ("random" and "balanced" over E entities, see :func:`make_entities`;
    "singletons": every point its own entity; "one_entity": one entity for all) or the
    ids themselves (a sequence or tensor of N ints)."""
    g = as_generator(gen)
    z = _floating(randn((N, P), g, dtype, device, scale=scale), layout, requires_grad)
    if not isinstance(entities, str):
        entity = torch.as_tensor(entities, dtype=torch.int64).to(device)
        if entity.shape != (N,):
            raise ValueError(f"centroid_loss_inputs: entities expected {N} ids, got shape "
                             f"{tuple(entity.shape)}")
    elif entities in ("random", "balanced"):
        if E is None:
            raise ValueError(f"centroid_loss_inputs: entities={entities!r} needs E, the "
                             "number of entities")
        entity = make_entities(N, E, g, device, ids, singletons, entities)
    elif entities == "singletons":
        entity = make_entities(N, N, g, device, ids)
    elif entities == "one_entity":
        entity = make_entities(N, min(1, N), g, device, ids)
    else:
        raise ValueError(f"centroid_loss_inputs: entities expected one of {ENTITY_KINDS} or "
                         f"a sequence of ids, got {entities!r}")
    return CentroidLossInputs(z, with_layout(entity, layout))


class FromSumsInputs(NamedTuple):
    z: torch.Tensor             # [N, P]
    entity_index: torch.Tensor  # [N] int64 in [0, E)
    sums: torch.Tensor          # [E, P]
    counts: torch.Tensor        # [E] int64


def from_sums_inputs(N: int, P: int, E: int, gen: GenLike = 0, *,
                     local_entities: Optional[int] = None, dtype=torch.float64, device="cpu",
                     layout: str = "contiguous", requires_grad: bool = False) -> FromSumsInputs:
    """The inputs of centroid_contrastive_loss_from_sums (OPS.md 4c) as one rank sees them:
    N points over the first `local_entities` (default E) of E entities; `sums` and `counts`
    also hold the other ranks' points (0 to 2 random unit vectors per entity, at least one
    for an entity with no local point), so they are consistent with z: sums[e] is the sum of
    the normalised points of entity e, counts[e] their number."""
    g = as_generator(gen)
    local_entities = E if local_entities is None else local_entities
    index = torch.randint(0, local_entities, (N,), generator=g).to(device)
    z = randn((N, P), g, dtype, device)
    zhat = torch.nn.functional.normalize(z.double(), dim=1)
    extra = torch.randint(0, 3, (E,), generator=g)
    extra = torch.where(torch.bincount(index.cpu(), minlength=E) == 0, extra.clamp(min=1), extra)
    owner = torch.repeat_interleave(torch.arange(E), extra).to(device)
    others = torch.nn.functional.normalize(randn((len(owner), P), g, torch.float64, device),
                                           dim=1)
    sums = (zhat.new_zeros(E, P).index_add(0, index, zhat).index_add(0, owner, others)).to(dtype)
    counts = (torch.bincount(index, minlength=E).cpu() + extra).to(device)
    return FromSumsInputs(_floating(z, layout, requires_grad), with_layout(index, layout),
                          _floating(sums, layout, requires_grad), counts)
