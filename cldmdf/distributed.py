"""The entity-centroid loss across processes (docs/OPS.md §3c, docs/DISTRIBUTED.md).

With a process group, the centroids are those of **every** rank's points: entity ids are
global (the same id on two ranks is one entity). Each rank

1. learns the global entity ids (an all-gather of its distinct ids and of a small settings
   record that every rank must agree on),
2. sums its own normalised points per entity and all-reduces the sums [E, P] and the counts
   [E] (O(E * P) communication, not the batch),
3. scores only its own points against the global centroids with
   ``cldmdf::centroid_contrastive_loss_from_sums`` (C++ on CPU and CUDA), and
4. for "mean" and "sum", all-reduces the scalar.

Gradients follow DistributedDataParallel's convention: the all-reduces are differentiable
(their backward all-reduces the gradient), so for "mean" and "sum" every rank's points receive
``world_size * dL/dz``, and DDP's average over ranks of the parameter gradients is exactly
the gradient of the single-process loss over the concatenated batch. With "none" a rank gets
the losses of its own points; the gradient of any function of them reaches every rank's points
through the centroids (summed over ranks, no factor). Every rank must call the loss, and
backward, the same number of times.
"""
import math
import struct
from typing import Optional, Union

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import Tensor

from .reference import NORM_EPS

_REDUCTIONS = ("mean", "sum", "none")
_DTYPES = (torch.float64, torch.float32, torch.float16, torch.bfloat16)

# Bytes handed to collectives by this module since the process started (payloads only), for
# the benchmark: read, reset, compare.
bytes_communicated = 0


def resolve_group(process_group, who: str):
    """The process group to use: a ProcessGroup, or "world" for the default group (then
    torch.distributed must be initialised). None stays None (single process)."""
    if process_group is None:
        return None
    if not dist.is_available() or not dist.is_initialized():
        raise RuntimeError(f"{who}: process_group={process_group!r} needs torch.distributed "
                           "to be initialised (torch.distributed.init_process_group, e.g. "
                           "under torchrun); it is not")
    if isinstance(process_group, str):
        if process_group != "world":
            raise ValueError(f"{who}: process_group expected a ProcessGroup, 'world' or None, "
                             f"got {process_group!r}")
        return dist.group.WORLD
    return process_group


def _count(t: Tensor) -> None:
    global bytes_communicated
    bytes_communicated += t.numel() * t.element_size()


class _AllReduceSum(torch.autograd.Function):
    """Sum over ranks; its backward sums the gradients over ranks (each rank's output is the
    same sum, so every rank's input contributed to every rank's loss)."""

    @staticmethod
    def forward(ctx, x, group):
        ctx.group = group
        out = x.clone()
        _count(out)
        dist.all_reduce(out, op=dist.ReduceOp.SUM, group=group)
        return out

    @staticmethod
    def backward(ctx, grad):
        grad = grad.contiguous().clone()
        _count(grad)
        dist.all_reduce(grad, op=dist.ReduceOp.SUM, group=ctx.group)
        return grad, None


def _settings_record(n_ids: int, z: Tensor, leave_one_out: bool, reduction: str,
                     temperature: Optional[float], learned: bool) -> Tensor:
    temp_bits = struct.unpack("<q", struct.pack("<d", temperature or 0.0))[0]
    return torch.tensor([n_ids, z.shape[1], _DTYPES.index(z.dtype), int(leave_one_out),
                         _REDUCTIONS.index(reduction), int(learned), temp_bits],
                        dtype=torch.int64, device=z.device)


_FIELDS = ("P (the width of z)", "dtype of z", "leave_one_out", "reduction",
           "the scale's kind (learned or a temperature)", "temperature")


def _describe(field: int, value: int):
    if field == 1:
        return _DTYPES[value]
    if field == 2:
        return bool(value)
    if field == 3:
        return _REDUCTIONS[value]
    if field == 4:
        return "learned" if value else "temperature"
    if field == 5:
        return struct.unpack("<d", struct.pack("<q", value))[0]
    return value


def _gather(t: Tensor, group) -> Tensor:
    world = dist.get_world_size(group)
    out = [torch.empty_like(t) for _ in range(world)]
    _count(t)
    dist.all_gather(out, t.contiguous(), group=group)
    return torch.stack(out)


