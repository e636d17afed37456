#!/usr/bin/env bash
# Sets up .venv and runs the main job: the CL-DMDF evaluation protocol on the embedded
# Handwritten data in a quick setting (CL-DMDF and the baselines, every missing rate,
# 2 seeds), then the plots. Results go to results/ (JSON, Markdown) and results/plots/.
# Arguments are passed to examples/evaluate.py (e.g. --seeds 10 --models all for more).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup_env.sh
mkdir -p results/plots
.venv/bin/python examples/evaluate.py --tasks handwritten --threads 1 \
  --json results/quick.json "$@" | tee results/quick.md
.venv/bin/python examples/plot_results.py results/quick.json --out results/plots
.venv/bin/python examples/importance_heatmap.py --task handwritten --rate 0.3 --out results/plots
echo "results: results/quick.md, results/quick.json; plots: results/plots/"
