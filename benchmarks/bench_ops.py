"""Forward and forward+backward time and peak memory of the three operators:
ours (torch.ops.cldmdf.*) vs the eager reference (cldmdf.reference) vs
torch.compile(reference), measured side by side in one run.

    python benchmarks/bench_ops.py [--device cpu|cuda] [--threads 2] [--scale 1] [--json out.json]
    python benchmarks/bench_ops.py --small --threads 1     # per-call overhead: B = 1, 8, 64

Times are medians over --reps runs after warm-up. Peak memory is the peak of
bytes allocated by PyTorch's allocator during one run above what was allocated
before it (CPU: from the profiler's memory events; CUDA: max_memory_allocated),
inputs excluded. "need_weights=False" is the call the graph compiler makes where the stock
code reads only the result (the weights are neither written nor differentiated). GB/s is the traffic a forward+backward must move at least (forward:
inputs read, outputs written; backward: output gradients and inputs read, input
gradients written) over the fwd+bwd time; on CUDA also as a share of the device's
peak memory bandwidth (--peak-gbps, known for H200/H100/A100).

The limits are measured in the same run: "copy GB/s" is a 256 MiB tensor copy (bytes read +
written per second), and "of limit" is the fwd+bwd GB/s over it for the attention operators;
for the loss it is the time of the three GEMMs of its size (logits [N, P] x [P, E] and the
two gradient products, torch.mm) over the fwd+bwd time: 1.0 would be at the GEMM floor.
"page faults" counts the minor page faults of one forward+backward (getrusage): fresh output
and gradient tensors of a few MiB come from newly mapped memory that the kernel zeroes page
by page on first touch, in this process's allocator (glibc malloc), whoever computes them.
"""
import argparse
import json
import platform
import resource
import statistics
import time

import torch

import cldmdf
from cldmdf import reference, testing


def make_cases(device, scale, small=False):
    g = torch.Generator(device="cpu").manual_seed(0)
    # float32 leaves that require grad; each modality present with probability 0.7
    common = dict(dtype=torch.float32, device=device, requires_grad=True, mask="random",
                  present=0.7)
    if small:
        return small_cases(g, common)
    B, M, D, K, H = 1024 * scale, 6, 256, 256, 8
    da_args = testing.dual_attention_inputs(B, M, D, K, g, **common).args(H, 1.0)

    Bf = 4096 * scale
    af_args = testing.adaptive_fusion_inputs(Bf, M, D, D, g, **common).args(1.0)

    N, E, P = 16384 * scale, 4096, 128
    cl_args = testing.centroid_loss_inputs(
        N, P, g, E=E, entities="balanced", ids=torch.arange(E), dtype=torch.float32,
        device=device, requires_grad=True).args(0.1, True, "mean")
    return [
        ("dual_attention", f"B={B} M={M} D={D} K={K} H={H}", torch.ops.cldmdf.dual_attention,
         reference.dual_attention, da_args),
        ("adaptive_fusion", f"B={Bf} M={M} D={D} G={D}", torch.ops.cldmdf.adaptive_fusion,
         reference.adaptive_fusion, af_args),
        ("centroid_loss", f"N={N} E={E} P={P}", torch.ops.cldmdf.centroid_contrastive_loss,
         reference.centroid_contrastive_loss, cl_args),
    ]