def centroid_contrastive_loss(z: Tensor, entity: Tensor, temperature: float = 0.1,
                              leave_one_out: bool = True, reduction: str = "mean",
                              scale: Optional[Tensor] = None,
                              process_group: Union[None, str, "dist.ProcessGroup"] = "world"
                              ) -> Tensor:
    """The entity-centroid loss of every rank's points together (see the module's doc).

    ``z`` [N, P] and ``entity`` [N] int64 are this rank's points (N may be 0, and may differ
    between ranks). ``scale`` (a 0-dim tensor, e.g. a learned ``log_scale.exp()``) replaces
    ``1 / temperature`` when given. Returns what the single-process loss over the
    concatenation of all ranks' points returns: the same scalar on every rank for "mean" and
    "sum"; for "none" this rank's rows of it.
    """
    who = "cldmdf.distributed.centroid_contrastive_loss"
    group = resolve_group(process_group, who)
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{who}: reduction expected one of {_REDUCTIONS}, got {reduction!r}")
    if z.dim() != 2:
        raise ValueError(f"{who}: z expected a 2-D tensor [N, P], got shape {list(z.shape)}")
    if z.dtype not in _DTYPES:
        raise ValueError(f"{who}: z expected a floating dtype, got {z.dtype}")
    if entity.dtype != torch.int64 or entity.shape != (z.shape[0],):
        raise ValueError(f"{who}: entity expected int64 of shape [N] = [{z.shape[0]}], got "
                         f"{entity.dtype} of shape {list(entity.shape)}")
    if scale is None and not (temperature > 0 and math.isfinite(temperature)):
        raise ValueError(f"{who}: temperature expected a finite value > 0, got {temperature}")
    if scale is not None and scale.dim() != 0:
        raise ValueError(f"{who}: scale expected a 0-D tensor, got shape {list(scale.shape)}")

    if dist.get_world_size(group) == 1:  # the single-process operator is the whole loss
        if scale is not None:
            return torch.ops.cldmdf.centroid_contrastive_loss.scaled(z, entity, scale,
                                                                     leave_one_out, reduction)
        return torch.ops.cldmdf.centroid_contrastive_loss(z, entity, temperature, leave_one_out,
                                                          reduction)
    ids = torch.unique(entity)  # sorted
    record = _settings_record(ids.numel(), z, leave_one_out, reduction,
                              None if scale is not None else temperature, scale is not None)
    records = _gather(record, group)
    for field in range(1, records.shape[1]):
        column = records[:, field]
        if (column != column[0]).any():
            values = ", ".join(f"rank {r} has {_describe(field - 1, int(v))}"
                               for r, v in enumerate(column.tolist()))
            raise RuntimeError(f"{who}: ranks disagree on {_FIELDS[field - 1]}: {values}")
    sizes = records[:, 0].tolist()
    width = max(sizes)
    padded = torch.zeros(width, dtype=torch.int64, device=z.device)
    padded[:ids.numel()] = ids
    every = _gather(padded, group)
    global_ids = torch.unique(torch.cat([every[r, :n] for r, n in enumerate(sizes)]))
    E, P = global_ids.numel(), z.shape[1]
    index = torch.searchsorted(global_ids, entity)

    zhat = F.normalize(z, dim=1, eps=NORM_EPS)
    sums = _AllReduceSum.apply(zhat.new_zeros(E, P).index_add(0, index, zhat), group)
    counts = torch.bincount(index, minlength=E)
    _count(counts)
    dist.all_reduce(counts, op=dist.ReduceOp.SUM, group=group)
    acc = torch.float64 if z.dtype == torch.float64 else torch.float32
    s = (torch.tensor(1.0 / temperature, dtype=acc, device=z.device) if scale is None
         else scale)
    losses = torch.ops.cldmdf.centroid_contrastive_loss_from_sums(z, index, sums, counts, s,
                                                                   leave_one_out)
    if reduction == "none":
        return losses
    total = _AllReduceSum.apply(losses.sum(), group)
    if reduction == "sum":
        return total
    included = counts[counts > 1].sum() if leave_one_out else counts.sum()
    return total / included.clamp(min=1).to(total.dtype)


def share_of_global_mean(count: Tensor, process_group) -> Tensor:
    """``world_size / Σ_ranks count``: a rank's sum over its ``count`` terms times this is its
    share of the mean over every rank's terms (DistributedDataParallel averages the gradients
    over the ranks). ``count`` is a scalar tensor (no gradient); one all-reduce."""
    group = resolve_group(process_group, "share_of_global_mean")
    total = count.detach().to(torch.float64).clone()
    _count(total)
    dist.all_reduce(total, group=group)
    return (dist.get_world_size(group) / total.clamp_min(1.0)).to(torch.float32)
