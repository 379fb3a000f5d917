"""Run docgen in a child process with a wall-clock bound and an address-space bound, and read
back its exit status, output, time and peak memory (for tests/hostile/test_spec_hostile.py)."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WALL_SECONDS = 30
MEMORY_BYTES = 500 * 1024 * 1024


@dataclass
class Outcome:
    code: int
    output: str
    seconds: float
    peak_mb: float


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    os.setsid()


def run_docgen(*args: str, cwd: Path) -> Outcome:
    """`python -m docgen.cli ARGS` bounded to WALL_SECONDS and MEMORY_BYTES; its own rusage
    (os.wait4), so the peak is this child's alone."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "docgen.cli", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                 stdout=out, stderr=subprocess.STDOUT, preexec_fn=_limits)
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > WALL_SECONDS:
                os.killpg(child.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.monotonic() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    return Outcome(child.returncode, text, seconds, usage.ru_maxrss / 1024)
