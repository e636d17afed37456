"""The entity-centroid loss across processes: time per step (forward + backward) and bytes
communicated per step, cldmdf.distributed (global entity sums) against the naive way (an
all-gather of every point, then the single-process loss of the whole global batch on every
rank), measured side by side in one run at world sizes 1 and 2 (gloo, CPU, spawned
processes, --threads each), plus the volume either needs at larger world sizes.

    python benchmarks/bench_distributed.py [--points 16384] [--entities 4096] [--dim 128]
                                           [--worlds 1 2] [--reps 5] [--device cpu|cuda]

Per-rank N points with entities drawn from E global ids, so every entity is spread over the
ranks. "payload" is what a rank hands to collectives per step (forward and backward), as
counted by cldmdf.distributed (ids, settings, sums, counts, scalars) or by the naive path
(its points, and their gradient's reduce-scatter); "traffic" is what a rank sends and
receives per step with ring collectives: all-reduce of S bytes 2 (W-1)/W S, all-gather of
s bytes per rank (W-1) s. Times are medians over --reps steps after a warm-up step; the
slowest rank's time counts.
"""
import argparse
import os
import platform
import statistics
import tempfile
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp


def make_points(rank, n, e, p, device):
    g = torch.Generator().manual_seed(1000 + rank)
    z = torch.randn(n, p, generator=g).to(device).requires_grad_()
    entity = torch.randint(0, e, (n,), generator=g).to(device)
    return z, entity


class _GatherPoints(torch.autograd.Function):
    """The naive path's all-gather with autograd: backward sums the gradient of every rank's
    copy of the global batch and keeps this rank's rows (a reduce-scatter)."""

    @staticmethod
    def forward(ctx, z, group):
        from cldmdf import distributed
        ctx.group = group
        world = dist.get_world_size(group)
        parts = [torch.empty_like(z) for _ in range(world)]
        distributed._count(z)
        dist.all_gather(parts, z.contiguous(), group=group)
        ctx.rank, ctx.n = dist.get_rank(group), z.shape[0]
        return torch.cat(parts)

    @staticmethod
    def backward(ctx, grad):
        from cldmdf import distributed
        grad = grad.contiguous().clone()
        distributed._count(grad)
        dist.all_reduce(grad, group=ctx.group)  # gloo has no reduce-scatter
        return grad[ctx.rank * ctx.n:(ctx.rank + 1) * ctx.n], None


def worker(rank, world, init_file, args, out_file):
    import cldmdf
    from cldmdf import distributed
    torch.set_num_threads(args.threads)
    dist.init_process_group("gloo" if args.device == "cpu" else "nccl",
                            init_method=f"file://{init_file}", rank=rank, world_size=world)
    device = torch.device(args.device, rank) if args.device == "cuda" else torch.device("cpu")
    z, entity = make_points(rank, args.points, args.entities, args.dim, device)
    all_entity = [torch.empty_like(entity) for _ in range(world)]
    dist.all_gather(all_entity, entity)
    all_entity = torch.cat(all_entity)

    def ours():
        return distributed.centroid_contrastive_loss(z, entity, 0.1, True, "mean")

    def naive():
        everything = _GatherPoints.apply(z, dist.group.WORLD)
        return cldmdf.centroid_contrastive_loss(everything, all_entity, 0.1, True, "mean")

    rows = {}
    for name, fn in (("cldmdf.distributed", ours), ("all-gather + loss", naive)):
        times, volume = [], 0
        for rep in range(args.reps + 1):
            z.grad = None
            dist.barrier()
            if device.type == "cuda":
                torch.cuda.synchronize()
            distributed.bytes_communicated = 0
            start = time.perf_counter()
            loss = fn()
            loss.backward()
            if device.type == "cuda":
                torch.cuda.synchronize()
            elapsed = torch.tensor([time.perf_counter() - start], dtype=torch.float64)
            dist.all_reduce(elapsed, op=dist.ReduceOp.MAX)  # the slowest rank's step
            volume = distributed.bytes_communicated
            if rep > 0:
                times.append(float(elapsed))
        rows[name] = (statistics.median(times), volume, float(loss.detach()))
    if rank == 0:
        torch.save(rows, out_file)
    dist.destroy_process_group()


def traffic(world, n, e, p, elem=4):
    """Bytes a rank sends + receives per step with ring collectives (forward + backward)."""
    if world == 1:
        return 0, 0
    ring_reduce = lambda s: 2 * (world - 1) / world * s  # noqa: E731
    ring_gather = lambda s: (world - 1) * s  # noqa: E731
    ids = min(e, n) * 8
    ours = (ring_gather(7 * 8) + ring_gather(ids) + 2 * ring_reduce(e * p * elem)
            + ring_reduce(e * 8) + 2 * ring_reduce(elem))
    naive = ring_gather(n * p * elem) + ring_reduce(world * n * p * elem)
    return ours, naive


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--points", type=int, default=16384, help="points per rank")
    ap.add_argument("--entities", type=int, default=4096)
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--worlds", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1, help="torch threads per rank")
    ap.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    args = ap.parse_args()
    n, e, p = args.points, args.entities, args.dim
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"torch {torch.__version__}, {args.threads} thread(s) per rank, device {args.device}")
    print(f"N = {n} points per rank, E = {e} entities (ids shared by all ranks), P = {p}, "
          f"float32; forward + backward of the mean loss; median of {args.reps} steps\n")
    print("| world | method | ms / step | payload per rank (MB) | ring traffic per rank (MB) "
          "| loss |")
    print("|---|---|---|---|---|---|")
    for world in args.worlds:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "rows.pt")
            mp.spawn(worker, args=(world, os.path.join(tmp, "init"), args, out), nprocs=world)
            rows = torch.load(out)
        ours_t, naive_t = traffic(world, n, e, p)
        for name, (seconds, volume, loss) in rows.items():
            modelled = ours_t if name.startswith("cldmdf") else naive_t
            print(f"| {world} | {name} | {1e3 * seconds:.0f} | {volume / 1e6:.2f} | "
                  f"{modelled / 1e6:.2f} | {loss:.5f} |")
    print("\nCommunication a rank needs per step at larger world sizes (ring collectives, "
          f"same N per rank, E = {e}):\n")
    print("| world | cldmdf.distributed (MB) | all-gather + loss (MB) | ratio |")
    print("|---|---|---|---|")
    for world in (2, 8, 64):
        ours_t, naive_t = traffic(world, n, e, p)
        print(f"| {world} | {ours_t / 1e6:.2f} | {naive_t / 1e6:.1f} | {naive_t / ours_t:.0f}x |")
    print("\nPer-rank compute: cldmdf.distributed scores N points against E centroids; the "
          "naive way scores all W * N points on every rank.")


if __name__ == "__main__":
    main()
