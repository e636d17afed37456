"""What the CPU kernels' instruction set is worth: the operator library built three ways,
timed side by side in one run (each build in its own process, the builds in turns, medians):

* ``baseline``: the baseline x86-64 ISA only (SSE2), no clones;
* ``clones``: the default build, baseline ISA with every parallel kernel region cloned for
  x86-64-v3 (AVX2) and x86-64-v4 (AVX-512), the clone chosen when the library loads;
* ``native``: ``-march=native`` everywhere.

    bash benchmarks/bench_isa.sh                 # builds the three into build/isa/, then this
    python benchmarks/bench_isa.py --lib baseline=PATH --lib clones=PATH --lib native=PATH

Times are CPU seconds of the calling thread (1 thread; less sensitive to a shared machine
than wall time) per call of the raw forward and backward operators, dual attention and
adaptive fusion at bench_ops.py's sizes, median over --rounds rounds of --reps calls.
"""
import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, sys, time, torch
torch.ops.load_library(sys.argv[1])
torch.set_num_threads(1)
reps = int(sys.argv[2])
g = torch.Generator().manual_seed(0)
def r(*s): return torch.randn(*s, generator=g)
B, M, D, K, H = 1024, 6, 256, 256, 8
x, fl, q, k, go = r(B, M, D), r(B, M, D), r(B, M, K), r(B, M, K), r(B, M, D)
mask = torch.rand(B, M, generator=g) > 0.3
Bf, G = 4096, 256
h, gl, gf = r(Bf, M, D), r(Bf, M, G), r(Bf, D)
maskf = torch.rand(Bf, M, generator=g) > 0.3
ops = torch.ops.cldmdf
calls = {
  "dual_attention fwd": lambda: ops.dual_attention(x, fl, q, k, mask, H, 1.0, True),
  "dual_attention bwd": lambda: ops.dual_attention_backward(go, None, None, x, fl, q, k, mask, H, 1.0),
  "adaptive_fusion fwd": lambda: ops.adaptive_fusion(h, gl, maskf, 1.0, True),
  "adaptive_fusion bwd": lambda: ops.adaptive_fusion_backward(gf, None, h, gl, maskf, 1.0),
}
out = {}
for name, fn in calls.items():
    fn()
    t = time.thread_time()
    for _ in range(reps):
        fn()
    out[name] = 1e3 * (time.thread_time() - t) / reps
print(json.dumps(out))
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--lib", action="append", required=True, metavar="NAME=PATH",
                   help="a build of cldmdf/_C.abi3.so to time (repeat)")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--json")
    args = p.parse_args()
    libs = dict(item.split("=", 1) for item in args.lib)
    times = {name: [] for name in libs}
    for _ in range(args.rounds):
        for name, path in libs.items():
            res = subprocess.run([sys.executable, "-c", CHILD, path, str(args.reps)],
                                 check=True, capture_output=True, text=True)
            times[name].append(json.loads(res.stdout.strip().splitlines()[-1]))
    calls = list(times[next(iter(libs))][0])
    medians = {name: {c: statistics.median(run[c] for run in runs) for c in calls}
               for name, runs in times.items()}
    first = next(iter(libs))
    print(f"# CPU ms per call (thread time, 1 thread), median of {args.rounds} rounds "
          f"x {args.reps} calls; ratio vs {first}")
    print("| call | " + " | ".join(libs) + " |")
    print("|---|" + "---|" * len(libs))
    for c in calls:
        cells = [f"{medians[n][c]:.2f} ({medians[first][c] / medians[n][c]:.2f}x)" for n in libs]
        print(f"| {c} | " + " | ".join(cells) + " |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(medians=medians, libs=libs), f, indent=1)


if __name__ == "__main__":
    main()
