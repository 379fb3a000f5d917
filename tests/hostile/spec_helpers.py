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


# The child's own peak (VmHWM of the docgen process after exec): ru_maxrss of a forked child
# also counts the pages it shared with a large parent (pytest) before exec.
_WRAPPER = """
import atexit, os, runpy, sys
def _peak():
    try:
        with open("/proc/self/status") as status, open(os.environ["DOCGEN_PEAK_FILE"], "w") as out:
            out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
    except (OSError, StopIteration):
        pass
atexit.register(_peak)
sys.argv = ["docgen", *sys.argv[1:]]
runpy.run_module("docgen.cli", run_name="__main__")
"""


def run_docgen(*args: str, cwd: Path) -> Outcome:
    """`python -m docgen.cli ARGS` bounded to WALL_SECONDS and MEMORY_BYTES, with its time and
    its own peak resident memory."""
    peak_file = Path(tempfile.mkstemp(prefix="docgen-peak-")[1])
    env = dict(os.environ, PYTHONPATH=str(ROOT), DOCGEN_PEAK_FILE=str(peak_file))
    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        child = subprocess.Popen([sys.executable, "-c", _WRAPPER, *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
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
    written = peak_file.read_text().strip()
    peak_file.unlink()
    return Outcome(child.returncode, text, seconds, (int(written) if written else usage.ru_maxrss) / 1024)
