"""Runs the CL-DMDF evaluation protocol (docs/MODEL.md) and prints markdown tables of mean ± std
over seeds, one per task and metric (models × missing rates η).

This is ``python -m cldmdf experiment`` (cldmdf/experiment.py, cldmdf/cli.py) with this
script's old defaults: handwritten and pbcseq, CL-DMDF and the two baselines, 2 seeds.
Every option of ``cldmdf experiment`` works here, e.g.:

    python examples/evaluate.py                      # defaults: about 7 minutes on 2 CPU cores
    python examples/evaluate.py --seeds 10 --models all \\
        --tasks handwritten pbcseq --json results.json  # the full protocol (about 75 minutes)
    python examples/evaluate.py --split val --set dim=128 lr=3e-3  # tune on validation only
    python examples/evaluate.py --out results        # also results.md and plots/ in results/

``--set key=value`` overrides a model keyword argument (for every model that takes it) or
a training setting (epochs, batch_size, lr, weight_decay, patience).
"""
import sys

from cldmdf.cli import main

OLD_DEFAULTS = ["--tasks", "handwritten", "pbcseq", "--models", "cl-dmdf", "concat-mlp",
                "late-fusion", "--seeds", "2"]

if __name__ == "__main__":
    args = sys.argv[1:]
    # the old defaults, unless the user names the data (--data and --tasks exclude each other)
    sys.exit(main(["experiment"] + (args if "--data" in args else OLD_DEFAULTS + args)))
