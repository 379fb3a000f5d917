#!/usr/bin/env bash
# Set-up (idempotent) then the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check docgen tests bench
exec .venv/bin/python -m pytest -q "$@"
