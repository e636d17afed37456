#!/usr/bin/env bash
# Sets up .venv and runs the main job: the demo of the three operators on real data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup_env.sh
.venv/bin/python examples/demo_ops.py "$@"
