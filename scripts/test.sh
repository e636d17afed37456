#!/usr/bin/env bash
# Sets up .venv and runs the test suite (CUDA tests skip where there is no GPU).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup_env.sh
.venv/bin/python -m pytest tests -q "$@"