def small_cases(g, common):
    """Per-call overhead: the operators at B = 1, 8, 64 (and the loss at N = 8, 64, 512)."""
    M, D, K, H, P = 6, 64, 64, 4, 32
    cases = []
    for B in (1, 8, 64):
        da = testing.dual_attention_inputs(B, M, D, K, g, **common)
        cases.append(("dual_attention", f"B={B} M={M} D={D} K={K} H={H}",
                      torch.ops.cldmdf.dual_attention, reference.dual_attention,
                      da.args(H, 1.0)))
        af = testing.adaptive_fusion_inputs(B, M, D, 1, g, **common)
        cases.append(("adaptive_fusion", f"B={B} M={M} D={D} G=1",
                      torch.ops.cldmdf.adaptive_fusion, reference.adaptive_fusion,
                      af.args(1.0)))
    for N in (8, 64, 512):
        E = max(2, N // 4)
        loss = testing.centroid_loss_inputs(N, P, g, E=E, ids=torch.arange(E),
                                            dtype=torch.float32, device=common["device"],
                                            requires_grad=True)
        cases.append(("centroid_loss", f"N={N} P={P}", torch.ops.cldmdf.centroid_contrastive_loss,
                      reference.centroid_contrastive_loss, loss.args(0.1, True, "mean")))
    return cases


def copy_gbps(device, reps, warmup):
    """Bytes read + written per second by a 256 MiB tensor copy: the memory limit."""
    src = torch.randn(2**26, device=device)
    dst = torch.empty_like(src)
    seconds = median_time(lambda: dst.copy_(src), device, reps, warmup)
    return 2 * src.numel() * src.element_size() / seconds / 1e9


def gemm_floor_ms(z, entity, device, reps, warmup):
    """The three GEMMs of the loss at its size (logits, and the two gradient products)."""
    N, P = z.shape
    E = int(torch.unique(entity).numel())
    a, c = torch.randn(N, P, device=device), torch.randn(E, P, device=device)
    t = torch.randn(N, E, device=device)

    def three():
        torch.mm(a, c.t())
        torch.mm(t, c)
        torch.mm(t.t(), a)
    return 1e3 * median_time(three, device, reps, warmup)


def scalar_loss(out):
    outs = out if isinstance(out, (tuple, list)) else (out,)
    return sum(o.float().sum() for o in outs)


def synchronize(device):
    if device == "cuda":
        torch.cuda.synchronize()


def median_time(fn, device, reps, warmup):
    for _ in range(warmup):
        fn()
    synchronize(device)
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        synchronize(device)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(fn, device):
    if device == "cuda":
        torch.cuda.synchronize()
        base = torch.cuda.memory_allocated()
        torch.cuda.reset_peak_memory_stats()
        fn()
        torch.cuda.synchronize()
        return torch.cuda.max_memory_allocated() - base
    from torch.profiler import ProfilerActivity, profile
    with profile(activities=[ProfilerActivity.CPU], profile_memory=True) as prof:
        fn()
    current = peak = 0
    for ev in sorted(prof.profiler.kineto_results.events(), key=lambda e: e.start_ns()):
        if ev.nbytes():
            current += ev.nbytes()
            peak = max(peak, current)
    return peak


# Peak memory bandwidth (GB/s) of the devices the speed goals name, by device-name substring.
PEAK_GBPS = {"H200": 4800.0, "H100": 3350.0, "A100": 2039.0}


def min_traffic_bytes(fn, args):
    """Bytes a forward+backward must move at least (see the module docstring)."""
    def nbytes(t):
        return t.numel() * t.element_size()
    with torch.no_grad():
        out = fn(*args)
    outs = out if isinstance(out, (tuple, list)) else (out,)
    inputs = [a for a in args if isinstance(a, torch.Tensor)]
    read = sum(nbytes(t) for t in inputs)
    written = sum(nbytes(o) for o in outs)
    grads = sum(nbytes(t) for t in inputs if t.dtype.is_floating_point)
    return (read + written) + (written + read + grads)


def minor_faults(fn, calls=3):
    """Minor page faults per call (first touches of freshly mapped memory: the kernel zeroes
    each new 4 KiB page, which is time the operators pay for fresh output tensors)."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(calls):
        fn()
    return (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / calls


def run_case(fn, args, device, reps, warmup):
    def fwd():
        with torch.no_grad():
            fn(*args)

    def fwd_bwd():
        for a in args:
            if isinstance(a, torch.Tensor):
                a.grad = None
        scalar_loss(fn(*args)).backward()

    row = {}
    for name, f in (("fwd", fwd), ("fwd+bwd", fwd_bwd)):
        row[name + "_ms"] = 1e3 * median_time(f, device, reps, warmup)
        row[name + "_peak_mb"] = peak_memory(f, device) / 2**20
    row["fwd+bwd_faults"] = minor_faults(fwd_bwd)
    for a in args:
        if isinstance(a, torch.Tensor):
            a.grad = None
    return row


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--device", default="cpu")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--scale", type=int, default=1, help="multiplies the batch sizes")
    p.add_argument("--reps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--no-compile", action="store_true", help="skip torch.compile(reference)")
    p.add_argument("--peak-gbps", type=float, default=None,
                   help="the device's peak memory bandwidth (default: known GPUs by name)")
    p.add_argument("--small", action="store_true",
                   help="small batches (B = 1, 8, 64): the per-call overhead")
    p.add_argument("--ops", nargs="+", choices=["dual_attention", "adaptive_fusion",
                                                "centroid_loss"], help="only these operators")
    p.add_argument("--json")
    args = p.parse_args()
    torch.set_num_threads(args.threads)

    machine = (f"{platform.processor() or platform.machine()}, {args.threads} threads"
               if args.device == "cpu" else torch.cuda.get_device_name())
    peak = args.peak_gbps
    if peak is None and args.device == "cuda":
        peak = next((v for k, v in PEAK_GBPS.items() if k in machine), None)
    copy = copy_gbps(args.device, args.reps, args.warmup)
    print(f"# torch {torch.__version__}, device {args.device} ({machine}), float32, "
          f"median of {args.reps}" + (f", peak bandwidth {peak:.0f} GB/s" if peak else "")
          + f", copy {copy:.1f} GB/s (measured)")
    header = ("| op | size | impl | fwd ms | fwd+bwd ms | fwd+bwd peak MiB | fwd+bwd GB/s"
              + (" (% of peak)" if peak else "") + " | of limit | page faults per fwd+bwd "
              "| speed-up fwd+bwd vs eager | vs compiled |")
    print(header)
    print("|" + "---|" * 11)
    results = []
    for op, size, ours, ref, case_args in make_cases(args.device, args.scale, args.small):
        if args.ops and op not in args.ops:
            continue
        floor = (gemm_floor_ms(case_args[0], case_args[1], args.device, args.reps, args.warmup)
                 if op == "centroid_loss" and not args.small else None)
        impls = [("cldmdf", ours), ("eager reference", ref)]
        if op in ("dual_attention", "adaptive_fusion"):  # only `out` read: no weights written
            impls.insert(1, ("cldmdf, need_weights=False",
                             lambda *a, _op=ours: _op(*a, need_weights=False)))
        if not args.no_compile:
            torch._dynamo.reset()
            impls.append(("torch.compile(reference)", torch.compile(ref, dynamic=False)))
        rows = {name: run_case(fn, case_args, args.device, args.reps, args.warmup)
                for name, fn in impls}
        traffic = min_traffic_bytes(ours, case_args)
        for name, r in rows.items():
            eager = rows["eager reference"]["fwd+bwd_ms"] / r["fwd+bwd_ms"]
            comp = (rows["torch.compile(reference)"]["fwd+bwd_ms"] / r["fwd+bwd_ms"]
                    if "torch.compile(reference)" in rows else float("nan"))
            r["fwd+bwd_gbps"] = traffic / (r["fwd+bwd_ms"] * 1e-3) / 1e9
            bw = f"{r['fwd+bwd_gbps']:.1f}" + (
                f" ({100 * r['fwd+bwd_gbps'] / peak:.0f} %)" if peak else "")
            if op == "centroid_loss":
                r["of_limit"] = floor / r["fwd+bwd_ms"] if floor else float("nan")
                limit = (f"{r['of_limit']:.2f} of 3 GEMMs ({floor:.0f} ms)" if floor
                         else "-")
            else:
                r["of_limit"] = r["fwd+bwd_gbps"] / copy
                limit = f"{100 * r['of_limit']:.0f} % of copy"
            print(f"| {op} | {size} | {name} | {r['fwd_ms']:.2f} | {r['fwd+bwd_ms']:.2f} | "
                  f"{r['fwd+bwd_peak_mb']:.1f} | {bw} | {limit} | {r['fwd+bwd_faults']:.0f} | {eager:.2f}x | {comp:.2f}x |",
                  flush=True)
            results.append(dict(op=op, size=size, impl=name, **r))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(torch=torch.__version__, device=args.device, machine=machine,
                           threads=args.threads, copy_gbps=copy, results=results), f, indent=1)


if __name__ == "__main__":
    main()
