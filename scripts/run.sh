#!/usr/bin/env bash
# Sets up .venv and runs the main job: the CL-DMDF evaluation protocol on the embedded
# Handwritten and ROSMAP data in the quick setting (CL-DMDF and the three baselines, every
# missing rate, 2 seeds; about 10 minutes on one thread) through the command line,
# `python -m cldmdf experiment --quick`. Results go to results/ (results.md, results.json)
# and results/plots/ (metric vs missing rate, modality importance per class).
# Arguments are passed to `cldmdf experiment` (e.g. --seeds 10 --models all for more).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup_env.sh
.venv/bin/python -m cldmdf experiment --quick --threads 1 --out results "$@"
echo
echo "results table: results/results.md (JSON: results/results.json); plots: results/plots/"
ls results/plots/*.png
echo "main job: ${SECONDS}s"
