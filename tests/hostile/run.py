"""Run one hostile case in a measured subprocess (see measure.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .cases import ROOT, Case


def run_case(case: Case, timeout: float = 30, as_mb: int = 3072) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), DOCGEN_WORKERS="1")
    cmd = [sys.executable, "-m", "tests.hostile.measure", "--timeout", str(timeout), "--as-mb", str(as_mb), "--",
           sys.executable, "-m", case.module, *case.args]
    done = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, timeout=timeout + 60)
    return json.loads(done.stdout.decode().strip().splitlines()[-1])
